import { Entity } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import { retention } from '../privacy/retention';

/**
 * One sign-up attempt: what someone gave on the sign-up form for an address, and the hash of the
 * code mailed to that address. Each attempt is its own item (created only if absent), so a second
 * sign-up with the same address never changes the first; the one whose code is confirmed becomes
 * the person, the others are deleted with it. No password here: it is chosen at confirmation, by
 * whoever holds the mailed code. Expires after a day (TTL in AWS, filtered on read: DynamoDB Local
 * enforces no TTL).
 */
export const SignUpAttemptEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'signUpAttempt', version: '1' },
    attributes: {
      email: { type: 'string', required: true },
      /** Time-ordered (creation time first), so the key orders an address's attempts and bounds their age. */
      attemptId: { type: 'string', required: true },
      /** sha-256 of `attemptId:code`: the code itself is only in the mail. */
      codeHash: { type: 'string', required: true },
      givenName: { type: 'string', required: true },
      familyName: { type: 'string', required: true },
      postalCode: { type: 'string', required: true },
      memberNumber: { type: 'string' },
      consentAt: { type: 'string', required: true },
      /** Set while a confirmation creates the account, so a double submit cannot create it twice. */
      claimedUntil: { type: 'number' },
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byEmail: { pk: { field: 'pk', composite: ['email'] }, sk: { field: 'sk', composite: ['attemptId'] } } },
  },
  { table: tableName, client: documentClient },
);

/** An attempt (and its code) lasts a day, as the mail says. */
export const SIGN_UP_ATTEMPT_SECONDS = retention.signUpAttempt.seconds;

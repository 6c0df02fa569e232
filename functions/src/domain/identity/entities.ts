import { Entity } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';

/**
 * What someone gave at sign-up, kept until they confirm their email. The PreSignUp trigger refuses a
 * Cognito sign-up without it, so nobody can sign up around the API's checks; the PostConfirmation
 * trigger turns it into a person. Expires after a week.
 */
export const PendingRegistrationEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'pendingRegistration', version: '1' },
    attributes: {
      email: { type: 'string', required: true },
      givenName: { type: 'string', required: true },
      familyName: { type: 'string', required: true },
      postalCode: { type: 'string', required: true },
      memberNumber: { type: 'string' },
      consentAt: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byEmail: { pk: { field: 'pk', composite: ['email'] }, sk: { field: 'sk', composite: [] } } },
  },
  { table: tableName, client: documentClient },
);

export const PENDING_REGISTRATION_SECONDS = 7 * 24 * 3600;

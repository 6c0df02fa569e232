import { randomBytes, randomInt } from 'node:crypto';
import type { EraseAccountRequest, ErasureStarted } from '../../contracts/privacy';
import { requirePerson } from '../access/authority';
import type { Caller } from '../access/caller';
import { NotFoundError } from '../errors';
import { confirmIdentity } from '../identity/auth';
import { endAllSessions } from '../identity/end-sessions';
import { PersonEmailEntity, PersonEntity } from '../people/entities';
import { changeMembership } from '../roles/service';
import { memberHash, MemberTombstoneEntity, SweepTaskEntity } from './entities';
import { deleteCognitoUser } from './cognito-account';
import { freshCursors } from './sweep';

/**
 * « Supprimer mon compte » (DELETE /api/me), or the privacy officer on someone's behalf: effective at
 * once — every session ends, every role ends (audited), the Cognito account is deleted so sign-in
 * fails, the person's item and address index are removed — then the erasure job sweeps the table and
 * the bucket (`runErasure`, erasure-sweep.ts). Confirmed with the password, and the TOTP code when the account has it.
 */
export async function eraseMyAccount(caller: Caller, request: EraseAccountRequest, client: { ip: string }): Promise<ErasureStarted> {
  const { userId } = requirePerson(caller);
  const { data: person } = await PersonEntity.get({ userId }).go({ consistent: true });
  if (!person) throw new NotFoundError('account.not-found');
  await confirmIdentity(person.email, request.password, request.totpCode, client);
  return startErasure(person, request.content, 'self');
}

type PersonItem = NonNullable<Awaited<ReturnType<ReturnType<typeof PersonEntity.get>['go']>>['data']>;

/** The part of an erasure done at once, whoever asked; the rest is the job's. */
export async function startErasure(person: PersonItem, content: 'delete' | 'keep', requestedBy: string): Promise<ErasureStarted> {
  const { userId } = person;
  await endAllSessions(userId);
  await changeMembership(userId, null, requestedBy === 'self' ? userId : requestedBy);
  const sweepId = randomBytes(12).toString('base64url');
  const pseudonym = `compte supprimé n° ${randomInt(100_000, 1_000_000)}`;
  const requestedAt = new Date().toISOString();
  await SweepTaskEntity.create({
    sweepId, seq: 0, kind: 'erasure', userId, email: person.email.toLowerCase(), givenName: person.givenName, familyName: person.familyName,
    pseudonym, content, requestedBy, requestedAt, cursors: freshCursors(), state: 'running',
  }).go();
  await deleteCognitoUser(userId);
  await Promise.all([PersonEntity.delete({ userId }).go(), PersonEmailEntity.delete({ email: person.email.toLowerCase() }).go()]);
  if (person.memberNumber) await MemberTombstoneEntity.put({ memberHash: memberHash(person.memberNumber), erasedAt: requestedAt }).go();
  return { erasureId: sweepId, requestedAt };
}


import type { Consent, ConsentKind, WithdrawConsentRequest } from '../../contracts/privacy';
import { requirePerson } from '../access/authority';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { MailPreferenceEntity } from '../mail/preference-entities';
import { changeMailPreference } from '../mail/preferences';
import { PreregistrationEntity } from '../rollout/entities';
import { erasePreregistration } from '../rollout/preregistration';
import { notificationKinds, NotificationStateEntity } from '../social/entities/notifications';
import { ConsentEntity, consentTexts } from './consent-records';
import { eraseMyAccount } from './erasure';

/**
 * Consents (issue 14 § 3, ADR 0024): each one a record of the text agreed to (its version), when and
 * how. The art. 9 consent of sign-up is written at registration (`recordSignUpConsent`); a
 * preregistration is its own record (double opt-in, `consentAt`); the mail categories are read from
 * the mail and notification preferences, which stay the one place they are set. Withdrawing one has
 * its effect at once — the art. 9 consent's is the erasure of the account, confirmed as one.
 */

const consentOf = (
  kind: ConsentKind,
  record: { textVersion?: string; givenAt: string; means?: string; withdrawnAt?: string },
  active = !record.withdrawnAt,
): Consent => ({
  id: kind,
  kind,
  text: consentTexts[kind].text,
  textVersion: record.textVersion ?? consentTexts[kind].version,
  givenAt: record.givenAt,
  means: record.means ?? consentTexts[kind].means,
  active,
  ...(!active && record.withdrawnAt && { withdrawnAt: record.withdrawnAt }),
  withdrawalEffect: consentTexts[kind].withdrawalEffect,
  withdrawalNeedsPassword: kind === 'art9-signup',
});

/**
 * « Mes consentements » (GET /api/me/consents): the records (C1), the preregistration of the address
 * (W1), and the mail categories as the preferences stand (2 GetItem), in parallel. An account older
 * than the records shows the sign-up consent kept on the person (`consentAt`).
 */
export async function listMyConsents(caller: Caller): Promise<{ items: Consent[] }> {
  const person = requirePerson(caller);
  const item = await callerItem(person);
  if (!item) throw new NotFoundError('account.not-found');
  const [records, preregistration, mailPreference, notificationState] = await Promise.all([
    ConsentEntity.query.byPerson({ userId: person.userId }).go(),
    PreregistrationEntity.get({ email: item.email.toLowerCase() }).go(),
    MailPreferenceEntity.get({ userId: person.userId }).go(),
    NotificationStateEntity.get({ userId: person.userId }).go(),
  ]);
  const recorded = new Map(records.data.map((r) => [r.kind, r]));
  const accountSince = item.createdAt;
  const items: Consent[] = [consentOf('art9-signup', recorded.get('art9-signup') ?? { givenAt: item.consentAt, textVersion: 'avant-2026-06' })];
  const prereg = preregistration.data;
  if (prereg) items.push(consentOf('preregistration', { givenAt: prereg.confirmedAt ?? prereg.consentAt }));
  // The mail categories: on unless the preferences say otherwise; a withdrawal made here is dated.
  const announcements = recorded.get('mail-event-announcements');
  const announcementsOff = mailPreference.data?.eventAnnouncements === false;
  items.push(consentOf('mail-event-announcements', { givenAt: accountSince, withdrawnAt: announcements?.withdrawnAt }, !announcementsOff));
  // A kind never chosen has its default, which is never « never ».
  const modes = notificationKinds.map((kind) => notificationState.data?.email?.[kind]);
  const notificationsOff = modes.every((mode) => mode === 'never');
  const notifications = recorded.get('mail-notifications');
  items.push(consentOf('mail-notifications', { givenAt: accountSince, withdrawnAt: notifications?.withdrawnAt }, !notificationsOff));
  return { items };
}

/**
 * Withdrawing a consent, with its effect: the art. 9 consent erases the account (the password, and
 * the TOTP code when on, confirm it, as « Supprimer mon compte »); the preregistration is erased; a
 * mail category is turned off in the preferences it is read from.
 */
export async function withdrawConsent(caller: Caller, consentId: string, body: WithdrawConsentRequest, client: { ip: string }) {
  const person = requirePerson(caller);
  const withdrawnAt = new Date().toISOString();
  const consents = await listMyConsents(caller);
  const consent = consents.items.find((c) => c.id === consentId);
  if (!consent) throw new NotFoundError('consent.not-found', 'params.consentId');
  if (!consent.active) throw new ConflictError('consent.already-withdrawn');
  switch (consent.kind) {
    case 'art9-signup': {
      if (!body.password) throw new ValidationError([{ field: 'body.password', message: 'obligatoire : retirer ce consentement supprime le compte' }]);
      const erasure = await eraseMyAccount(caller, { password: body.password, totpCode: body.totpCode, content: body.content ?? 'delete' }, client);
      return { id: consentId, withdrawnAt, erasureId: erasure.erasureId };
    }
    case 'preregistration': {
      const item = await callerItem(person);
      const { data } = await PreregistrationEntity.get({ email: item!.email.toLowerCase() }).go();
      if (data) await erasePreregistration(data.token);
      return { id: consentId, withdrawnAt };
    }
    case 'mail-event-announcements':
      await changeMailPreference(person.userId, { eventAnnouncements: false, leave: [], join: [] });
      break;
    case 'mail-notifications':
      await NotificationStateEntity.upsert({ userId: person.userId }).set({ email: Object.fromEntries(notificationKinds.map((kind) => [kind, 'never' as const])) }).go();
      break;
    case 'public-rsvp':
      throw new NotFoundError('consent.not-found', 'params.consentId');
  }
  const { version, means } = consentTexts[consent.kind];
  await ConsentEntity.put({ userId: person.userId, kind: consent.kind as 'mail-notifications', textVersion: version, givenAt: consent.givenAt, means, withdrawnAt }).go();
  return { id: consentId, withdrawnAt };
}

import { findActiveMemberByEmail, linkMemberRecord } from '../membership/records';
import { foldName } from '../territory/names';
import { getSection, resolvePostalCode } from '../territory/service';
import { PersonEmailEntity, PersonEntity } from './entities';
import { MembershipChangeEntity } from './membership-history';
import { recordSignUpConsent } from '../privacy/consent-records';
import { defaultVisibility } from './visibility';
import { isConditionFailure } from '../../shared/conditions';
import { carryWithdrawalToAccount, ownSpaceKeys } from '../mail/preferences';

/** What a person gave at sign-up: the confirmed sign-up attempt. */
export interface Registration {
  givenName: string;
  familyName: string;
  postalCode: string;
  memberNumber?: string;
  consentAt: string;
}

/**
 * Creates the person once their email is confirmed (the confirmed sign-up attempt): an adhérent when
 * the email (and member number, if given) is in the member file, else a sympathisant of the
 * federation of their postal code. A bulk-mail withdrawal of the address becomes the account's mail
 * preference. Idempotent: a second call changes nothing.
 */
export async function registerPerson(userId: string, email: string, pending: Registration): Promise<'created' | 'exists'> {
  const existing = await PersonEntity.get({ userId }).go();
  if (existing.data) return 'exists';

  const record = await findActiveMemberByEmail(email);
  const matches = record && (!pending.memberNumber || pending.memberNumber === record.memberNumber);
  let place: { sectionId?: string; sectionName?: string; federationCode: string; federationName: string };
  if (matches) {
    const section = await getSection(record.sectionId);
    place = { sectionId: section.id, sectionName: section.name, federationCode: section.federationCode, federationName: section.federationName };
  } else {
    const commune = (await resolvePostalCode(pending.postalCode)).communes[0]!;
    place = { federationCode: commune.federation.code, federationName: commune.federation.name };
  }
  await PersonEntity.create({
    userId,
    email,
    givenName: pending.givenName,
    familyName: pending.familyName,
    sortName: foldName(`${pending.familyName} ${pending.givenName}`),
    status: matches ? 'adherent' : 'sympathisant',
    memberNumber: matches ? record.memberNumber : undefined,
    ...place,
    postalCode: pending.postalCode,
    visibility: defaultVisibility,
    roles: [],
    consentAt: pending.consentAt,
  })
    .go()
    .catch((error: Error) => {
      if (!isConditionFailure(error)) throw error;
    });
  await PersonEmailEntity.put({ email, userId }).go();
  await recordSignUpConsent(userId, pending.consentAt);
  await MembershipChangeEntity.put({ userId, at: new Date().toISOString(), status: matches ? 'adherent' : 'sympathisant', sectionId: place.sectionId, federationCode: place.federationCode }).go();
  if (matches) await linkMemberRecord(record.memberNumber, userId);
  // « Ne plus rien recevoir », said to a launch mail before the account existed, becomes its preference.
  await carryWithdrawalToAccount(userId, email, ownSpaceKeys(place));
  return 'created';
}

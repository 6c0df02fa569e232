import { mandates, partyFunctions, type Audience, type ProfileField, type Role } from '@coopol/contracts';
import { t, type TextKey } from '../../i18n';

/** French labels of profile data: the catalogue's own labels for functions and mandates, i18n for the rest. */

const functionLabels = new Map<string, string>(partyFunctions.map((f) => [f.code, f.label]));
const mandateLabels = new Map<string, string>(mandates.map((m) => [m.code, m.label]));

export const functionLabel = (code: string) => functionLabels.get(code) ?? code;
export const mandateLabel = (code: string) => mandateLabels.get(code) ?? code;

export const functionLevels = ['national', 'federal', 'section'] as const;
const levelKeys: Record<(typeof functionLevels)[number], TextKey> = {
  national: 'profile.level.national',
  federal: 'profile.level.federal',
  section: 'profile.level.section',
};
export const levelLabel = (level: (typeof functionLevels)[number]) => t(levelKeys[level]);

const roleKeys: Record<Role, TextKey> = {
  'national-admin': 'role.national-admin',
  'privacy-officer': 'role.privacy-officer',
  'federation-officer': 'role.federation-officer',
  'section-secretary': 'role.section-secretary',
  'web-referent': 'role.web-referent',
};
export const roleLabel = (role: string) => (role in roleKeys ? t(roleKeys[role as Role]) : role);

export const statusLabel = (status: 'adherent' | 'sympathisant') =>
  status === 'adherent' ? t('profile.status.adherent') : t('profile.status.sympathisant');

/** From the widest audience to the narrowest. */
export const audiences: Audience[] = ['signed-in', 'members', 'section', 'friends', 'only-me'];
const audienceKeys: Record<Audience, TextKey> = {
  'signed-in': 'audience.signed-in',
  members: 'audience.members',
  section: 'audience.section',
  friends: 'audience.friends',
  'only-me': 'audience.only-me',
};
export const audienceLabel = (audience: Audience) => t(audienceKeys[audience]);

/** The fields whose audience a person chooses, in the order the form shows them. */
export const visibilityFields: ProfileField[] = ['membership', 'section', 'functions', 'mandates', 'interests', 'photo', 'email'];
const fieldKeys: Record<ProfileField, { label: TextKey; hint: TextKey }> = {
  membership: { label: 'visibility.membership', hint: 'visibility.membershipHint' },
  section: { label: 'visibility.section', hint: 'visibility.sectionHint' },
  functions: { label: 'visibility.functions', hint: 'visibility.functionsHint' },
  mandates: { label: 'visibility.mandates', hint: 'visibility.mandatesHint' },
  interests: { label: 'visibility.interests', hint: 'visibility.interestsHint' },
  photo: { label: 'visibility.photo', hint: 'visibility.photoHint' },
  email: { label: 'visibility.email', hint: 'visibility.emailHint' },
};
export const visibilityFieldLabel = (field: ProfileField) => t(fieldKeys[field].label);
export const visibilityFieldHint = (field: ProfileField) => t(fieldKeys[field].hint);

/** Initials for a person without a photo. */
export function initials(givenName: string, familyName: string): string {
  return `${givenName.trim().charAt(0)}${familyName.trim().charAt(0)}`.toUpperCase();
}

import { ValidationError } from '../errors';
import { commonLongPasswords } from './common-passwords';

/** A short pattern repeated (« abcabcabcabc », « aaaaaaaaaaaa »): as weak as a common password. */
const repeatsAShortUnit = (password: string) => /^(.{1,4})\1+$/.test(password);

/**
 * Current guidance (NIST SP 800-63B, ANSSI): long passwords, no composition rules, refused when
 * common — Mozilla's common-password list, those of its entries long enough to be a Coopol password
 * (common-passwords.ts) — or made of the person's own details. Enforced here because the local
 * emulator enforces no policy and Cognito's own policy does not know common passwords.
 */
export function assertAcceptablePassword(
  password: string,
  personal: { email: string; givenName?: string; familyName?: string },
  field = 'body.password',
): void {
  const problems: string[] = [];
  if (password.length < 12) problems.push('au moins 12 caractères');
  const lower = password.toLowerCase();
  if (commonLongPasswords.has(lower) || repeatsAShortUnit(lower)) problems.push('ce mot de passe est trop courant, choisissez-en un autre');
  const localPart = personal.email.split('@')[0]?.toLowerCase() ?? '';
  const own = [localPart, personal.givenName?.toLowerCase(), personal.familyName?.toLowerCase()].filter((s): s is string => Boolean(s && s.length >= 4));
  if (own.some((part) => lower.includes(part))) problems.push('ne reprenez pas votre nom ou votre adresse e-mail');
  if (problems.length) throw new ValidationError(problems.map((message) => ({ field, message })), 'password.refused');
}

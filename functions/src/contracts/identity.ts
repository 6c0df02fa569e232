import * as z from 'zod';
import { Done, Email, PersonName, UserId, pageOf, lineText } from './common';

// Defined in common.ts (every feature needs them), still exported from here.
export { Done, Email, PersonName, UserId };
import { FederationCode, PostalCode, SectionId } from './territory';

/** Length only here; the domain checks it against common passwords and the person's own details. */
export const Password = z.string().min(12, 'au moins 12 caractères').max(256, 'au plus 256 caractères');
export const ConfirmationCode = z.string().regex(/^\d{6}$/, 'code à 6 chiffres');
export const MemberNumber = z.string().regex(/^[0-9A-Z]{4,12}$/, 'numéro d’adhérent (4 à 12 chiffres ou lettres majuscules)');

// ——— Sign-up, sign-in, reset ———

/** No password here: it is chosen at confirmation, by whoever holds the mailed code (ADR 0015). */
export const SignUpRequest = z
  .object({
    email: Email,
    givenName: PersonName,
    familyName: PersonName,
    /** Supporters choose their federation through their postal code; members get their section from the member file. */
    postalCode: PostalCode,
    memberNumber: MemberNumber.optional(),
    /** Explicit consent to the processing of political-opinion data (GDPR art. 9). */
    consent: z.literal(true, { error: 'votre accord est nécessaire pour créer un compte' }),
  })
  .meta({ id: 'SignUpRequest' });
export type SignUpRequest = z.infer<typeof SignUpRequest>;

export const CodeSent = z
  .object({ destination: z.string().describe('adresse masquée où le code a été envoyé') })
  .meta({ id: 'CodeSent' });

/** The id of one's own sign-up attempt: « Renvoyer le code » re-mails its code, and no other. */
export const SignUpAttemptId = z.string().regex(/^[0-9a-z]{9}[\w-]{16}$/, 'identifiant d’inscription');
export const SignUpStarted = z
  .object({
    destination: z.string().describe('adresse masquée où le code a été envoyé'),
    attempt: SignUpAttemptId.describe('à rappeler pour recevoir un nouveau code'),
  })
  .meta({ id: 'SignUpStarted', description: 'Même réponse pour une adresse nouvelle ou déjà inscrite.' });
export type SignUpStarted = z.infer<typeof SignUpStarted>;

/** The code mailed at sign-up, and the password its holder chooses: the account is created with it. */
export const ConfirmSignUpRequest = z.object({ email: Email, code: ConfirmationCode, password: Password }).meta({ id: 'ConfirmSignUpRequest' });
export type ConfirmSignUpRequest = z.infer<typeof ConfirmSignUpRequest>;
export const SignInRequest = z
  .object({
    email: Email,
    password: z.string().min(1).max(256),
    /** The code mailed when sign-in for this address is throttled: with the password, it lets the owner in. */
    unlockCode: ConfirmationCode.optional(),
  })
  .meta({ id: 'SignInRequest' });
export const RefreshRequest = z.object({ refreshToken: z.string().min(20).max(8192) }).meta({ id: 'RefreshRequest' });
export const SignOutRequest = z.object({ refreshToken: z.string().min(20).max(8192) }).meta({ id: 'SignOutRequest' });
export const ForgotPasswordRequest = z.object({ email: Email }).meta({ id: 'ForgotPasswordRequest' });
export const ResendCodeRequest = z.object({ email: Email, attempt: SignUpAttemptId }).meta({ id: 'ResendCodeRequest' });
export const ResetPasswordRequest = z
  .object({ email: Email, code: ConfirmationCode, password: Password })
  .meta({ id: 'ResetPasswordRequest' });
export const MfaChallengeRequest = z
  .object({ email: Email, session: z.string().min(20).max(8192), code: ConfirmationCode })
  .meta({ id: 'MfaChallengeRequest' });

export const Tokens = z.object({
  idToken: z.string(),
  accessToken: z.string(),
  /** Absent on refresh: the refresh token stays the same. */
  refreshToken: z.string().optional(),
  expiresIn: z.number().int(),
});

export const SignInResult = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('SIGNED_IN'), tokens: Tokens }),
    z.object({ status: z.literal('MFA_REQUIRED'), session: z.string() }),
  ])
  .meta({ id: 'SignInResult' });
export type SignInResult = z.infer<typeof SignInResult>;


// ——— MFA (TOTP) ———

export const MfaSetup = z
  .object({ secretCode: z.string(), otpauthUri: z.string() })
  .meta({ id: 'MfaSetup', description: 'Secret à saisir dans une application d’authentification (TOTP).' });
export const VerifyMfaRequest = z
  .object({ accessToken: z.string().min(20).max(8192), code: ConfirmationCode })
  .meta({ id: 'VerifyMfaRequest' });
export const StartMfaRequest = z.object({ accessToken: z.string().min(20).max(8192) }).meta({ id: 'StartMfaRequest' });

// ——— Profile ———

/** Who may see a field of a profile. */
export const Audience = z.enum(['signed-in', 'members', 'section', 'friends', 'only-me']);
export type Audience = z.infer<typeof Audience>;

export const ProfileField = z.enum(['membership', 'section', 'functions', 'mandates', 'interests', 'photo', 'email']);
export type ProfileField = z.infer<typeof ProfileField>;

/** Who sees each field of my profile: every field named (a record over an enum, spelled as an object for OpenAPI). */
export const Visibility = z.object(Object.fromEntries(ProfileField.options.map((field) => [field, Audience])) as Record<ProfileField, typeof Audience>);
export type Visibility = z.infer<typeof Visibility>;

/**
 * « Qui peut me trouver » (search, friend suggestions, mentions): people who share a section, a
 * federation, a group or a friendship with me (the default), everyone signed in, or nobody.
 */
export const FindableBy = z.enum(['connections', 'signed-in', 'nobody']);
export type FindableBy = z.infer<typeof FindableBy>;
/** « Qui peut m'écrire » (messaging, ADR 0029): friends — my coopains; shared-space — people who share a space with me; nobody. */
export const WritableBy = z.enum(['friends', 'shared-space', 'nobody']);
export type WritableBy = z.infer<typeof WritableBy>;

export const MembershipStatus = z.enum(['adherent', 'sympathisant']);

export const PartyFunctionCode = z.string().regex(/^[a-z0-9-]{2,60}$/);
export const MandateCode = z.string().regex(/^[a-z0-9-]{2,60}$/);

export const MyProfile = z
  .object({
    userId: UserId,
    email: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    status: MembershipStatus,
    memberNumber: z.string().nullable(),
    sectionId: SectionId.nullable(),
    sectionName: z.string().nullable(),
    federationCode: FederationCode,
    federationName: z.string(),
    functions: z.array(PartyFunctionCode),
    mandates: z.array(MandateCode),
    otherFunction: z.string().nullable(),
    interests: z.array(z.string()),
    photoUrl: z.string().nullable(),
    visibility: Visibility,
    findableBy: FindableBy,
    writableBy: WritableBy,
    roles: z.array(z.object({ role: z.string(), scopeType: z.string(), scopeId: z.string() })),
    mfaEnabled: z.boolean(),
    onboarded: z.boolean(),
  })
  .meta({ id: 'MyProfile' });
export type MyProfile = z.infer<typeof MyProfile>;

/**
 * The « Premiers pas » checklist, read from what the person did (nothing is ticked by hand): a photo,
 * a group joined, a coopain asked or found, an answer to an event or a slot taken, a first post.
 */
export const FirstSteps = z
  .object({
    photo: z.boolean(),
    group: z.boolean(),
    coopain: z.boolean(),
    action: z.boolean(),
    post: z.boolean(),
    dismissed: z.boolean(),
  })
  .meta({ id: 'FirstSteps' });
export type FirstSteps = z.infer<typeof FirstSteps>;

export const UpdateProfileRequest = z
  .object({
    givenName: PersonName.optional(),
    familyName: PersonName.optional(),
    functions: z.array(PartyFunctionCode).max(20).optional(),
    mandates: z.array(MandateCode).max(20).optional(),
    otherFunction: lineText({ max: 120 }).nullable().optional(),
    interests: z.array(lineText({ min: 1, max: 40 })).max(20).optional(),
    /** Only the fields given change. */
    visibility: z.partialRecord(ProfileField, Audience).optional(),
    findableBy: FindableBy.optional(),
    writableBy: WritableBy.optional(),
    /** Supporters only: moving changes the federation. */
    postalCode: PostalCode.optional(),
    onboarded: z.literal(true).optional(),
    /** Closes the « Premiers pas » checklist for good. */
    firstStepsDismissed: z.literal(true).optional(),
  })
  .strict()
  .meta({ id: 'UpdateProfileRequest' });
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

/** A profile as someone else sees it: fields the owner did not allow are absent. */
export const PublicProfile = z
  .object({
    userId: UserId,
    givenName: z.string(),
    familyName: z.string(),
    status: MembershipStatus.optional(),
    sectionId: SectionId.nullable().optional(),
    sectionName: z.string().nullable().optional(),
    functions: z.array(PartyFunctionCode).optional(),
    mandates: z.array(MandateCode).optional(),
    otherFunction: z.string().nullable().optional(),
    interests: z.array(z.string()).optional(),
    photoUrl: z.string().nullable().optional(),
    email: z.string().optional(),
  })
  .meta({ id: 'PublicProfile' });
export type PublicProfile = z.infer<typeof PublicProfile>;

export const PhotoUploadRequest = z
  .object({
    contentType: z.enum(['image/jpeg', 'image/png', 'image/webp'], { error: 'photo JPEG, PNG ou WebP' }),
    size: z.number().int().positive().max(5 * 1024 * 1024, 'au plus 5 Mo'),
  })
  .meta({ id: 'PhotoUploadRequest' });
export const PhotoUpload = z
  .object({ url: z.string(), fields: z.record(z.string(), z.string()), key: z.string(), maxBytes: z.number() })
  .meta({ id: 'PhotoUpload', description: 'Formulaire S3 pré-signé (POST) : type et taille imposés.' });
export const ConfirmPhotoRequest = z.object({ key: z.string().min(1).max(200) }).meta({ id: 'ConfirmPhotoRequest' });

// ——— Spaces: members and officials ———

export const MemberListEntry = PublicProfile.meta({ id: 'MemberListEntry' });
export const MemberPage = pageOf(MemberListEntry, 'MemberPage');

export const Role = z.enum(['national-admin', 'privacy-officer', 'federation-officer', 'section-secretary', 'web-referent']);
export type Role = z.infer<typeof Role>;
export const ScopeType = z.enum(['national', 'federation', 'section']);
export type ScopeType = z.infer<typeof ScopeType>;

export const Official = z
  .object({
    userId: UserId,
    givenName: z.string(),
    familyName: z.string(),
    role: Role,
    scopeType: ScopeType,
    scopeId: z.string(),
    grantedBy: z.string().describe('identifiant de la personne qui a attribué le rôle, ou « system » pour l’amorçage'),
    grantedAt: z.string(),
  })
  .meta({ id: 'Official' });
export const OfficialList = z.object({ items: z.array(Official) }).meta({ id: 'OfficialList' });

export const GrantRoleRequest = z
  .object({ userId: UserId, role: Role, scopeType: ScopeType, scopeId: z.string().min(1).max(64) })
  .meta({ id: 'GrantRoleRequest' });
export type GrantRoleRequest = z.infer<typeof GrantRoleRequest>;

// ——— Member file ———

export const MemberFileRowError = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export const MemberFileReport = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    lapsed: z.number().int(),
    errors: z.array(MemberFileRowError),
  })
  .meta({ id: 'MemberFileReport', description: 'Bilan d’un import du fichier des adhérents.' });
export type MemberFileReport = z.infer<typeof MemberFileReport>;

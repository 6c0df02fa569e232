import * as z from 'zod';
import { PageQuery } from './common';
import {
  CodeSent,
  ConfirmPhotoRequest,
  ConfirmSignUpRequest,
  Done,
  ForgotPasswordRequest,
  GrantRoleRequest,
  MemberFileReport,
  MemberPage,
  MfaChallengeRequest,
  MfaSetup,
  MyProfile,
  Official,
  OfficialList,
  PhotoUpload,
  PhotoUploadRequest,
  PublicProfile,
  RefreshRequest,
  ResetPasswordRequest,
  Role,
  ScopeType,
  SignInRequest,
  SignOutRequest,
  SignInResult,
  SignUpRequest,
  StartMfaRequest,
  UpdateProfileRequest,
  UserId,
  VerifyMfaRequest,
} from './identity';
import { HealthReport, Me, OpenApiDocument } from './platform';
import { eventRoutes } from './events-routes';
import {
  PreregisterRequest,
  PreregisterResult,
  Preregistration,
  PreregistrationToken,
  RolloutNumbers,
  RolloutScopeQuery,
  Wave,
  WaveId,
  WaveInput,
  WaveList,
  WavePatch,
} from './rollout';
import { defineRoute, type RouteContract } from './route';
import { socialRoutes } from './social-routes';
import {
  FederationCode,
  FederationDetail,
  FederationList,
  PostalCode,
  PostalCodeResolution,
  RegionCode,
  RegionDetail,
  RegionList,
  Section,
  SectionId,
  SectionPage,
} from './territory';

/** Every route of the API. Adding a route here adds it to CDK, the local gateway and OpenAPI. */
export const routes = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    feature: 'platform',
    auth: 'public',
    summary: 'État du service et de chacune de ses dépendances',
    tags: ['Plateforme'],
    response: HealthReport,
  }),
  openApi: defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    feature: 'platform',
    auth: 'public',
    summary: 'Ce document OpenAPI',
    tags: ['Plateforme'],
    response: OpenApiDocument,
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/me',
    feature: 'identity',
    auth: 'jwt',
    summary: 'La personne connectée',
    tags: ['Identité'],
    response: Me,
  }),
  listRegions: defineRoute({
    method: 'GET',
    path: '/api/regions',
    feature: 'territory',
    auth: 'public',
    summary: 'Toutes les régions',
    tags: ['Territoires'],
    response: RegionList,
  }),
  getRegion: defineRoute({
    method: 'GET',
    path: '/api/regions/{regionCode}',
    feature: 'territory',
    auth: 'public',
    summary: 'Une région et ses fédérations',
    tags: ['Territoires'],
    params: z.object({ regionCode: RegionCode }),
    response: RegionDetail,
  }),
  listFederations: defineRoute({
    method: 'GET',
    path: '/api/federations',
    feature: 'territory',
    auth: 'public',
    summary: 'Toutes les fédérations',
    tags: ['Territoires'],
    response: FederationList,
  }),
  getFederation: defineRoute({
    method: 'GET',
    path: '/api/federations/{federationCode}',
    feature: 'territory',
    auth: 'public',
    summary: 'Une fédération',
    tags: ['Territoires'],
    params: z.object({ federationCode: FederationCode }),
    response: FederationDetail,
  }),
  listFederationSections: defineRoute({
    method: 'GET',
    path: '/api/federations/{federationCode}/sections',
    feature: 'territory',
    auth: 'public',
    summary: "Les sections d'une fédération, par nom (paginé)",
    tags: ['Territoires'],
    params: z.object({ federationCode: FederationCode }),
    query: PageQuery,
    response: SectionPage,
  }),
  getSection: defineRoute({
    method: 'GET',
    path: '/api/sections/{sectionId}',
    feature: 'territory',
    auth: 'public',
    summary: 'Une section',
    tags: ['Territoires'],
    params: z.object({ sectionId: SectionId }),
    response: Section,
  }),
  resolvePostalCode: defineRoute({
    method: 'GET',
    path: '/api/postal-codes/{postalCode}',
    feature: 'territory',
    auth: 'public',
    summary: 'Commune(s), fédération et région d’un code postal',
    tags: ['Territoires'],
    params: z.object({ postalCode: PostalCode }),
    response: PostalCodeResolution,
  }),
  // ——— Identity: sign-up, sign-in, reset, MFA ———
  signUp: defineRoute({
    method: 'POST', path: '/api/auth/sign-up', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Créer un compte (un code de confirmation est envoyé par e-mail)',
    body: SignUpRequest, response: CodeSent, successStatus: 201,
  }),
  confirmSignUp: defineRoute({
    method: 'POST', path: '/api/auth/confirm-sign-up', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Confirmer son adresse e-mail avec le code reçu', body: ConfirmSignUpRequest, response: Done,
  }),
  signIn: defineRoute({
    method: 'POST', path: '/api/auth/sign-in', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Se connecter (trop d’échecs ralentissent les tentatives)', body: SignInRequest, response: SignInResult,
  }),
  answerMfa: defineRoute({
    method: 'POST', path: '/api/auth/mfa', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Deuxième étape de connexion : le code de l’application d’authentification', body: MfaChallengeRequest, response: SignInResult,
  }),
  refreshSession: defineRoute({
    method: 'POST', path: '/api/auth/refresh', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Prolonger la session', body: RefreshRequest, response: SignInResult,
  }),
  signOut: defineRoute({
    method: 'POST', path: '/api/auth/sign-out', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Se déconnecter : le jeton de renouvellement est révoqué', body: SignOutRequest, response: Done,
  }),
  forgotPassword: defineRoute({
    method: 'POST', path: '/api/auth/forgot-password', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Recevoir un code pour choisir un nouveau mot de passe', body: ForgotPasswordRequest, response: CodeSent, successStatus: 202,
  }),
  resetPassword: defineRoute({
    method: 'POST', path: '/api/auth/reset-password', feature: 'identity', auth: 'public', tags: ['Identité'],
    summary: 'Choisir un nouveau mot de passe avec le code reçu', body: ResetPasswordRequest, response: Done,
  }),
  startMfaSetup: defineRoute({
    method: 'POST', path: '/api/me/mfa/setup', feature: 'identity', auth: 'jwt', tags: ['Identité'],
    summary: 'Activer la double authentification : obtenir le secret TOTP', body: StartMfaRequest, response: MfaSetup,
  }),
  verifyMfaSetup: defineRoute({
    method: 'POST', path: '/api/me/mfa/verify', feature: 'identity', auth: 'jwt', tags: ['Identité'],
    summary: 'Activer la double authentification : vérifier un premier code', body: VerifyMfaRequest, response: Done,
  }),

  // ——— People: profiles, spaces' members and officials, roles ———
  getMyProfile: defineRoute({
    method: 'GET', path: '/api/me/profile', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Mon profil', response: MyProfile,
  }),
  updateMyProfile: defineRoute({
    method: 'PATCH', path: '/api/me/profile', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Modifier mon profil et qui voit quoi', body: UpdateProfileRequest, response: MyProfile,
  }),
  createPhotoUpload: defineRoute({
    method: 'POST', path: '/api/me/photo-upload', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Obtenir un formulaire d’envoi de photo (JPEG, PNG ou WebP, 5 Mo au plus)', body: PhotoUploadRequest, response: PhotoUpload,
  }),
  confirmPhoto: defineRoute({
    method: 'PUT', path: '/api/me/photo', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Utiliser la photo envoyée', body: ConfirmPhotoRequest, response: MyProfile,
  }),
  getProfile: defineRoute({
    method: 'GET', path: '/api/people/{userId}', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Le profil d’une personne, selon ce qu’elle a choisi de montrer', params: z.object({ userId: UserId }), response: PublicProfile,
  }),
  listSectionMembers: defineRoute({
    method: 'GET', path: '/api/sections/{sectionId}/members', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Les membres d’une section (selon les choix de chacun ; complet pour ses responsables)',
    params: z.object({ sectionId: SectionId }), query: PageQuery, response: MemberPage,
  }),
  listFederationMembers: defineRoute({
    method: 'GET', path: '/api/federations/{federationCode}/members', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Les adhérents et sympathisants d’une fédération (selon les choix de chacun ; complet pour ses responsables)',
    params: z.object({ federationCode: FederationCode }), query: PageQuery, response: MemberPage,
  }),
  listSectionOfficials: defineRoute({
    method: 'GET', path: '/api/sections/{sectionId}/officials', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Les responsables d’une section', params: z.object({ sectionId: SectionId }), response: OfficialList,
  }),
  listFederationOfficials: defineRoute({
    method: 'GET', path: '/api/federations/{federationCode}/officials', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Les responsables d’une fédération', params: z.object({ federationCode: FederationCode }), response: OfficialList,
  }),
  grantRole: defineRoute({
    method: 'POST', path: '/api/roles', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Attribuer un rôle (par qui est au-dessus dans l’organisation)', body: GrantRoleRequest, response: Official, successStatus: 201,
  }),
  revokeRole: defineRoute({
    method: 'DELETE', path: '/api/roles/{userId}/{scopeType}/{scopeId}/{role}', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Retirer un rôle', params: z.object({ userId: UserId, scopeType: ScopeType, scopeId: z.string().min(1).max(64), role: Role }),
    response: Done,
  }),

  // ——— Membership: the party's member file ———
  importMemberFile: defineRoute({
    method: 'POST', path: '/api/member-file', feature: 'membership', auth: 'jwt', tags: ['Adhésions'],
    summary: 'Importer le fichier des adhérents (CSV : numero, nom, prenom, email, section)',
    body: z.string().meta({ description: 'Le fichier CSV (séparateur « ; » ou « , »), en-tête en première ligne' }),
    bodyType: 'csv', maxBodyBytes: 5 * 1024 * 1024, response: MemberFileReport,
  }),

  // ——— Events: agendas, RSVP, volunteer slots, calendar feeds, field reports (contracts/events-routes.ts) ———
  ...eventRoutes,

  // ——— Rollout: preregistration (public, by the links of its mails) ———
  preregister: defineRoute({
    method: 'POST', path: '/api/preregistrations', feature: 'rollout', auth: 'public', tags: ['Déploiement'],
    summary: 'Se pré-inscrire pour être prévenu·e de l’ouverture de son territoire (double opt-in)',
    body: PreregisterRequest, response: PreregisterResult, successStatus: 202,
  }),
  getPreregistration: defineRoute({
    method: 'GET', path: '/api/preregistrations/{token}', feature: 'rollout', auth: 'public', tags: ['Déploiement'],
    summary: 'Voir (et télécharger) sa pré-inscription', params: z.object({ token: PreregistrationToken }), response: Preregistration,
  }),
  confirmPreregistration: defineRoute({
    method: 'POST', path: '/api/preregistrations/{token}/confirm', feature: 'rollout', auth: 'public', tags: ['Déploiement'],
    summary: 'Confirmer sa pré-inscription (lien du mail)', params: z.object({ token: PreregistrationToken }), response: Preregistration,
  }),
  erasePreregistration: defineRoute({
    method: 'DELETE', path: '/api/preregistrations/{token}', feature: 'rollout', auth: 'public', tags: ['Déploiement'],
    summary: 'Effacer sa pré-inscription', params: z.object({ token: PreregistrationToken }), response: Done,
  }),
  unsubscribe: defineRoute({
    method: 'POST', path: '/api/unsubscribe/{token}', feature: 'rollout', auth: 'public', tags: ['Déploiement'],
    summary: 'Désabonnement en un clic (RFC 8058, en-tête List-Unsubscribe) : le corps est ignoré',
    params: z.object({ token: PreregistrationToken }), response: Done,
  }),

  // ——— Rollout: waves (national admins) and numbers ———
  listWaves: defineRoute({
    method: 'GET', path: '/api/waves', feature: 'rollout', auth: 'jwt', tags: ['Déploiement'],
    summary: 'Les vagues de déploiement', response: WaveList,
  }),
  createWave: defineRoute({
    method: 'POST', path: '/api/waves', feature: 'rollout', auth: 'jwt', tags: ['Déploiement'],
    summary: 'Créer une vague (brouillon)', body: WaveInput, response: Wave, successStatus: 201,
  }),
  getWave: defineRoute({
    method: 'GET', path: '/api/waves/{waveId}', feature: 'rollout', auth: 'jwt', tags: ['Déploiement'],
    summary: 'Une vague et l’avancement de ses envois', params: z.object({ waveId: WaveId }), response: Wave,
  }),
  updateWave: defineRoute({
    method: 'PATCH', path: '/api/waves/{waveId}', feature: 'rollout', auth: 'jwt', tags: ['Déploiement'],
    summary: 'Modifier une vague (brouillon seulement)', params: z.object({ waveId: WaveId }), body: WavePatch, response: Wave,
  }),
  deployWave: defineRoute({
    method: 'POST', path: '/api/waves/{waveId}/deploy', feature: 'rollout', auth: 'jwt', tags: ['Déploiement'],
    summary: 'Déployer une vague : son ouverture est programmée à sa date', params: z.object({ waveId: WaveId }), response: Wave,
  }),
  openWave: defineRoute({
    method: 'POST', path: '/api/waves/{waveId}/open', feature: 'rollout', auth: 'jwt', tags: ['Déploiement'],
    summary: 'Ouvrir une vague maintenant', params: z.object({ waveId: WaveId }), response: Wave,
  }),
  relaunchWave: defineRoute({
    method: 'POST', path: '/api/waves/{waveId}/relaunch', feature: 'rollout', auth: 'jwt', tags: ['Déploiement'],
    summary: 'Relancer l’envoi arrêté d’une vague (reprend à la dernière page envoyée, personne ne reçoit deux fois)',
    params: z.object({ waveId: WaveId }), response: Wave,
  }),
  rolloutNumbers: defineRoute({
    method: 'GET', path: '/api/rollout/numbers', feature: 'rollout', auth: 'jwt', tags: ['Déploiement'],
    summary: 'Entonnoir (pré-inscrits → confirmés → prévenus → inscrits → actifs) et inscriptions par jour',
    query: RolloutScopeQuery, response: RolloutNumbers,
  }),

  // ——— Social: groups, friends, posts, comments, feed (contracts/social-routes.ts) ———
  ...socialRoutes,
} satisfies Record<string, RouteContract>;

export type RouteName = keyof typeof routes;
export const routeList: RouteContract[] = Object.values(routes);

import * as z from 'zod';
import { PageQuery } from './common';
import {
  ConfirmPhotoRequest,
  Done,
  FirstSteps,
  GrantRoleRequest,
  MemberPage,
  MyProfile,
  Official,
  OfficialList,
  PhotoUpload,
  PhotoUploadRequest,
  PublicProfile,
  Role,
  ScopeType,
  UpdateProfileRequest,
  UserId,
} from './identity';
import { FederationCode, SectionId } from './territory';
import { defineRoute } from './route';

/**
 * Profiles, the members and officials of a space, roles. Spread into the one route table (routes.ts);
 * the `people` Lambda imports these alone, so its bundle carries no other feature's contracts.
 */
export const peopleRoutes = {
  getMyProfile: defineRoute({
    method: 'GET', path: '/api/me/profile', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Mon profil', response: MyProfile,
  }),
  getFirstSteps: defineRoute({
    method: 'GET', path: '/api/me/first-steps', feature: 'people', auth: 'jwt', tags: ['Personnes'],
    summary: 'Mes premiers pas : photo, groupe, coopain, action, première publication (lus dans ce que j’ai fait)', response: FirstSteps,
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
};

import * as z from 'zod';
import { Done } from './identity';
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
import { defineRoute } from './route';

/**
 * Preregistration (public, by the links of its mails), waves (national admins) and their numbers.
 * Spread into the one route table (routes.ts); the `rollout` Lambda imports these alone, so its bundle
 * carries no other feature's contracts.
 */
export const rolloutRoutes = {
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
};

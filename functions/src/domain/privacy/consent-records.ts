import { Entity } from 'electrodb';
import type { ConsentKind } from '../../contracts/privacy';
import { entityConfig } from '../../shared/dynamodb';

/**
 * The records of consent (issue 14 § 3, ADR 0024): the texts by version and the entity, apart from
 * the service (consents.ts) so that registration writes one without bundling the other features.
 */

/** The texts agreed to, by version: a new wording is a new version, and the records keep the one they got. */
export const consentTexts: Record<ConsentKind, { version: string; text: string; means: string; withdrawalEffect: string }> = {
  'art9-signup': {
    version: '2026-06-v1',
    text: 'J’accepte que Coopol traite mon adhésion et mes opinions politiques (données sensibles, art. 9 du RGPD) pour me rattacher à ma section et me faire participer à la vie du parti.',
    means: 'Case cochée du formulaire d’inscription, confirmée par le code envoyé à l’adresse.',
    withdrawalEffect: 'Retirer ce consentement supprime votre compte et efface vos données : c’est définitif.',
  },
  preregistration: {
    version: '2026-06-v1',
    text: 'J’accepte que Coopol m’écrive une fois, quand mon territoire ouvre.',
    means: 'Formulaire de préinscription, confirmé par le lien du courriel (double opt-in).',
    withdrawalEffect: 'Votre préinscription est effacée : vous ne recevrez pas le courriel d’ouverture.',
  },
  'public-rsvp': {
    version: '2026-06-v1',
    text: 'J’accepte que Coopol garde mon nom et mon adresse pour ma réponse à cet événement.',
    means: 'Formulaire de réponse à un événement public, confirmé depuis la boîte aux lettres.',
    withdrawalEffect: 'Votre réponse est annulée et vos données effacées (par le lien du courriel reçu).',
  },
  'mail-event-announcements': {
    version: '2026-06-v1',
    text: 'Recevoir par courriel les annonces d’événements de ma section et de ma fédération.',
    means: 'Réglage par défaut du compte, modifiable dans ses préférences et par le lien de chaque annonce.',
    withdrawalEffect: 'Vous ne recevez plus les annonces d’événements par courriel.',
  },
  'mail-notifications': {
    version: '2026-06-v1',
    text: 'Recevoir par courriel mes notifications (commentaires, demandes de coopain et de groupe, invitations, mentions).',
    means: 'Réglage par défaut du compte, modifiable dans les préférences de notification.',
    withdrawalEffect: 'Plus aucune notification ne vous est envoyée par courriel ; elles restent sur le site.',
  },
};

/** A consent given by a signed-in person, as given (C1: the person's consents, one Query). */
export const ConsentEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'consent', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      kind: { type: ['art9-signup', 'mail-event-announcements', 'mail-notifications'] as const, required: true },
      textVersion: { type: 'string', required: true },
      givenAt: { type: 'string', required: true },
      means: { type: 'string', required: true },
      withdrawnAt: { type: 'string' },
    },
    indexes: { byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['kind'] } } },
  },
  entityConfig,
);

/** At registration: the art. 9 consent the sign-up form asked for, with the version of its text. */
export async function recordSignUpConsent(userId: string, givenAt: string): Promise<void> {
  const { version, means } = consentTexts['art9-signup'];
  await ConsentEntity.put({ userId, kind: 'art9-signup', textVersion: version, givenAt, means }).go();
}

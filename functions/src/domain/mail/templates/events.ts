import { button, layoutMail, paragraph, smallLink, type RenderedMail } from '../layout';
import { greeting } from './greeting';
import { partyIdentity, signature, slotNeeds } from './party-mail';

/** What every event mail says about the event. */
export interface EventMailFacts {
  givenName?: string;
  title: string;
  /** « Section Mulhouse » */
  spaceLabel: string;
  organizerName: string;
  /** « samedi 28 mars à 9 h » */
  when: string;
  address: string;
  url: string;
}

const footerEvent = (space: string) =>
  `Vous recevez ce message parce que vous participez à un événement de ${space} sur Coopol. Merci de ne pas y répondre.`;

/**
 * The announcement of a new event to the members of its space (bulk mail: one-click unsubscribe):
 * its volunteer needs with a link to each slot, signed by its organizer, from the party.
 */
export function eventAnnouncement(
  data: EventMailFacts & { kindLabel: string; description: string; slots: { label: string; url: string }[]; unsubscribeUrl: string; preferencesUrl: string },
): RenderedMail {
  return layoutMail({
    subject: `[${data.spaceLabel}] ${data.title} — proposé par ${data.organizerName}`,
    preheader: `${data.kindLabel}, ${data.when}, ${data.address}`,
    heading: data.title,
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph(`${data.organizerName} propose : ${data.kindLabel.toLowerCase()}, ${data.when}, ${data.address}.`),
      ...(data.description ? [paragraph(data.description)] : []),
      ...slotNeeds(data.slots),
      button(data.slots.length ? 'Voir l’action' : 'Voir l’événement et s’inscrire', data.url),
      signature(data.organizerName, data.spaceLabel),
    ],
    footer: `Vous recevez ce message parce que vous êtes membre de ${data.spaceLabel} sur Coopol. Aucun suivi d’ouverture ni de clic.`,
    footerBlocks: [
      smallLink('Ne plus recevoir les annonces d’événements :', 'se désinscrire', data.unsubscribeUrl),
      smallLink('Choisir ce que je reçois :', 'mes préférences', data.preferencesUrl),
      partyIdentity(),
    ],
  });
}

/** The day before: to those who come or signed up to a slot. */
export function eventReminder(data: EventMailFacts & { slots: string[] }): RenderedMail {
  return layoutMail({
    subject: `Rappel : ${data.title}, ${data.when}`,
    preheader: `Demain, ${data.address}`,
    heading: `Demain : ${data.title}`,
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph(`Petit rappel : ${data.title}, ${data.when}, ${data.address}.`),
      ...(data.slots.length ? [paragraph(`Vous êtes inscrit·e ${data.slots.length > 1 ? 'aux créneaux' : 'au créneau'} : ${data.slots.join(', ')}.`)] : []),
      paragraph('Un empêchement ? Dites-le sur la page de l’événement : votre place pourra servir à quelqu’un d’autre.'),
      button('Voir l’événement', data.url),
    ],
    footer: footerEvent(data.spaceLabel),
  });
}

/** A volunteer signed up to a slot: the slot, and its .ics attached (the mail module attaches it). */
export function eventSlotConfirmed(data: EventMailFacts & { slot: string }): RenderedMail {
  return layoutMail({
    subject: `Inscription confirmée : ${data.title}, ${data.slot}`,
    heading: 'Merci, vous êtes inscrit·e',
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph(`Vous êtes inscrit·e au créneau ${data.slot} de ${data.title}, ${data.address}.`),
      paragraph('Le fichier joint l’ajoute à votre agenda ; un rappel suivra la veille. Un empêchement ? Désinscrivez-vous sur la page de l’événement.'),
      button('Voir l’événement', data.url),
    ],
    footer: footerEvent(data.spaceLabel),
  });
}

/** An organizer changed or cancelled the event. */
export function eventChanged(data: EventMailFacts & { cancelled: boolean }): RenderedMail {
  return layoutMail({
    subject: data.cancelled ? `Annulé : ${data.title}` : `Modifié : ${data.title}`,
    heading: data.cancelled ? `${data.title} est annulé` : `${data.title} a changé`,
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph(
        data.cancelled
          ? `${data.organizerName} a annulé cet événement prévu ${data.when}.`
          : `${data.organizerName} a modifié cet événement. Désormais : ${data.when}, ${data.address}.`,
      ),
      button('Voir l’événement', data.url),
    ],
    footer: footerEvent(data.spaceLabel),
  });
}

/** A place freed up and the first person waiting got it. */
export function eventPlaceFreed(data: EventMailFacts): RenderedMail {
  return layoutMail({
    subject: `Une place s’est libérée : ${data.title}`,
    heading: 'Vous avez une place',
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph(`Une place s’est libérée pour ${data.title}, ${data.when}, ${data.address} : elle est pour vous, vous êtes inscrit·e.`),
      paragraph('Un empêchement ? Dites-le sur la page de l’événement pour laisser la place à la personne suivante.'),
      button('Voir l’événement', data.url),
    ],
    footer: footerEvent(data.spaceLabel),
  });
}

/**
 * To a visitor who answered a public event without an account: the confirmation link (the only mail
 * an unconfirmed address gets), or, when the address had already answered, the link to that answer.
 */
export function eventVisitorAnswer(data: EventMailFacts & { confirmed: boolean; holdMinutes: number; confirmUrl: string; manageUrl: string }): RenderedMail {
  const footer = 'Vous recevez ce message parce que quelqu’un a répondu avec votre adresse à un événement public sur Coopol. Si ce n’est pas vous, ignorez-le : sans confirmation, rien n’est gardé.';
  if (data.confirmed) {
    return layoutMail({
      subject: `Votre réponse : ${data.title}`,
      heading: data.title,
      blocks: [
        paragraph(greeting(data.givenName)),
        paragraph(`Une réponse a été envoyée avec votre adresse pour ${data.title}, ${data.when}, ${data.address}. Vous aviez déjà répondu : rien n’a changé.`),
        button('Voir, modifier ou annuler ma réponse', data.manageUrl),
      ],
      footer,
    });
  }
  return layoutMail({
    subject: `Confirmez votre réponse : ${data.title}`,
    preheader: `Lien valable ${data.holdMinutes} minutes`,
    heading: data.title,
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph(`Vous avez répondu à ${data.title}, ${data.when}, ${data.address}. Confirmez votre réponse dans les ${data.holdMinutes} minutes : votre place vous attend jusque-là.`),
      button('Confirmer ma réponse', data.confirmUrl),
      paragraph(`Modifier ou annuler votre réponse plus tard : ${data.manageUrl}`),
    ],
    footer,
  });
}

import { button, formattedText, layoutMail, paragraph, smallLink, type RenderedMail } from '../layout';
import { greeting } from './greeting';
import { partyIdentity, signature, slotNeeds } from './party-mail';

/** A message of a space to its members (issue 16): a party's mail, signed by a person, with its links. */
export interface SpaceMessageData {
  givenName?: string;
  subject: string;
  text: string;
  /** « Section Mulhouse » */
  spaceLabel: string;
  /** The person who wrote it: the human signature. */
  authorName: string;
  /** An action promoted by the message, with its volunteer needs (one link per slot). */
  event?: { title: string; when: string; address: string; url: string; slots: { label: string; url: string }[] };
  unsubscribeUrl: string;
  preferencesUrl: string;
}

export function spaceMessage(data: SpaceMessageData): RenderedMail {
  const paragraphs = data.text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  const event = data.event;
  return layoutMail({
    subject: `[${data.spaceLabel}] ${data.subject}`,
    preheader: paragraphs[0]?.replace(/[*_`]/g, '').slice(0, 120),
    heading: data.subject,
    blocks: [
      paragraph(greeting(data.givenName)),
      formattedText(data.text),
      ...(event
        ? [
            paragraph(`${event.title} : ${event.when}, ${event.address}.`),
            ...slotNeeds(event.slots),
            button('Voir l’action', event.url),
          ]
        : []),
      signature(data.authorName, data.spaceLabel),
    ],
    footer: `Vous recevez ce message parce que vous êtes membre de ${data.spaceLabel} sur Coopol, le réseau du parti. Aucun suivi d’ouverture ni de clic.`,
    footerBlocks: [smallLink(`Ne plus recevoir les messages de ${data.spaceLabel} :`, 'se désinscrire', data.unsubscribeUrl), smallLink('Choisir ce que je reçois :', 'mes préférences', data.preferencesUrl), partyIdentity()],
  });
}

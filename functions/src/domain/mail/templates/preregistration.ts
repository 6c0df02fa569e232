import { button, layoutMail, paragraph, smallLink, type Block, type RenderedMail } from '../layout';

export interface PreregistrationMailData {
  /** The commune and federation the postal code resolved to. */
  communeName: string;
  federationName: string;
  confirmUrl: string;
  manageUrl: string;
}

const footer =
  'Vous recevez ce message parce que cette adresse a été donnée sur le formulaire de pré-inscription de Coopol. Merci de ne pas y répondre.';
const manageBlock = (url: string): Block => smallLink('Votre pré-inscription :', 'la voir, la télécharger ou l’effacer', url);

/** Double opt-in: nothing else is sent before the link in this mail is followed. */
export function preregistrationConfirm(data: PreregistrationMailData): RenderedMail {
  return layoutMail({
    subject: 'Coopol : confirmez votre pré-inscription',
    preheader: 'Un clic pour être prévenu·e le jour où Coopol ouvre chez vous.',
    heading: 'Confirmez votre pré-inscription',
    blocks: [
      paragraph('Bonjour,'),
      paragraph(
        `Vous avez demandé à être prévenu·e de l’ouverture de Coopol à ${data.communeName} (${data.federationName}). Confirmez votre adresse pour que nous puissions vous écrire ce jour-là, et seulement pour cela.`,
      ),
      button('Confirmer ma pré-inscription', data.confirmUrl),
      paragraph('Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : sans confirmation, nous ne vous écrirons plus et l’adresse sera effacée sous 30 jours.'),
    ],
    footer,
    footerBlocks: [manageBlock(data.manageUrl)],
  });
}

/** Someone preregistered an address already on the list: its owner is told, nothing changed. */
export function preregistrationAlready(data: PreregistrationMailData & { confirmed: boolean }): RenderedMail {
  return layoutMail({
    subject: 'Coopol : vous êtes déjà pré-inscrit·e',
    preheader: 'Rien n’a changé : votre pré-inscription est toujours là.',
    heading: 'Vous êtes déjà pré-inscrit·e',
    blocks: [
      paragraph('Bonjour,'),
      paragraph(
        `Quelqu’un (sans doute vous) vient de pré-inscrire à nouveau cette adresse pour ${data.communeName} (${data.federationName}). Elle l’était déjà : rien n’a changé.`,
      ),
      ...(data.confirmed
        ? [paragraph('Votre pré-inscription est confirmée : nous vous écrirons le jour où Coopol ouvrira chez vous.')]
        : [paragraph('Votre pré-inscription n’est pas encore confirmée :'), button('Confirmer ma pré-inscription', data.confirmUrl)]),
    ],
    footer,
    footerBlocks: [manageBlock(data.manageUrl)],
  });
}

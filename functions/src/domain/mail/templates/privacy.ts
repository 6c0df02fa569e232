import { button, layoutMail, paragraph, type RenderedMail } from '../layout';
import { greeting } from './greeting';

export interface ExportReadyData {
  givenName?: string;
  /** The Coopol page that, for the signed-in owner only, hands out a fresh download. */
  url: string;
  /** How long the link works, in days. */
  days: number;
}

/** « Télécharger mes données »: the archive is ready; the link needs the owner signed in. */
export function exportReady(data: ExportReadyData): RenderedMail {
  return layoutMail({
    subject: 'Coopol : l’archive de vos données est prête',
    preheader: 'Tout ce que Coopol garde sur vous, dans une archive à télécharger.',
    heading: 'Vos données sont prêtes',
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph('Vous avez demandé tout ce que Coopol garde sur vous : l’archive est prête. Elle contient vos données lisibles par une machine (JSON), une page à ouvrir dans votre navigateur, et vos fichiers.'),
      button('Télécharger mes données', data.url),
      paragraph(`Ce lien marche ${data.days} jours, et seulement une fois connecté·e à votre compte : personne d’autre ne peut télécharger l’archive.`),
    ],
    footer: 'Vous recevez ce message parce que vous avez demandé vos données sur Coopol. Merci de ne pas y répondre.',
  });
}

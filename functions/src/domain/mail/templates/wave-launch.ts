import { party } from '../../../shared/party';
import { button, layoutMail, paragraph, smallLink, type RenderedMail } from '../layout';
import { partyIdentity, signature } from './party-mail';

export interface WaveLaunchData {
  communeName: string;
  federationName: string;
  /** Sign-up page with the address filled in. */
  signUpUrl: string;
  /** One-click unsubscribe (also in the List-Unsubscribe header). */
  unsubscribeUrl: string;
  manageUrl: string;
  kind: 'member' | 'supporter';
  /** Who deployed the wave: the mail's human signature. */
  signedBy?: string;
}

/** The launch mail of a rollout wave: sent once to each confirmed preregistered person of its territories. */
export function waveLaunch(data: WaveLaunchData): RenderedMail {
  return layoutMail({
    subject: `Coopol ouvre aujourd’hui à ${data.communeName} : inscrivez-vous`,
    preheader: `Vous vous étiez pré-inscrit·e à ${data.communeName} : c’est le jour J.`,
    heading: `Coopol est ouvert à ${data.communeName}`,
    blocks: [
      paragraph('Bonjour,'),
      paragraph(
        `Vous nous aviez demandé de vous prévenir : Coopol, le réseau des militantes et militants, ouvre aujourd’hui à ${data.communeName} et partout ailleurs dans la ${data.federationName.replace(/^F/, 'f')}.`,
      ),
      paragraph(
        data.kind === 'member'
          ? 'Inscrivez-vous avec l’adresse de votre adhésion : vous retrouverez votre section, ses actions et ses groupes.'
          : 'Inscrivez-vous : vous retrouverez les actions près de chez vous, les groupes thématiques et les militants de votre territoire.',
      ),
      button('Créer mon compte', data.signUpUrl),
      paragraph('Ce lien ouvre le formulaire d’inscription avec votre adresse déjà remplie.'),
      data.signedBy ? signature(data.signedBy, `l’équipe nationale de ${party.name}`) : paragraph(`L’équipe nationale de ${party.name}`),
    ],
    footer:
      'Vous recevez ce message une seule fois, parce que vous vous étiez pré-inscrit·e à l’ouverture de Coopol. Votre pré-inscription sera effacée dans six mois.',
    footerBlocks: [
      smallLink('Ne plus rien recevoir de Coopol :', 'se désabonner', data.unsubscribeUrl),
      smallLink('Votre pré-inscription :', 'la voir, la télécharger ou l’effacer', data.manageUrl),
      partyIdentity(),
    ],
  });
}

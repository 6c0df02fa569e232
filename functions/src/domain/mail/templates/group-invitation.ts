import { button, layoutMail, paragraph, type RenderedMail } from '../layout';

export interface GroupInvitationMailData {
  inviterName: string;
  groupName: string;
  acceptUrl: string;
}

/** A group manager invites an address: the link works once its owner has an account with it. */
export function groupInvitation(data: GroupInvitationMailData): RenderedMail {
  return layoutMail({
    subject: `Coopol : ${data.inviterName} vous invite dans le groupe « ${data.groupName} »`,
    preheader: 'Un clic pour rejoindre le groupe.',
    heading: `Invitation dans « ${data.groupName} »`,
    blocks: [
      paragraph('Bonjour,'),
      paragraph(`${data.inviterName} vous invite à rejoindre le groupe « ${data.groupName} » sur Coopol.`),
      button('Rejoindre le groupe', data.acceptUrl),
      paragraph('Pas encore de compte ? Créez-le avec cette adresse e-mail, puis revenez à ce lien. Sans réponse, l’invitation expire dans 30 jours.'),
    ],
    footer: 'Vous recevez ce message parce qu’un·e animateur·rice de groupe sur Coopol a donné cette adresse. Merci de ne pas y répondre.',
  });
}

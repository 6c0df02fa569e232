import { codeBlock, layoutMail, paragraph, type RenderedMail } from '../layout';
import { greeting } from './greeting';

export interface VerifyEmailData {
  /** The 6-digit code, or Cognito's `{####}` placeholder when Cognito sends the mail. */
  code: string;
  givenName?: string;
}

/** Sent by Cognito at sign-up (and when the code is sent again): confirms the address. */
export function verifyEmail(data: VerifyEmailData): RenderedMail {
  return layoutMail({
    subject: 'Coopol : votre code de vérification',
    preheader: 'Saisissez ce code pour terminer votre inscription sur Coopol.',
    heading: 'Confirmez votre adresse e-mail',
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph('Bienvenue sur Coopol ! Pour terminer votre inscription, saisissez ce code sur la page de confirmation.'),
      codeBlock('Votre code de vérification :', data.code),
      paragraph('Ce code est valable 24 heures.'),
      paragraph('Si vous n’avez pas demandé à vous inscrire sur Coopol, ignorez ce message : aucun compte ne sera ouvert sans ce code.'),
    ],
    footer: 'Vous recevez ce message parce que cette adresse a été donnée pour créer un compte Coopol. Merci de ne pas y répondre.',
  });
}

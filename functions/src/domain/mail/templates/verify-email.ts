import { codeBlock, layoutMail, paragraph, type RenderedMail } from '../layout';
import { greeting } from './greeting';

export interface VerifyEmailData {
  /** The 6-digit code (or a placeholder, e.g. Cognito's `{####}`, for a mail someone else fills in). */
  code: string;
  givenName?: string;
}

/** Sent at sign-up by the mail module (and when the code is sent again): confirms the address. */
export function verifyEmail(data: VerifyEmailData): RenderedMail {
  return layoutMail({
    subject: 'Coopol : votre code de vérification',
    preheader: 'Saisissez ce code pour terminer votre inscription sur Coopol.',
    heading: 'Confirmez votre adresse e-mail',
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph('Bienvenue sur Coopol ! Pour terminer votre inscription, saisissez ce code sur la page de confirmation : vous y choisirez votre mot de passe.'),
      codeBlock('Votre code de vérification :', data.code),
      paragraph('Ce code est valable 24 heures.'),
      paragraph('Si vous n’avez pas demandé à vous inscrire sur Coopol, ignorez ce message : aucun compte ne sera ouvert sans ce code.'),
    ],
    footer: 'Vous recevez ce message parce que cette adresse a été donnée pour créer un compte Coopol. Merci de ne pas y répondre.',
  });
}

import { codeBlock, layoutMail, paragraph, type RenderedMail } from '../layout';
import { greeting } from './greeting';

export interface ResetPasswordData {
  /** The 6-digit code, or Cognito's `{####}` placeholder when Cognito sends the mail. */
  code: string;
  givenName?: string;
}

/** Sent by Cognito when someone asks for a new password. */
export function resetPassword(data: ResetPasswordData): RenderedMail {
  return layoutMail({
    subject: 'Coopol : réinitialisation de votre mot de passe',
    preheader: 'Votre code pour choisir un nouveau mot de passe.',
    heading: 'Choisissez un nouveau mot de passe',
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph('Vous avez demandé à réinitialiser le mot de passe de votre compte Coopol. Saisissez ce code pour choisir un nouveau mot de passe.'),
      codeBlock('Votre code de réinitialisation :', data.code),
      paragraph('Ce code est valable une heure.'),
      paragraph('Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.'),
    ],
    footer: 'Vous recevez ce message parce qu’une réinitialisation du mot de passe a été demandée pour votre compte Coopol. Merci de ne pas y répondre.',
  });
}

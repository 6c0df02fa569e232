import { button, layoutMail, paragraph, smallLink, type RenderedMail } from '../layout';

export interface SignUpAlreadyData {
  signInUrl: string;
  forgotPasswordUrl: string;
}

/**
 * Someone used the sign-up form with an address that already has an account: its owner is told
 * (the form answered as for any address, so a stranger learns nothing), nothing changed.
 */
export function signUpAlready(data: SignUpAlreadyData): RenderedMail {
  return layoutMail({
    subject: 'Coopol : vous avez déjà un compte',
    preheader: 'Rien n’a changé : votre compte est toujours là.',
    heading: 'Vous avez déjà un compte Coopol',
    blocks: [
      paragraph('Bonjour,'),
      paragraph('Quelqu’un (sans doute vous) vient de demander à créer un compte Coopol avec cette adresse. Elle en a déjà un : rien n’a changé.'),
      button('Me connecter', data.signInUrl),
      paragraph('Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : personne n’a accès à votre compte sans votre mot de passe.'),
    ],
    footer: 'Vous recevez ce message parce que cette adresse a été donnée sur le formulaire d’inscription de Coopol. Nous ne l’écrivons pas plus d’une fois par heure. Merci de ne pas y répondre.',
    footerBlocks: [smallLink('Mot de passe oublié ?', 'en choisir un nouveau', data.forgotPasswordUrl)],
  });
}

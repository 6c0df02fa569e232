import { codeBlock, layoutMail, paragraph, type RenderedMail } from '../layout';
import { greeting } from './greeting';

export interface SignInUnlockData {
  code: string;
  givenName?: string;
  /** How long the code is valid, in minutes. */
  minutes: number;
}

/** After too many sign-in attempts on an account: the code that, with the password, lets its owner in anyway. */
export function signInUnlock(data: SignInUnlockData): RenderedMail {
  return layoutMail({
    subject: 'Coopol : votre code pour vous connecter',
    preheader: 'Trop de tentatives de connexion : ce code, avec votre mot de passe, vous permet de vous connecter.',
    heading: 'Connectez-vous avec ce code',
    blocks: [
      paragraph(greeting(data.givenName)),
      paragraph(
        'Il y a eu trop de tentatives de connexion à votre compte Coopol, peut-être pas de votre part : la connexion par mot de passe seul est suspendue pour un moment. Pour vous connecter quand même, saisissez ce code avec votre mot de passe.',
      ),
      codeBlock('Votre code de connexion :', data.code),
      paragraph(`Ce code est valable ${data.minutes} minutes.`),
      paragraph('Si ce n’était pas vous, personne n’entre sans ce code : vous pouvez aussi changer votre mot de passe (« Mot de passe oublié ? »).'),
    ],
    footer: 'Vous recevez ce message parce que quelqu’un a essayé de se connecter à votre compte Coopol. Merci de ne pas y répondre.',
  });
}

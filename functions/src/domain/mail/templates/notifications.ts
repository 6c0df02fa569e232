import { button, layoutMail, paragraph, type RenderedMail } from '../layout';
import { greeting } from './greeting';

const footer = 'Vous recevez ce message selon vos préférences de notification sur Coopol. Merci de ne pas y répondre.';

export interface NotificationMailData {
  givenName: string;
  text: string;
  url: string;
  settingsUrl: string;
}

/** One notification, sent at once (the person chose « immédiatement » for its kind). */
export function notification(data: NotificationMailData): RenderedMail {
  return layoutMail({
    subject: `Coopol : ${data.text}`,
    preheader: data.text,
    heading: 'Du nouveau sur Coopol',
    blocks: [paragraph(greeting(data.givenName)), paragraph(data.text), button('Voir sur Coopol', data.url), paragraph(`Choisir quand recevoir ces messages : ${data.settingsUrl}`)],
    footer,
  });
}

export interface DigestMailData {
  givenName: string;
  period: 'daily' | 'weekly';
  items: { text: string; url: string }[];
  settingsUrl: string;
}

/** The daily or weekly digest: what happened since the last one. */
export function notificationDigest(data: DigestMailData): RenderedMail {
  const when = data.period === 'daily' ? 'aujourd’hui' : 'cette semaine';
  return layoutMail({
    subject: `Coopol : ${data.items.length} nouveauté${data.items.length > 1 ? 's' : ''} ${when}`,
    preheader: data.items[0]?.text ?? '',
    heading: data.period === 'daily' ? 'Votre résumé du jour' : 'Votre résumé de la semaine',
    blocks: [
      paragraph(greeting(data.givenName)),
      ...data.items.map((item) => paragraph(`• ${item.text} — ${item.url}`)),
      paragraph(`Choisir quand recevoir ces messages : ${data.settingsUrl}`),
    ],
    footer,
  });
}

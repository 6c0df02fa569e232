/**
 * The short guided tours (driver.js, loaded only when someone asks for one): each stop names an
 * element of the page and says, in a sentence, what it is for. A stop whose element is absent is
 * shown in the middle of the screen.
 */
export interface TourStop {
  element?: string;
  title: string;
  text: string;
}

export const tours = {
  feed: [
    { element: '#first-steps-title', title: 'Premiers pas', text: 'Ce qu’il est utile de faire la première semaine. Chaque ligne se coche toute seule quand c’est fait.' },
    { element: 'section[aria-labelledby="composer-title"]', title: 'Publier', text: 'Écrivez ici pour donner des nouvelles : vos coopains le liront dans leur fil.' },
    { element: '#feed-title', title: 'Votre fil', text: 'Les messages de votre section, de vos groupes et de vos coopains, les plus récents en haut.' },
    { element: 'summary:has([data-unread])', title: 'Alertes', text: 'Un chiffre apparaît sur la cloche quand quelqu’un vous répond ou vous invite. Appuyez dessus pour lire.' },
    { element: 'header a[href="/aide"]', title: 'Besoin d’aide ?', text: 'Toutes les explications pas à pas sont ici, et le « ? » de chaque écran mène à la bonne page.' },
  ],
} as const satisfies Record<string, readonly TourStop[]>;

export type TourName = keyof typeof tours;

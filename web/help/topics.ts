/**
 * The help centre's content, in one place: each task page of `/aide`, the « ? » links that lead to it
 * (`HelpLink topic=…`), the search index and the role guides all read this module. Written for someone
 * not at ease with the web: short steps, the words of the buttons as they appear on screen.
 */

/** Who a page is mainly for; everyone may read every page, the guide picks by role. */
export type HelpAudience = 'everyone' | 'section-secretary' | 'web-referent' | 'national-admin';

export interface HelpTopic {
  slug: string;
  title: string;
  /** One sentence: what the task is for. */
  summary: string;
  audience: HelpAudience;
  /** Other words people may type to find it. */
  keywords: readonly string[];
  steps: readonly string[];
  /** One reassuring word, when there is one to say. */
  tip?: string;
  /** The screen where the task is done. */
  where?: { label: string; href: string };
}

export const helpTopics = [
  {
    slug: 'premiers-pas',
    title: 'Faire ses premiers pas',
    summary: 'Ce qu’il est utile de faire la première semaine, dans l’ordre.',
    audience: 'everyone',
    keywords: ['débuter', 'commencer', 'bienvenue', 'nouveau', 'photo', 'centres d’intérêt'],
    steps: [
      'Ajoutez une photo à votre profil : vos camarades vous reconnaîtront.',
      'Choisissez quelques centres d’intérêt : Coopol vous propose des groupes qui en parlent.',
      'Rejoignez un groupe et demandez en coopain une personne que vous connaissez.',
      'Inscrivez-vous à une action ou répondez à une réunion de votre section.',
      'Écrivez un premier message dans votre section pour dire bonjour.',
    ],
    tip: 'La liste « Premiers pas » de votre fil se coche toute seule à mesure que vous avancez.',
    where: { label: 'Mon fil', href: '/' },
  },
  {
    slug: 's-inscrire-a-un-creneau',
    title: 'S’inscrire à un créneau',
    summary: 'Donner une heure ou deux pour un tractage, un porte-à-porte ou une permanence.',
    audience: 'everyone',
    keywords: ['bénévole', 'tractage', 'porte-à-porte', 'aider', 'créneau', 'inscription', 'action'],
    steps: [
      'Ouvrez l’événement : depuis votre page d’accueil, votre agenda ou le message reçu.',
      'Descendez jusqu’à « Besoin de bénévoles » : chaque créneau dit l’heure et combien de personnes il manque.',
      'Appuyez sur « Je m’inscris » à côté du créneau qui vous convient.',
      'Un e-mail de confirmation arrive, avec le créneau à ajouter à votre agenda.',
    ],
    tip: 'Un empêchement ? Revenez sur la même page et appuyez sur « Me désinscrire » : la place est rendue à quelqu’un d’autre.',
    where: { label: 'Mon agenda', href: '/agenda' },
  },
  {
    slug: 'repondre-a-un-evenement',
    title: 'Répondre à une réunion ou un événement',
    summary: 'Dire si vous venez, et retrouver l’événement dans votre agenda.',
    audience: 'everyone',
    keywords: ['participer', 'venir', 'réunion', 'agenda', 'calendrier', 'rsvp', 'présence'],
    steps: [
      'Ouvrez l’événement depuis votre fil, votre agenda ou le message reçu.',
      'À « Vous venez ? », appuyez sur « Je viens » (ou « Peut-être », ou « Non »).',
      'Si la salle est pleine, vous êtes mis en liste d’attente et prévenu par e-mail dès qu’une place se libère.',
      'La veille, un rappel vous est envoyé par e-mail.',
    ],
    tip: 'Dans « Mon agenda », un lien permet d’ajouter tous vos événements au calendrier de votre téléphone.',
    where: { label: 'Mon agenda', href: '/agenda' },
  },
  {
    slug: 'publier-dans-ma-section',
    title: 'Publier dans ma section',
    summary: 'Écrire un message que les membres de votre section liront dans leur fil.',
    audience: 'everyone',
    keywords: ['écrire', 'message', 'poster', 'publication', 'photo', 'fil', 'annonce'],
    steps: [
      'Ouvrez la page de votre section (« Ma section »).',
      'Appuyez dans la case « Quoi de neuf ? » et écrivez votre message.',
      'Pour joindre une photo ou un document, appuyez sur « + ».',
      'Appuyez sur « Publier » : votre message apparaît en haut de la section.',
    ],
    tip: 'Une faute ? Le menu « … » de votre message permet de le modifier ou de le supprimer.',
  },
  {
    slug: 'suivre-une-conversation',
    title: 'Suivre une conversation',
    summary: 'Être prévenu quand quelqu’un répond à un message.',
    audience: 'everyone',
    keywords: ['commentaire', 'répondre', 'notification', 'cloche', 'suivre'],
    steps: [
      'Sous un message, appuyez sur « Suivre ».',
      'Quand quelqu’un répond, la cloche en haut de l’écran affiche un chiffre.',
      'Appuyez sur la cloche puis sur la ligne qui vous intéresse pour lire la réponse.',
    ],
    tip: 'Quand vous commentez un message, vous le suivez automatiquement.',
    where: { label: 'Mes notifications', href: '/notifications' },
  },
  {
    slug: 'rejoindre-un-groupe',
    title: 'Rejoindre un groupe',
    summary: 'Retrouver, au-delà de votre section, celles et ceux qui partagent un sujet.',
    audience: 'everyone',
    keywords: ['groupe', 'thématique', 'rejoindre', 'intérêt'],
    steps: [
      'Ouvrez « Groupes ».',
      'Choisissez un groupe dans la liste, ou cherchez-le avec « Rechercher ».',
      'Appuyez sur « Rejoindre le groupe ». Pour un groupe fermé, une personne qui l’anime accepte votre demande.',
    ],
    where: { label: 'Groupes', href: '/groupes' },
  },
  {
    slug: 'inviter-des-coopains',
    title: 'Inviter des coopains',
    summary: 'Ajouter des camarades à vos coopains, ou les inviter dans un groupe.',
    audience: 'everyone',
    keywords: ['ami', 'coopain', 'inviter', 'demande', 'contact'],
    steps: [
      'Ouvrez « Coopains » : Coopol vous propose des personnes que vous connaissez peut-être, avec la raison.',
      'Appuyez sur « Demander en coopain ». La personne reçoit votre demande et l’accepte ou non.',
      'Pour inviter quelqu’un dans un groupe que vous animez, ouvrez le groupe : « Inviter par e-mail ».',
    ],
    tip: 'Le nombre d’invitations par jour est limité, pour que personne ne soit submergé de messages.',
    where: { label: 'Coopains', href: '/coopains' },
  },
  {
    slug: 'regler-qui-voit-mon-profil',
    title: 'Régler qui voit mon profil',
    summary: 'Choisir qui peut vous trouver et ce que chacun voit de vous.',
    audience: 'everyone',
    keywords: ['confidentialité', 'vie privée', 'visible', 'cacher', 'profil', 'trouver'],
    steps: [
      'Ouvrez « Mon profil » depuis le menu à votre nom.',
      'À « Qui peut me trouver », choisissez : mes proches (section, groupes, coopains), tout le monde, ou personne.',
      'Pour chaque information (fonctions, centres d’intérêt…), choisissez qui la voit.',
      'Appuyez sur « Enregistrer ».',
    ],
    tip: 'Votre adhésion n’est jamais montrée à quelqu’un qui n’est pas du parti.',
    where: { label: 'Mon profil', href: '/profil' },
  },
  {
    slug: 'organiser-une-action',
    title: 'Organiser une action',
    summary: 'Annoncer une réunion, un tractage ou un porte-à-porte, avec des créneaux pour les bénévoles.',
    audience: 'section-secretary',
    keywords: ['créer', 'événement', 'réunion', 'tractage', 'créneau', 'annonce', 'secrétaire'],
    steps: [
      'Ouvrez l’agenda de votre section et appuyez sur « Proposer un événement ».',
      'Donnez un titre, la date, l’heure et le lieu. Pour le point sur la carte, collez un lien de carte (facultatif).',
      'Pour une action, appuyez sur « + Ajouter un créneau » autant de fois que nécessaire, avec le nombre de places.',
      'Laissez « Annoncer par e-mail » coché pour prévenir les membres, puis appuyez sur « Publier l’événement ».',
      'La page de l’événement dit ensuite à combien de personnes l’annonce a été envoyée.',
    ],
    tip: 'Après l’action, « Faire le compte-rendu » vous permet de dire combien de tracts et de portes : c’est la remontée.',
    where: { label: 'Mon agenda', href: '/agenda' },
  },
  {
    slug: 'faire-une-remontee',
    title: 'Faire le compte rendu d’une action',
    summary: 'Dire ce que l’action a donné : la fédération et le national le voient dans leurs remontées.',
    audience: 'section-secretary',
    keywords: ['compte rendu', 'remontée', 'bilan', 'tracts', 'portes', 'chiffres'],
    steps: [
      'Ouvrez l’événement passé et appuyez sur « Faire le compte-rendu ».',
      'Indiquez le nombre de participants, de tracts, de portes frappées, et une remarque si vous le souhaitez.',
      'Appuyez sur « Envoyer le compte-rendu » : les chiffres rejoignent les remontées du mois.',
    ],
  },
  {
    slug: 's-inscrire-a-une-formation',
    title: 'S’inscrire à une formation de vague',
    summary: 'Les référents web des territoires d’une vague sont formés avant l’ouverture.',
    audience: 'web-referent',
    keywords: ['formation', 'vague', 'référent', 'web', 'ouverture'],
    steps: [
      'Les formations de votre vague apparaissent dans votre agenda, dans l’espace national.',
      'Ouvrez la formation : à « Vous venez ? », appuyez sur « Je viens », ou inscrivez-vous à un de ses créneaux.',
      'La veille, un rappel vous est envoyé ; le lien de visio ou l’adresse sont sur la page.',
    ],
    where: { label: 'Mon agenda', href: '/agenda' },
  },
  {
    slug: 'ouvrir-une-vague',
    title: 'Ouvrir une vague',
    summary: 'Ouvrir Coopol dans de nouvelles régions et prévenir celles et ceux qui attendaient.',
    audience: 'national-admin',
    keywords: ['vague', 'déploiement', 'ouvrir', 'région', 'lancement', 'e-mail'],
    steps: [
      'Ouvrez « Vagues » dans le menu à votre nom, puis « Nouvelle vague ».',
      'Choisissez les régions ou fédérations, la date d’ouverture, et ajoutez les formations des référents web.',
      'Appuyez sur « Déployer… » : à la date choisie, la vague s’ouvre et chaque personne pré-inscrite reçoit un seul e-mail.',
      'Suivez l’envoi et les inscriptions dans « Déploiement ».',
    ],
    tip: 'Si l’envoi s’arrête, « Relancer l’envoi » reprend là où il en était : personne ne reçoit deux e-mails.',
    where: { label: 'Vagues', href: '/admin/vagues' },
  },
] as const satisfies readonly HelpTopic[];

export type HelpSlug = (typeof helpTopics)[number]['slug'];

/** The guides of `/aide/guide`: for each role, the tasks of its week, in order. */
export const roleGuides: readonly { role: Exclude<HelpAudience, 'everyone'>; title: string; intro: string; topics: readonly HelpSlug[] }[] = [
  {
    role: 'section-secretary',
    title: 'Guide du secrétaire de section',
    intro: 'Vous faites vivre la section : annoncer ce qui se passe, trouver des bras, dire ce que cela a donné.',
    topics: ['organiser-une-action', 'publier-dans-ma-section', 'faire-une-remontee', 'inviter-des-coopains'],
  },
  {
    role: 'web-referent',
    title: 'Guide du référent web',
    intro: 'Vous aidez la section à se servir de Coopol : vous êtes formé à l’ouverture et vous aidez les autres à faire leurs premiers pas.',
    topics: ['s-inscrire-a-une-formation', 'premiers-pas', 'publier-dans-ma-section', 'regler-qui-voit-mon-profil'],
  },
  {
    role: 'national-admin',
    title: 'Guide de l’équipe nationale',
    intro: 'Vous ouvrez Coopol territoire par territoire.',
    topics: ['ouvrir-une-vague', 's-inscrire-a-une-formation'],
  },
];

export function helpTopic(slug: string): HelpTopic | undefined {
  return helpTopics.find((topic) => topic.slug === slug);
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']/g, ' ')
    .toLowerCase();

/** The searchable text of each page, folded (no accents, no case): small enough to ship to the browser. */
export function helpIndex(): { slug: string; title: string; summary: string; text: string }[] {
  return helpTopics.map((topic) => ({
    slug: topic.slug,
    title: topic.title,
    summary: topic.summary,
    text: fold([topic.title, topic.summary, ...topic.keywords, ...topic.steps].join(' ')),
  }));
}

/** Pages holding every word of the query (accents and case ignored); all of them for an empty query. */
export function searchHelp<T extends { text: string }>(index: readonly T[], query: string): T[] {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1);
  return index.filter((entry) => words.every((word) => entry.text.includes(word)));
}

/** The guides for the roles a person holds (each once, whatever the number of grants). */
export function guidesFor(roles: readonly { role: string }[]) {
  const held = new Set(roles.map((grant) => grant.role));
  return roleGuides.filter((guide) => held.has(guide.role));
}

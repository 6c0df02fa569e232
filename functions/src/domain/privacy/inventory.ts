/**
 * The inventory of personal data (ADR 0024): every ElectroDB entity of the one table, what it holds
 * about people, and what export, erasure and retention do to it. The export job, the erasure job, the
 * register of processing (GET /api/privacy/register) and the ADR's table are all read from here; a unit
 * test (tests/unit/privacy-inventory.test.ts) fails when an entity of the code has no rule here, or a
 * rule names an entity that no longer exists. Plain data: no AWS client, no entity import.
 */

/** Why Coopol holds the data: the processing activities of the register (GDPR art. 30). */
export const processings = {
  accounts: {
    name: 'Comptes et connexion',
    purpose: 'Créer un compte, se connecter, protéger les comptes contre les abus.',
    legalBasis: 'Exécution des conditions d’utilisation (art. 6.1.b) ; intérêt légitime pour la sécurité (art. 6.1.f).',
    recipients: 'La personne elle-même ; l’équipe technique du parti.',
  },
  membership: {
    name: 'Adhésion, sections et responsabilités',
    purpose: 'Rattacher une personne à sa section et à sa fédération, vérifier l’adhésion dans le fichier du parti, confier des rôles.',
    legalBasis: 'Consentement explicite (art. 9.2.a) ; activités d’un organisme à finalité politique auprès de ses membres (art. 9.2.d).',
    recipients: 'Les responsables de la section et de la fédération de la personne ; le délégué à la protection des données.',
  },
  social: {
    name: 'Réseau social',
    purpose: 'Publier, commenter, se faire des coopains, rejoindre des groupes, être notifié, chercher et modérer.',
    legalBasis: 'Consentement explicite (art. 9.2.a) : ce qu’on publie dit une opinion politique.',
    recipients: 'Les personnes de l’espace où le contenu est publié ; ses modérateurs.',
  },
  events: {
    name: 'Événements et action de terrain',
    purpose: 'Organiser réunions, tractages et porte-à-porte, inscrire des bénévoles, faire remonter les comptes-rendus.',
    legalBasis: 'Consentement explicite (art. 9.2.a) ; pour les visiteurs, leur consentement à la réponse.',
    recipients: 'Les organisateurs de l’événement ; les responsables des niveaux où le compte-rendu compte.',
  },
  mail: {
    name: 'Courriels',
    purpose: 'Envoyer les courriels demandés, les annonces et les messages de masse, respecter les désinscriptions.',
    legalBasis: 'Consentement (art. 6.1.a) pour les envois groupés ; exécution du service pour les autres.',
    recipients: 'Le prestataire d’envoi (Amazon SES, Union européenne).',
  },
  rollout: {
    name: 'Préinscription et déploiement',
    purpose: 'Prévenir par courriel les personnes préinscrites quand leur territoire ouvre, mesurer les ouvertures.',
    legalBasis: 'Consentement explicite (art. 9.2.a), double opt-in.',
    recipients: 'Les administrateurs nationaux (chiffres agrégés seulement).',
  },
  privacy: {
    name: 'Droits des personnes et transparence',
    purpose: 'Exporter et effacer les données, garder les consentements, dire qui a consulté les listes de membres.',
    legalBasis: 'Obligation légale (art. 6.1.c, art. 5.2 et 12 à 22).',
    recipients: 'La personne elle-même ; les membres de la section pour son journal de consultation ; le délégué à la protection des données.',
  },
  operations: {
    name: 'Fonctionnement du service',
    purpose: 'Géographie officielle, compteurs, files de tâches : rien qui désigne une personne.',
    legalBasis: 'Sans objet (pas de donnée personnelle).',
    recipients: 'L’équipe technique.',
  },
} as const;

export type ProcessingId = keyof typeof processings;

/**
 * What each right does to an entity's items:
 * - export `include`: its items about the person go into their archive; `exclude`: not, with the reason.
 * - erasure `delete`: removed; `anonymise`: kept with every mention of the person removed (the author's
 *   choice, for posts and comments, between this and `delete`); `pseudonymise`: kept for a reason that
 *   outlives the person, under « compte supprimé n° … »; `expire`: left as is to its short TTL (hashes,
 *   counters, and the « sessions valid after » instant that must keep refusing the person's old tokens);
 *   `none`: nothing about a person.
 */
export type ExportRule = 'include' | 'exclude';
export type ErasureRule = 'delete' | 'anonymise' | 'author-choice' | 'pseudonymise' | 'expire' | 'none';

export interface DataRule {
  /** The folder of functions/src/domain/ that declares the entity. */
  feature: string;
  /** The ElectroDB entity name (`__edb_e__`). */
  entity: string;
  /** What one item is, in French (the register and the archive use it). */
  label: string;
  /** `art9`: says or implies membership or political opinion; `personal`: names a person; `none`. */
  data: 'art9' | 'personal' | 'none';
  processing: ProcessingId;
  export: ExportRule;
  erasure: ErasureRule;
  /**
   * The attributes that say whose item it is. An item that names the person elsewhere only (the
   * moderator who blocked someone, who granted a role, a comment under someone else's post) is
   * anonymised, not deleted. Absent: every item naming the person gets the rule. Every exported entity
   * has one: an archive holds the person's own items, never someone else's that names them.
   */
  subject?: readonly string[];
  /** Erasure of someone else's item that names the person: anonymised, unless `delete` (a friend's side of the friendship). */
  namedElsewhere?: 'delete';
  /** How long it is kept, in French; the figures come from retention.ts where the code enforces them. */
  retention: string;
  /** Why export and erasure do what they do, in French. */
  reason: string;
}

const notPersonal = (feature: string, entity: string, label: string, reason: string): DataRule => ({
  feature, entity, label, data: 'none', processing: 'operations', export: 'exclude', erasure: 'none', retention: 'Tant que le service en a besoin.', reason,
});

export const inventory: readonly DataRule[] = [
  // ——— people ———
  { feature: 'people', entity: 'person', subject: ['userId'], label: 'Profil et adhésion', data: 'art9', processing: 'membership', export: 'include', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Le cœur du compte : exporté en entier, effacé avec lui.' },
  { feature: 'people', entity: 'personEmail', subject: ['userId'], label: 'Adresse → compte', data: 'personal', processing: 'accounts', export: 'exclude', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Un index de l’adresse déjà exportée avec le profil.' },
  { feature: 'people', entity: 'roleGrant', subject: ['userId'], label: 'Rôle confié', data: 'art9', processing: 'membership', export: 'include', erasure: 'delete',
    retention: 'Tant que le rôle tient.', reason: 'L’effacement met fin aux rôles (changeMembership), audités.' },
  { feature: 'people', entity: 'roleAudit', subject: ['userId'], label: 'Journal des rôles', data: 'art9', processing: 'membership', export: 'include', erasure: 'pseudonymise',
    retention: 'Tant que l’espace existe.', reason: 'Qui a eu quel pouvoir et quand doit rester vérifiable : la personne devient « compte supprimé n° … ».' },
  { feature: 'people', entity: 'lastActivity', subject: ['userId'], label: 'Dernier jour de visite', data: 'personal', processing: 'mail', export: 'include', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Le jour seulement, pas l’heure ni la page : il sert à écrire aux personnes inactives depuis quelques mois ; exporté, effacé avec le compte.' },
  { feature: 'people', entity: 'membershipChange', subject: ['userId'], label: 'Historique d’adhésion', data: 'art9', processing: 'membership', export: 'include', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Où la personne était et depuis quand : son journal de transparence en est calculé ; effacé avec le compte.' },
  // ——— access ———
  { feature: 'access', entity: 'memberListRead', subject: ['readerId'], label: 'Consultation d’une liste de membres', data: 'art9', processing: 'privacy', export: 'include', erasure: 'pseudonymise',
    retention: 'Un an (TTL).', reason: 'Le journal de transparence doit rester vérifiable : le lecteur effacé devient « compte supprimé n° … », comme une personne effacée dont l’adhésion a été lue.' },
  // ——— membership ———
  { feature: 'membership', entity: 'memberRecord', subject: ['userId', 'email'], label: 'Ligne du fichier des adhérents', data: 'art9', processing: 'membership', export: 'include', erasure: 'pseudonymise',
    retention: 'Jusqu’à l’import suivant qui ne la contient plus.', reason: 'Le fichier appartient au parti : la ligne est déliée du compte et une empreinte empêche l’import suivant de la relier à un nouveau compte.' },
  // ——— identity ———
  { feature: 'identity', entity: 'signUpAttempt', label: 'Inscription non confirmée', data: 'art9', processing: 'accounts', export: 'exclude', erasure: 'delete',
    retention: 'Un jour (TTL).', reason: 'Rien n’est encore un compte ; effacée avec les autres tentatives de la même adresse.' },
  { feature: 'identity', entity: 'session', subject: ['userId'], label: 'Session ouverte', data: 'personal', processing: 'accounts', export: 'include', erasure: 'delete',
    retention: 'Jusqu’à la fin de son jeton de renouvellement.', reason: 'Toutes les sessions prennent fin à l’effacement.' },
  { feature: 'identity', entity: 'sessionsValidAfter', label: 'Fin des sessions', data: 'personal', processing: 'accounts', export: 'exclude', erasure: 'expire',
    retention: 'Durée de vie la plus longue d’un jeton (TTL).', reason: 'C’est elle qui refuse tout jeton émis avant l’effacement : elle survit au compte, puis expire.' },
  { feature: 'identity', entity: 'signInUnlock', label: 'Code de déblocage de connexion', data: 'personal', processing: 'accounts', export: 'exclude', erasure: 'expire',
    retention: 'Une heure (TTL).', reason: 'Seulement des empreintes (adresse, code).' },
  // ——— limits ———
  { feature: 'limits', entity: 'rateCounter', label: 'Compteur de limite de débit', data: 'personal', processing: 'accounts', export: 'exclude', erasure: 'expire',
    retention: 'La fenêtre du compteur (TTL).', reason: 'Les sujets personnels (adresse, IP) sont des empreintes ; le compteur expire seul.' },
  // ——— social ———
  { feature: 'social', entity: 'post', subject: ['authorId'], label: 'Publication', data: 'art9', processing: 'social', export: 'include', erasure: 'author-choice',
    retention: 'Tant que l’auteur ou un modérateur ne la supprime pas.', reason: 'L’auteur choisit : supprimer ou garder sous « compte supprimé » (les autres y ont répondu).' },
  { feature: 'social', entity: 'comment', subject: ['authorId'], label: 'Commentaire', data: 'art9', processing: 'social', export: 'include', erasure: 'author-choice',
    retention: 'Tant que son auteur ou un modérateur ne le supprime pas.', reason: 'Comme les publications.' },
  { feature: 'social', entity: 'postFollower', subject: ['userId'], label: 'Conversation suivie', data: 'personal', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Tant que la publication existe.', reason: 'Un choix de la personne.' },
  { feature: 'social', entity: 'attachment', subject: ['ownerId'], label: 'Fichier joint', data: 'art9', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Avec la publication ; un envoi jamais joint, un jour (TTL).', reason: 'Les fichiers eux-mêmes sont dans l’archive et retirés du stockage.' },
  { feature: 'social', entity: 'feedItem', label: 'Fil d’actu', data: 'personal', processing: 'social', export: 'exclude', erasure: 'delete',
    retention: 'Quelques semaines (TTL).', reason: 'Des copies de publications d’autres personnes, déjà lisibles sur le site.' },
  { feature: 'social', entity: 'searchEntry', label: 'Entrée de recherche', data: 'personal', processing: 'social', export: 'exclude', erasure: 'delete',
    retention: 'Tant que ce qu’elle désigne existe.', reason: 'Un index dérivé du profil et des publications.' },
  { feature: 'social', entity: 'notification', subject: ['userId'], namedElsewhere: 'delete', label: 'Notification', data: 'personal', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Voir les durées de conservation (notifications).', reason: 'Celles de la personne et celles qui la nomment sont effacées.' },
  { feature: 'social', entity: 'notificationState', subject: ['userId'], label: 'Réglages des notifications', data: 'personal', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Des préférences de la personne.' },
  { feature: 'social', entity: 'digestDue', label: 'Résumé à envoyer', data: 'personal', processing: 'social', export: 'exclude', erasure: 'delete',
    retention: 'Jusqu’à l’envoi du résumé.', reason: 'Une marque technique ; les notifications sont exportées.' },
  { feature: 'social', entity: 'friendship', subject: ['userId'], namedElsewhere: 'delete', label: 'Coopain', data: 'personal', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Tant que l’amitié dure.', reason: 'Les deux côtés sont effacés.' },
  { feature: 'social', entity: 'group', subject: ['createdBy'], label: 'Groupe thématique', data: 'art9', processing: 'social', export: 'include', erasure: 'anonymise',
    retention: 'Tant que le groupe existe.', reason: 'Le groupe appartient à ses membres : il reste, sans son créateur.' },
  { feature: 'social', entity: 'groupMember', subject: ['userId'], label: 'Appartenance à un groupe', data: 'art9', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Tant que la personne est dans le groupe.', reason: 'Dit une opinion : effacée.' },
  { feature: 'social', entity: 'groupInvitation', subject: ['invitedBy', 'email'], label: 'Invitation à un groupe', data: 'personal', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Voir les durées de conservation (invitations).', reason: 'Celles envoyées par la personne et celles reçues à son adresse.' },
  { feature: 'social', entity: 'report', subject: ['reporterId'], label: 'Signalement', data: 'personal', processing: 'social', export: 'include', erasure: 'anonymise',
    retention: 'Tant que la modération en a besoin.', reason: 'La modération garde le signalement, sans son auteur.' },
  { feature: 'social', entity: 'spaceBlock', subject: ['userId'], label: 'Blocage dans un espace', data: 'personal', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Tant que les modérateurs le maintiennent.', reason: 'Sans compte, il n’y a plus personne à bloquer.' },
  // ——— messaging (ADR 0029) ———
  { feature: 'messaging', entity: 'chatConversation', subject: ['createdBy'], label: 'Conversation (messagerie)', data: 'personal', processing: 'social', export: 'include', erasure: 'anonymise',
    retention: 'Tant qu’un participant y reste.', reason: 'Elle appartient à tous ses participants : elle reste, sans son créateur.' },
  { feature: 'messaging', entity: 'chatParticipant', subject: ['userId'], label: 'Participation à une conversation', data: 'personal', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Tant que la conversation existe.', reason: 'La personne quitte toutes ses conversations.' },
  { feature: 'messaging', entity: 'chatMessage', subject: ['authorId'], label: 'Message', data: 'art9', processing: 'social', export: 'include', erasure: 'anonymise',
    retention: 'Tant que son auteur ne le supprime pas.', reason: 'Les autres participants le gardent, signé « compte supprimé ».' },
  { feature: 'messaging', entity: 'chatClientKey', subject: ['authorId'], label: 'Identifiant d’envoi d’un message', data: 'personal', processing: 'social', export: 'exclude', erasure: 'delete',
    retention: 'Comme son message.', reason: 'Une marque technique qui évite les doublons ; le message est exporté.' },
  { feature: 'messaging', entity: 'chatInboxEntry', subject: ['userId'], label: 'Entrée de la messagerie', data: 'personal', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Tant que la personne est dans la conversation.', reason: 'La boîte de réception de la personne.' },
  { feature: 'messaging', entity: 'chatInboxTotals', subject: ['userId'], label: 'Messages non lus', data: 'personal', processing: 'social', export: 'exclude', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Un compteur, refait des entrées exportées.' },
  { feature: 'messaging', entity: 'personBlock', subject: ['userId'], namedElsewhere: 'delete', label: 'Personne bloquée', data: 'personal', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Tant que la personne ne la débloque pas.', reason: 'Les deux côtés sont effacés : sans compte, il n’y a plus personne à bloquer.' },
  { feature: 'messaging', entity: 'realtimeTicket', subject: ['userId'], label: 'Ticket de connexion en direct', data: 'personal', processing: 'accounts', export: 'exclude', erasure: 'expire',
    retention: 'Une minute (TTL), un seul usage.', reason: 'Seulement une empreinte du ticket.' },
  { feature: 'messaging', entity: 'chatMailDue', subject: ['userId'], label: 'Message en attente d’un courriel', data: 'personal', processing: 'social', export: 'exclude', erasure: 'delete',
    retention: 'Quinze minutes après le message, deux jours au plus (TTL).', reason: 'Technique : le rappel d’un message non lu ; le message est exporté.' },
  { feature: 'messaging', entity: 'realtimeConnection', subject: ['userId'], label: 'Connexion en direct', data: 'personal', processing: 'accounts', export: 'exclude', erasure: 'delete',
    retention: 'Deux heures au plus (TTL).', reason: 'Technique : la connexion d’un onglet ouvert.' },
  // ——— texts ———
  { feature: 'texts', entity: 'text', subject: ['authorId'], label: 'Texte écrit dans un espace', data: 'art9', processing: 'social', export: 'include', erasure: 'anonymise',
    retention: 'Tant que son espace existe.', reason: 'Le texte appartient à son espace et à ceux qui l’ont amendé : il reste, sans le nom de son auteur·rice.' },
  { feature: 'texts', entity: 'textVersion', subject: ['authorId'], label: 'Version publiée d’un texte', data: 'art9', processing: 'social', export: 'include', erasure: 'anonymise',
    retention: 'Tant que le texte existe.', reason: 'L’historique des versions reste, sans le nom de qui a publié.' },
  { feature: 'texts', entity: 'amendment', subject: ['authorId'], label: 'Amendement', data: 'art9', processing: 'social', export: 'include', erasure: 'anonymise',
    retention: 'Tant que le texte existe.', reason: 'Les amendements font partie de l’histoire du texte : ils restent, signés « compte supprimé ».' },
  // ——— a space's documents ———
  { feature: 'documents', entity: 'spaceDocument', subject: ['uploaderId'], label: 'Document partagé dans un espace', data: 'art9', processing: 'social', export: 'include', erasure: 'delete',
    retention: 'Tant que la personne qui l’a partagé ou un responsable de l’espace ne le retire pas.', reason: 'Le fichier est celui de la personne : exporté avec ses fichiers joints, effacé avec eux.' },
  notPersonal('documents', 'spaceStorage', 'Place occupée par les documents d’un espace', 'Un total d’octets par espace, pour son quota.'),
  // ——— events ———
  { feature: 'events', entity: 'event', subject: ['organizerId'], label: 'Événement organisé', data: 'art9', processing: 'events', export: 'include', erasure: 'anonymise',
    retention: 'Tant que son espace existe.', reason: 'L’événement appartient à son espace et à ses participants : il reste, sans le nom de l’organisateur.' },
  { feature: 'events', entity: 'attendance', subject: ['userId'], label: 'Réponse à un événement', data: 'art9', processing: 'events', export: 'include', erasure: 'delete',
    retention: 'Membres : tant que le compte existe ; visiteurs : voir les durées de conservation.', reason: 'Dit une opinion : effacée, sa place rendue.' },
  { feature: 'events', entity: 'waiting', label: 'Liste d’attente', data: 'personal', processing: 'events', export: 'exclude', erasure: 'delete',
    retention: 'Jusqu’à l’événement.', reason: 'Exportée avec la réponse (« en attente »).' },
  { feature: 'events', entity: 'slotSignup', subject: ['userId'], label: 'Inscription à un créneau', data: 'art9', processing: 'events', export: 'include', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Dit une opinion : effacée, sa place rendue.' },
  { feature: 'events', entity: 'visitorHold', label: 'Réponse de visiteur non confirmée', data: 'art9', processing: 'events', export: 'exclude', erasure: 'expire',
    retention: '30 minutes, effacée au plus tard avec les données du visiteur.', reason: 'Un visiteur n’a pas de compte à exporter.' },
  { feature: 'events', entity: 'visitorLink', label: 'Lien d’un visiteur', data: 'personal', processing: 'events', export: 'exclude', erasure: 'expire',
    retention: 'Voir les durées de conservation (visiteurs).', reason: 'Seulement l’empreinte du lien.' },
  { feature: 'events', entity: 'calendarFeed', subject: ['ownerId'], label: 'Agenda privé', data: 'personal', processing: 'events', export: 'include', erasure: 'delete',
    retention: 'Jusqu’à sa révocation.', reason: 'Le lien secret cesse de marcher.' },
  { feature: 'events', entity: 'mailReceipt', subject: ['recipient'], label: 'Courriel d’événement envoyé', data: 'personal', processing: 'mail', export: 'include', erasure: 'delete',
    retention: 'Tant que l’événement existe.', reason: 'Le type et la date des courriels envoyés sont exportés.' },
  { feature: 'mail', entity: 'mailPreference', subject: ['userId'], label: 'Choix des mails reçus (annonces, messages des espaces)', data: 'personal', processing: 'mail', export: 'include', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Une préférence de la personne.' },
  { feature: 'mail', entity: 'unsubscribeLink', label: 'Lien de désinscription', data: 'personal', processing: 'mail', export: 'exclude', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Un secret technique.' },
  notPersonal('events', 'slot', 'Créneau', 'Un besoin de bénévoles, sans personne.'),
  notPersonal('events', 'capacityShard', 'Compteur de places', 'Un nombre.'),
  notPersonal('events', 'holdLapse', 'Échéance d’une réponse de visiteur', 'Un identifiant aléatoire et une heure.'),
  notPersonal('events', 'announcementTask', 'Envoi d’une annonce', 'Une file de tâches.'),
  // ——— reports ———
  { feature: 'reports', entity: 'report', subject: ['authorId'], label: 'Compte-rendu d’action', data: 'art9', processing: 'events', export: 'include', erasure: 'anonymise',
    retention: 'Tant que son espace existe.', reason: 'Les chiffres comptent pour la section : le compte-rendu reste, sans son auteur.' },
  { feature: 'reports', entity: 'reportLine', label: 'Ligne de compte-rendu d’un niveau', data: 'art9', processing: 'events', export: 'exclude', erasure: 'anonymise',
    retention: 'Tant que son niveau existe.', reason: 'Une copie du compte-rendu, déjà exporté.' },
  notPersonal('reports', 'levelTotals', 'Totaux d’un niveau', 'Des sommes.'),
  notPersonal('reports', 'childTotals', 'Totaux d’un sous-niveau', 'Des sommes.'),
  // ——— rollout ———
  { feature: 'rollout', entity: 'preregistration', subject: ['email'], label: 'Préinscription', data: 'art9', processing: 'rollout', export: 'include', erasure: 'delete',
    retention: 'Voir les durées de conservation (préinscriptions).', reason: 'Effacée à la demande (lien de chaque courriel) et avec le compte.' },
  { feature: 'rollout', entity: 'waveDelivery', label: 'Courriel de lancement', data: 'personal', processing: 'rollout', export: 'exclude', erasure: 'expire',
    retention: 'Tant que la vague existe.', reason: 'Le destinataire est une empreinte de l’adresse.' },
  { feature: 'rollout', entity: 'funnelMark', label: 'Compté dans les chiffres', data: 'personal', processing: 'rollout', export: 'exclude', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Une marque technique : les chiffres agrégés restent.' },
  { feature: 'rollout', entity: 'wave', label: 'Vague de déploiement', data: 'personal', processing: 'rollout', export: 'exclude', erasure: 'pseudonymise',
    retention: 'Tant que le service existe.', reason: 'Qui a créé la vague reste vérifiable, sous « compte supprimé n° … ».' },
  notPersonal('rollout', 'territoryOpening', 'Territoire ouvert', 'Une fédération et une date.'),
  notPersonal('rollout', 'waveTask', 'Envoi d’une vague', 'Une file de tâches.'),
  notPersonal('rollout', 'rolloutFunnel', 'Chiffres d’une fédération', 'Des compteurs.'),
  notPersonal('rollout', 'signupDay', 'Inscriptions du jour', 'Des compteurs.'),
  // ——— mail ———
  { feature: 'mail', entity: 'mailSuppression', subject: ['email'], label: 'Adresse à ne plus écrire', data: 'personal', processing: 'mail', export: 'include', erasure: 'pseudonymise',
    retention: 'Pour toujours (une adresse qui a refusé les courriels le reste).', reason: 'Gardée sous forme d’empreinte : Coopol n’écrit plus à l’adresse, sans la garder lisible.' },
  { feature: 'mail', entity: 'bulkReceipt', label: 'Courriel d’un envoi groupé', data: 'personal', processing: 'mail', export: 'exclude', erasure: 'delete',
    retention: 'Tant que l’envoi existe.', reason: 'Le destinataire est l’identifiant de la personne (effacé avec elle) ou une empreinte de l’adresse.' },
  { feature: 'mail', entity: 'mailAccepted', label: 'Accusé d’envoi', data: 'personal', processing: 'mail', export: 'exclude', erasure: 'delete',
    retention: '30 jours (TTL).', reason: 'Le destinataire est l’identifiant de la personne (effacé avec elle) ou une empreinte de l’adresse.' },
  notPersonal('mail', 'bulkTask', 'Envoi groupé', 'Une file de tâches.'),
  notPersonal('mail', 'sendSecond', 'Débit d’envoi', 'Un compteur par seconde.'),
  // ——— mailings (issue 16, ADR 0028) ———
  { feature: 'mailings', entity: 'mailing', subject: ['authorId'], label: 'Message aux membres d’un espace', data: 'art9', processing: 'mail', export: 'include', erasure: 'pseudonymise',
    retention: 'Tant que son espace existe.', reason: 'Ce que l’espace a écrit à ses membres reste, sous « compte supprimé n° … » ; il dit que son auteur parle pour l’espace.' },
  { feature: 'mailings', entity: 'mailingAudit', subject: ['by'], label: 'Journal d’un message aux membres', data: 'art9', processing: 'mail', export: 'exclude', erasure: 'pseudonymise',
    retention: 'Tant que le message existe.', reason: 'La preuve de qui a envoyé, approuvé ou annulé un envoi de masse (règle des deux personnes) ; l’export a déjà le message.' },
  // ——— privacy ———
  { feature: 'privacy', entity: 'sweepTask', subject: ['userId'], label: 'Demande d’export ou d’effacement', data: 'personal', processing: 'privacy', export: 'exclude', erasure: 'pseudonymise',
    retention: 'Export : 7 jours ; effacement : la preuve, sans rien qui désigne la personne.', reason: 'La preuve que l’effacement a eu lieu, sous « compte supprimé n° … » ; l’export est l’archive elle-même (son avancement est sur le profil).' },
  { feature: 'privacy', entity: 'memberTombstone', label: 'Empreinte d’une ligne du fichier effacée', data: 'personal', processing: 'privacy', export: 'exclude', erasure: 'pseudonymise',
    retention: 'Tant que la ligne est dans le fichier du parti.', reason: 'Une empreinte du numéro d’adhérent : empêche l’import suivant de relier la ligne à un nouveau compte.' },
  { feature: 'privacy', entity: 'consent', subject: ['userId'], label: 'Consentement', data: 'art9', processing: 'privacy', export: 'include', erasure: 'delete',
    retention: 'Tant que le compte existe.', reason: 'Le texte accepté, sa version, sa date et sa manière : exporté, effacé avec le compte (son retrait est l’effacement même).' },
  { feature: 'privacy', entity: 'dpoRequest', subject: ['requesterEmail'], label: 'Demande adressée au délégué', data: 'personal', processing: 'privacy', export: 'exclude', erasure: 'pseudonymise',
    retention: 'Trois ans après sa clôture (preuve de la réponse).', reason: 'Faite hors du site, elle reçoit sa réponse du délégué par le même moyen ; gardée comme preuve de la réponse dans le délai, la personne y devient « compte supprimé n° … ».' },
  { feature: 'privacy', entity: 'dpoAudit', label: 'Journal du délégué', data: 'personal', processing: 'privacy', export: 'exclude', erasure: 'pseudonymise',
    retention: 'Avec sa demande.', reason: 'Ce que le délégué a fait et quand : il le garde, sous pseudonyme si le délégué lui-même est effacé.' },
  // ——— territory ———
  notPersonal('territory', 'region', 'Région', 'Géographie officielle.'),
  notPersonal('territory', 'federation', 'Fédération', 'Géographie officielle.'),
  notPersonal('territory', 'section', 'Section', 'Géographie du parti.'),
  notPersonal('territory', 'postalCode', 'Code postal', 'Géographie officielle.'),
  notPersonal('territory', 'referenceData', 'Version de la géographie', 'Une version.'),
];

/** The rule of one entity, by its feature folder and ElectroDB name. */
export function ruleOf(feature: string, entity: string): DataRule | undefined {
  return inventory.find((rule) => rule.feature === feature && rule.entity === entity);
}

/**
 * The rule of a stored item, by its ElectroDB name; two entities may share a name (`social/report`,
 * `reports/report`): then the one whose subject attributes the item has.
 */
export function ruleOfItem(item: Record<string, unknown>): DataRule | undefined {
  const rules = inventory.filter((rule) => rule.entity === item.__edb_e__);
  return rules.length > 1 ? rules.find((rule) => rule.subject?.some((attribute) => attribute in item)) : rules[0];
}

/** Is the item the person's own (rather than naming them elsewhere)? `ids`: their id and address. */
export const isSubjectOf = (rule: DataRule, item: Record<string, unknown>, ids: readonly string[]) =>
  !rule.subject || rule.subject.some((attribute) => typeof item[attribute] === 'string' && ids.includes((item[attribute] as string).toLowerCase()));

/** The entities whose items go into a person's archive. */
export const exportedEntities = inventory.filter((rule) => rule.export === 'include');

import { fillText } from './text';

/**
 * Every refusal of the API, by its stable code, with its French text (ADR 0018). The API's `message`
 * is written from here and the web's pages translate from the same entries (`web/i18n/errors.ts`),
 * so a sentence exists once; another language is a dictionary of the same codes (`ErrorMessages`).
 * A text names its parameters as `{name}`; an entry that needs more than that (a plural, a list) is
 * a function of its parameters. A `Reason` is typed so that no code goes without its parameters. No
 * zod here: the site's client components import it.
 */

/** « 45 secondes », « 3 minutes », « 2 heures »: how long to wait, in words. */
export function frenchWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  if (seconds > 3600) {
    const hours = Math.ceil(seconds / 3600);
    return `${hours} heure${hours > 1 ? 's' : ''}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}

const notFound = (what: string) => `${what} introuvable.`;

/** What one person may have Coopol mail others, with a ceiling per hour and per day (social/sender-limits.ts). */
export type SenderAction = 'invitation' | 'friend-request' | 'mention';
const senderWords: Record<SenderAction, { verb: string; some: (n: number) => string; another: string }> = {
  invitation: { verb: 'envoyé', some: (n) => `${n} invitations`, another: 'd’en envoyer une autre' },
  'friend-request': { verb: 'envoyé', some: (n) => `${n} demandes de coopain`, another: 'd’en envoyer une autre' },
  mention: { verb: 'mentionné', some: (n) => `${n} personnes`, another: 'd’en mentionner d’autres' },
};

export const frErrors = {
  // The request itself
  'validation.invalid': 'La requête contient des champs invalides.',
  'request.too-large': 'Le contenu envoyé dépasse la taille maximale ({limit} octets).',
  'request.not-json': 'Le contenu doit être envoyé en JSON (Content-Type: application/json).',
  'request.not-csv': 'Le contenu doit être envoyé en CSV (Content-Type: text/csv).',
  'route.not-found': 'Cette adresse ne correspond à aucune ressource.',
  'route.method-not-allowed': 'Cette méthode n’est pas acceptée à cette adresse.',
  'request.refused': 'La requête est refusée.',
  'internal.error': 'Une erreur interne est survenue. Réessayez plus tard.',
  'rate.limited': 'Trop de demandes : patientez quelques minutes avant de réessayer.',

  // Who is calling
  'auth.required': 'Connexion requise.',
  'auth.session-ended': 'Votre session a pris fin : reconnectez-vous.',
  'auth.session-refused': 'Session expirée ou refusée : reconnectez-vous.',
  'auth.account-unavailable': 'Connexion impossible pour ce compte.',
  'auth.wrong-credentials': 'Adresse e-mail ou mot de passe incorrect.',
  'auth.token-not-yours': 'Ce jeton n’est pas le vôtre.',
  'auth.not-confirmed': 'Confirmez d’abord votre adresse e-mail avec le code reçu.',
  'auth.wrong-password': 'Mot de passe incorrect.',
  'service.busy': 'Beaucoup de monde en ce moment, nous réessayons…',
  'sign-in.locked': (p: { seconds: number }) => {
    const minutes = Math.ceil(p.seconds / 60);
    return `Trop de tentatives de connexion pour cette adresse. Si elle a un compte, nous y avons envoyé un code : saisissez-le avec votre mot de passe (ou réessayez dans ${minutes} minute${p.seconds > 60 ? 's' : ''}).`;
  },
  'access.forbidden': 'Vous n’avez pas le droit d’accéder à cette ressource.',
  'access.registration-incomplete': 'Votre compte n’est pas encore complet : terminez votre inscription.',
  'access.mfa-required':
    'Vos responsabilités demandent une connexion avec la double authentification : activez-la (application TOTP), ou reconnectez-vous avec votre code.',

  // Accounts and sign-up
  'code.wrong': 'Le code ne correspond pas.',
  'code.expired': 'Ce code a expiré.',
  'code.wrong-or-expired': 'Ce code ne correspond pas, ou il a expiré : demandez-en un nouveau.',
  'account.exists': 'Un compte existe déjà avec cette adresse e-mail : connectez-vous ou réinitialisez votre mot de passe.',
  'password.refused': 'Ce mot de passe ne convient pas.',
  'sign-up.refused': 'Inscription refusée : passez par le formulaire d’inscription de Coopol.',
  'sign-up.refused-by-trigger': '{reason}',
  'sign-up.too-many-requests': (p: { seconds: number }) => `Trop de demandes pour cette adresse : réessayez dans ${frenchWait(p.seconds)}.`,
  'sign-up.too-many-codes': (p: { seconds: number }) =>
    `Trop de codes essayés pour cette adresse : réessayez dans ${frenchWait(p.seconds)}, ou demandez un nouveau code.`,
  'sign-up.too-many-wrong-codes': (p: { seconds: number }) => `Trop de codes erronés depuis votre connexion : réessayez dans ${frenchWait(p.seconds)}.`,
  'territory.not-open': 'Coopol n’est pas encore ouvert à {commune} ({federation}). Pré-inscrivez-vous : nous vous écrirons le jour de l’ouverture.',
  'address.unreadable': 'Cette adresse ne peut pas être lue par Coopol.',

  // Territory, people, roles
  'region.not-found': notFound('Région'),
  'federation.not-found': notFound('Fédération'),
  'section.not-found': notFound('Section'),
  'postal-code.not-found': notFound('Code postal'),
  'space.not-found': notFound('Espace'),
  'person.not-found': notFound('Personne'),
  'account.not-found': notFound('Compte'),
  'export.not-found': notFound('Archive'),
  'export.preparing': 'L’archive est encore en préparation.',
  'consent.not-found': notFound('Consentement'),
  'consent.already-withdrawn': 'Ce consentement est déjà retiré.',
  'access-log.not-found': notFound('Journal des consultations'),
  'dpo.only': 'Réservé au délégué à la protection des données.',
  'dpo-request.not-found': notFound('Demande'),
  'dpo-request.closed': 'Cette demande est close.',
  'dpo-request.no-account': 'Aucun compte n’a l’adresse de cette demande : il n’y a rien à exporter ni à effacer.',
  'dpo-request.no-archive': 'Aucune archive prête pour cette demande.',
  'members.section-only': 'Seuls les adhérents de la section et ses responsables voient ses membres.',
  'members.federation-only': 'Seuls les membres de la fédération et ses responsables voient ses membres.',
  'member-file.admins-only': 'L’import du fichier des adhérents est réservé à l’administration nationale.',
  'member-file.unreadable': 'Le fichier n’est pas un CSV lisible.',
  'member-file.columns': 'L’en-tête du fichier doit nommer les colonnes numero, nom, prenom, email, section.',
  'role.not-found': notFound('Rôle'),
  'role.national': 'Ce rôle est national.',
  'role.in-federation': 'Ce rôle s’exerce dans une fédération.',
  'role.in-section': 'Ce rôle s’exerce dans une section.',
  'role.not-grantable': 'Vous ne pouvez pas attribuer ce rôle dans cet espace.',
  'role.not-revocable': 'Vous ne pouvez pas retirer ce rôle dans cet espace.',
  'role.needs-federation-member': 'La personne doit être adhérente de cette fédération.',
  'role.needs-section-member': 'La personne doit être adhérente de cette section.',
  'role.already-held': 'Cette personne a déjà ce rôle dans cet espace.',
  'role.changed-meanwhile': 'Les rôles de cette personne viennent de changer : réessayez.',

  // Rollout
  'preregistration.not-found': notFound('Pré-inscription'),
  'wave.not-found': notFound('Vague'),
  'wave.admins-only': 'Les vagues de déploiement sont gérées par l’administration nationale.',
  'wave.numbers-restricted': 'Ces chiffres sont réservés à l’administration nationale et aux responsables de la fédération.',
  'wave.not-draft': 'Cette vague n’est plus un brouillon : elle ne peut plus être modifiée.',
  'wave.already-deployed': 'Cette vague est déjà déployée.',
  'wave.already-open': 'Cette vague est déjà ouverte.',
  'wave.not-sending': 'Cette vague n’est pas en cours d’envoi.',
  'wave.nothing-to-relaunch': 'L’envoi de cette vague avance : rien à relancer.',

  // Events, slots, answers, calendars, field reports
  // Messages to a space's members (issue 16)
  'mailing.not-found': notFound('Message'),
  'mailing.speakers-only': 'Seuls les responsables de cet espace écrivent à ses membres.',
  'mailing.not-draft': 'Ce message n’est plus un brouillon : il est déjà programmé ou envoyé.',
  'mailing.not-author': 'Seule la personne qui a écrit ce brouillon peut le modifier ou le supprimer.',
  'mailing.not-cancellable': 'Seul un message programmé ou en attente d’approbation peut être annulé.',
  'mailing.not-awaiting-approval': 'Ce message n’attend pas d’approbation.',
  'mailing.approval-by-another': 'Un message à autant de personnes doit être approuvé par une autre personne que son auteur.',
  'mailing.not-paused': 'L’envoi de ce message n’est pas arrêté : rien à reprendre.',
  'mailing.event-not-in-space': 'Cet événement n’est pas une action de cet espace.',
  'mailing.segment-not-posted': 'Un message à une partie des membres ne peut pas être publié dans l’espace : ceux qu’il exclut le liraient.',
  'mailing.in-the-past': 'Choisissez une date d’envoi à venir.',
  'mailing.sympathisants-in-section': 'Une section ne compte que des adhérents : les sympathisants sont ceux de la fédération.',

  'event.not-found': notFound('Événement'),
  'event.organizers-only': 'Seuls les responsables de cet espace organisent ses événements.',
  'event.cancelled': 'Cet événement est annulé.',
  'event.cancelled-no-edit': 'Cet événement est annulé : il ne peut plus être modifié.',
  'event.already-cancelled': 'Cet événement est déjà annulé.',
  'event.changed-meanwhile': 'L’événement vient d’être modifié par quelqu’un d’autre : rechargez la page.',
  'event.too-many-answers': 'Trop de réponses au même moment : réessayez dans un instant.',
  'rsvp.not-found': notFound('Réponse'),
  'rsvp.too-many-from-client': (p: { seconds: number }) => `Trop de réponses envoyées depuis cette connexion : réessayez dans ${frenchWait(p.seconds)}.`,
  'slot.not-found': notFound('Créneau'),
  'slot.signup-not-found': notFound('Inscription'),
  'slot.already-signed-up': 'Vous êtes déjà inscrit·e à ce créneau.',
  'slot.full': (p: { others: { id: string; start: string; end: string; missing: number }[] }) =>
    `Ce créneau est complet.${p.others.length ? ` Il manque encore du monde : ${p.others.map((s) => `${s.start}–${s.end} (${s.missing})`).join(', ')}.` : ''}`,
  'slot.too-many-signups': 'Trop d’inscriptions au même moment : réessayez dans un instant.',
  'slot.too-many-changes': 'Trop de changements au même moment : réessayez dans un instant.',
  'unsubscribe.not-found': notFound('Lien de désinscription'),
  'calendar-link.not-found': notFound('Lien d’agenda'),
  'calendar.not-found': notFound('Agenda'),
  'field-report.not-found': notFound('Compte-rendu'),
  'level.not-found': notFound('Échelon'),
  'field-report.event-cancelled': 'Cet événement est annulé : pas de compte-rendu.',
  'field-report.too-early': 'Le compte-rendu se fait une fois l’action commencée.',
  'field-report.changed-meanwhile': 'Le compte-rendu vient d’être modifié par quelqu’un d’autre : rechargez la page.',
  'field-report.group-managers-only': 'Ce tableau de bord est réservé aux animateurs du groupe.',
  'field-report.over-ceilings': 'Ces chiffres dépassent ce qu’un compte-rendu peut déclarer.',
  'field-report.officials-only': 'Ce tableau de bord est réservé aux responsables de cet échelon.',

  // Groups, friends
  'group.not-found': notFound('Groupe'),
  'group.member-not-found': notFound('Membre ou demande'),
  'group.members-create-only': 'Seuls les adhérents créent des groupes ; les sympathisants peuvent en rejoindre.',
  'group.already-member': 'Vous êtes déjà membre de ce groupe.',
  'group.already-requested': 'Votre demande est déjà envoyée.',
  'group.adherents-only': 'Ce groupe est réservé aux adhérents.',
  'group.invitation-only': 'On n’entre dans ce groupe que sur invitation.',
  'group.managers-only': 'Réservé aux animateurs du groupe.',
  'group.members-only': 'Réservé aux membres du groupe.',
  'group.changed-meanwhile': 'Le groupe a changé entre-temps : rechargez la page.',
  'group.not-in': 'Vous n’êtes pas dans ce groupe.',
  'group.last-manager': 'Nommez un·e autre animateur·rice avant de quitter le groupe.',
  'group.already-member-other': 'Cette personne est déjà membre.',
  'group.no-request': 'Il n’y a pas de demande à refuser : retirez le membre.',
  'group.request-first': 'Acceptez d’abord sa demande.',
  'invitation.not-found': notFound('Invitation'),
  'invitation.other-address': 'Cette invitation a été envoyée à une autre adresse : connectez-vous avec le compte de cette adresse.',
  'conversation.not-found': notFound('Conversation'),
  'message.not-found': notFound('Message'),
  'message.not-author': 'Seul·e l’auteur·rice d’un message peut le modifier ou le supprimer.',
  'message.deleted': 'Ce message a été supprimé : il ne peut plus être modifié.',
  'message.attachment-taken': 'Un des fichiers vient d’être joint à un autre message ou à une publication.',
  'messaging.blocked': 'Vous ne pouvez pas écrire à cette personne : l’un de vous a bloqué l’autre.',
  'text.not-found': notFound('Texte'),
  'text.organizers-only': 'Seuls celles et ceux qui animent cet espace y écrivent des textes.',
  'text.owners-only': 'Seuls l’auteur·rice du texte et les responsables de l’espace décident des amendements.',
  'text.members-only': 'Seuls les membres de cet espace proposent des amendements.',
  'text.not-draft': 'Ce texte est déjà ouvert aux amendements.',
  'text.not-open': 'Ce texte n’est pas ouvert aux amendements.',
  'text.deadline-passed': 'La date limite de dépôt des amendements est passée.',
  'text.version-changed': 'Une nouvelle version vient d’être publiée : rechargez le texte.',
  'text.conflicts': 'Des amendements acceptés modifient les mêmes passages : départagez-les avant de publier.',
  'text.nothing-to-publish': 'Aucun amendement accepté à fusionner.',
  'text.too-long': 'Avec ces amendements le texte dépasserait la taille d’une version : rejetez-en, ou coupez le texte en plusieurs.',
  'amendment.not-found': notFound('Amendement'),
  'amendment.decided': 'Cet amendement a déjà été tranché.',
  'document.not-found': notFound('Document'),
  'document.members-only': 'Seuls les membres de cet espace y partagent des documents.',
  'document.not-yours': 'Seuls la personne qui l’a partagé et les responsables de l’espace retirent un document.',
  'document.quota-exceeded': 'L’espace de stockage de cet espace est plein : {free} encore libres, {asked} demandés. Retirez des documents, ou demandez plus de place à l’équipe nationale.',
  'document.attachment-taken': 'Un des fichiers vient d’être joint ailleurs.',
  'salon.not-found': notFound('Salon'),
  'salon.runners-only': 'Seuls les responsables de cet espace ouvrent et ferment son salon.',
  'salon.closed': 'Ce salon est fermé : on peut le relire, plus y écrire.',
  'messaging.recipient-closed': 'Cette personne ne reçoit pas de messages.',
  'messaging.not-reachable': 'Cette personne n’accepte les messages que de ses coopains ou des personnes qui partagent un espace avec elle.',
  'messaging.too-many-messages': (p: { seconds: number }) => `Vous avez envoyé beaucoup de messages en peu de temps : réessayez dans ${frenchWait(p.seconds)}.`,
  'messaging.too-many-conversations': (p: { seconds: number }) => `Vous avez commencé beaucoup de conversations aujourd’hui : réessayez dans ${frenchWait(p.seconds)}.`,
  'friend.request-crossed': 'Une demande vient d’être faite entre vous : rechargez la page.',
  'friend.not-asked': 'Cette personne ne vous a pas demandé·e en coopain.',
  'friend.changed-meanwhile': 'La demande a changé entre-temps : rechargez la page.',

  // Posts, comments, files, moderation
  'space.closed': 'Cet espace n’est pas ouvert à votre compte.',
  'space.blocked': 'Les modérateurs de cet espace vous ont retiré le droit d’y publier.',
  'post.not-allowed': 'Vous ne pouvez pas publier dans cet espace.',
  'post.not-found': notFound('Publication'),
  'post.author-only': 'Seul·e l’auteur·rice modifie ou supprime sa publication.',
  'post.conversation-changed': 'La conversation vient de changer : réessayez.',
  'post.attachment-taken': 'Un des fichiers vient d’être joint à une autre publication.',
  'comment.not-found': notFound('Commentaire'),
  'notification.not-found': notFound('Notification'),
  'attachment.not-found': notFound('Pièce jointe'),
  'attachment.mismatch': 'Le fichier reçu ne correspond pas à ce qui était annoncé.',
  'attachment.checked-meanwhile': 'Cette pièce jointe vient d’être vérifiée par une autre demande.',
  'moderation.moderators-only': 'Réservé aux modérateurs de cet espace.',
  'moderation.admins-only': 'Les signalements remontés sont traités par l’administration nationale.',
  'moderation.report-not-found': notFound('Signalement'),
  'link-preview.too-many': (p: { max: number; seconds: number }) =>
    `Vous avez demandé ${p.max} aperçus de liens en une minute : attendez ${frenchWait(p.seconds)} avant d’en demander un autre.`,
  'sender.too-many': (p: { action: SenderAction; max: number; period: 'hour' | 'day'; seconds: number }) =>
    `Vous avez ${senderWords[p.action].verb} ${senderWords[p.action].some(p.max)} ${p.period === 'hour' ? 'en une heure' : 'aujourd’hui'} : attendez ${frenchWait(p.seconds)} avant ${senderWords[p.action].another}.`,
} as const satisfies Record<string, string | ((params: never) => string)>;

export type ErrorCode = keyof typeof frErrors;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type ParamsOfEntry<E> = E extends (params: infer P) => string ? P : E extends string ? { [K in Placeholders<E>]: string | number } : never;
/** The parameters of a code: its text's `{name}`s, or its function's argument. */
export type ErrorParams<C extends ErrorCode> = ParamsOfEntry<(typeof frErrors)[C]>;

/** What another language must provide: a text, or a function of the same parameters, for every code. */
export type ErrorMessages = { [C in ErrorCode]: string | ((params: ErrorParams<C>) => string) };

/** A refusal's code and parameters: the code alone when it has none, `[code, params]` otherwise. */
export type Reason = { [C in ErrorCode]: [keyof ErrorParams<C>] extends [never] ? C : readonly [C, ErrorParams<C>] }[ErrorCode];

export const reasonCode = (reason: Reason): ErrorCode => (typeof reason === 'string' ? reason : reason[0]);
export const reasonParams = (reason: Reason): Record<string, unknown> => (typeof reason === 'string' ? {} : reason[1]);

/** The text of a code in a language's dictionary, with its parameters. */
export function errorText(messages: ErrorMessages, code: ErrorCode, params: Record<string, unknown>): string {
  const entry = messages[code] as string | ((params: Record<string, unknown>) => string);
  return typeof entry === 'function' ? entry(params) : fillText(entry, params);
}

/** A refusal's French text (the API's `message`). */
export const frenchText = (reason: Reason) => errorText(frErrors, reasonCode(reason), reasonParams(reason));

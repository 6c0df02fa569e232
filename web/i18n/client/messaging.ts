import { createTranslator, type Dictionary } from '../translate';

/**
 * A conversation's live view (`ConversationView`): its messages, the composer, sending offline,
 * editing and deleting one's messages. The page's header and actions are drawn by the server
 * (`fr-messaging.ts`). One dictionary per client feature (ADR 0026).
 */
export const frChat = {
  'chat.listLabel': 'Messages de la conversation',
  'chat.older': 'Messages plus anciens',
  'chat.loading': 'Chargement…',
  'chat.olderFailed': 'Les messages plus anciens n’ont pas pu être lus. Réessayez dans un instant.',
  'chat.beginning': 'Début de la conversation',
  'chat.empty': 'Aucun message pour l’instant\u00a0: écrivez le premier.',
  'chat.newMessages': 'Nouveaux messages',
  'chat.today': 'Aujourd’hui',
  'chat.yesterday': 'Hier',
  'chat.you': 'Vous',
  'chat.edited': '(modifié)',
  'chat.deleted': 'Message supprimé',
  'chat.composerLabel': 'Votre message',
  'chat.composerHint': 'Entrée pour envoyer, Maj\u00a0+\u00a0Entrée pour aller à la ligne.',
  'chat.count': '{count}\u00a0/\u00a0{max}',
  'chat.tooLong': 'Trop long\u00a0: {max} caractères au plus.',
  'chat.send': 'Envoyer',
  'chat.sending': 'Envoi…',
  'chat.waiting': 'Pas encore envoyé\u00a0: il partira dès que la connexion revient.',
  'chat.refused': 'Non envoyé\u00a0: {reason}',
  'chat.retry': 'Réessayer',
  'chat.discard': 'Abandonner',
  'chat.offline': 'Vous êtes hors ligne\u00a0: vos messages partiront au retour de la connexion.',
  'chat.actionsOn': 'Actions sur votre message',
  'chat.edit': 'Modifier',
  'chat.editLabel': 'Modifier votre message',
  'chat.save': 'Enregistrer',
  'chat.delete': 'Supprimer',
  'chat.deleteConfirm': 'Supprimer ce message\u00a0? Son texte sera effacé pour tout le monde.',
  'chat.deleteYes': 'Oui, supprimer',
  'chat.cancel': 'Annuler',
  'chat.report': 'Signaler',
  'chat.reportLabel': 'Pourquoi signalez-vous ce message\u00a0?',
  'chat.reportHint': 'L’équipe nationale de modération ne verra que ce message, pas le reste de la conversation.',
  'chat.reportHintSalon': 'Les modérateurs et modératrices de l’espace recevront ce message et votre raison.',
  'chat.salonClosed': 'Ce salon a été fermé par les responsables de l’espace : on peut le relire, plus y écrire.',
  'chat.reportSend': 'Envoyer le signalement',
  'chat.reported': 'Signalé à l’équipe nationale de modération. Merci.',
  'chat.failed': 'Cela n’a pas pu être fait\u00a0: {reason}',
  'chat.unavailable': 'Le service ne répond pas. Réessayez dans un instant.',
} as const satisfies Dictionary;

export const { t } = createTranslator<typeof frChat>(frChat);

import type { Dictionary } from './translate';

/**
 * Live messaging (issue 15): the inbox, a conversation's page, « Écrire » and « Bloquer » on a
 * profile, « Personnes bloquées ». Spread into `fr.ts`; the conversation's client view has its own
 * strings (`client/messaging.ts`).
 */
export const frMessaging = {
  'inbox.title': 'Messages',
  'inbox.lead': 'Vos conversations, la plus récente d’abord. Les nouveaux messages arrivent ici sans recharger la page.',
  'inbox.empty': 'Aucune conversation pour l’instant.',
  'inbox.emptyHow': 'Pour écrire à quelqu’un, ouvrez son profil ou vos coopains et choisissez «\u00a0Écrire\u00a0».',
  'inbox.toFriends': 'Voir mes coopains',
  'inbox.noMessage': 'Pas encore de message.',
  'inbox.deleted': 'Message supprimé',
  'inbox.edited': '(modifié)',
  'inbox.muted': 'En sourdine',
  'inbox.unread': { one: '{count} non lu', other: '{count} non lus' },
  'inbox.more': 'Conversations plus anciennes',
  'inbox.blockedLink': 'Personnes bloquées et qui peut m’écrire',
  'conversation.title': 'Conversation',
  'conversation.back': 'Tous les messages',
  'conversation.with': 'Avec {names}',
  'conversation.you': 'vous',
  'conversation.left': '{name} (a quitté la conversation)',
  'conversation.nobodyLeft': 'Tout le monde a quitté cette conversation.',
  'conversation.mute': 'Mettre en sourdine',
  'conversation.unmute': 'Réactiver',
  'conversation.mutedNote': 'En sourdine\u00a0: ses messages n’entrent pas dans le compte des non-lus et ne vous sont pas envoyés par courriel.',
  'conversation.actions': 'Actions sur la conversation',
  'conversation.leave': 'Quitter la conversation',
  'conversation.leaveConfirm': 'Quitter cette conversation\u00a0? Vous ne recevrez plus ses messages et elle disparaîtra de vos messages.',
  'conversation.leaveYes': 'Oui, quitter',
  'conversation.cancel': 'Annuler',
  'write.button': 'Écrire',
  'write.to': 'Écrire à {name}',
  'block.button': 'Bloquer',
  'block.to': 'Bloquer {name}',
  'block.confirm': 'Bloquer {name}\u00a0? Plus aucun message ne passera entre vous, dans un sens comme dans l’autre. Vous pourrez le débloquer depuis votre profil.',
  'block.yes': 'Oui, bloquer',
  'block.blocked': 'Vous avez bloqué {name}.',
  'block.unblock': 'Débloquer',
  'block.unblockNamed': 'Débloquer {name}',
  'blocks.heading': 'Personnes bloquées',
  'blocks.intro': 'Aucun message ne passe entre vous et ces personnes, dans un sens comme dans l’autre.',
  'blocks.none': 'Vous n’avez bloqué personne.',
  'blocks.since': 'depuis le {date}',
} as const satisfies Dictionary;

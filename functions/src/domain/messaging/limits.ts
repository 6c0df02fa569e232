import type { RateLimit } from '../limits/rate-limits';

/** Messaging's limits (ADR 0029), spent through the one rate limiter (L1) before anything is written. */
export const messagesPerMinute: RateLimit = {
  name: 'message.sender.minute',
  max: 30,
  windowSeconds: 60,
  refusal: (seconds) => ['messaging.too-many-messages', { seconds }],
};

export const newConversationsPerDay: RateLimit = {
  name: 'conversation.sender.day',
  max: 20,
  windowSeconds: 86_400,
  refusal: (seconds) => ['messaging.too-many-conversations', { seconds }],
};

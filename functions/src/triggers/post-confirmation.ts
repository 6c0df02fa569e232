import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { registerPerson } from '../domain/people/registration';
import { logger } from '../shared/logger';

/**
 * Cognito PostConfirmation: once the email is confirmed, the pending registration becomes a person
 * (userId = Cognito's `sub`). A confirmed password reset changes nothing here.
 */
export const handler = async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const { sub, email } = event.request.userAttributes;
  if (!sub || !email) throw new Error('PostConfirmation: the user has no sub or no email');
  const outcome = await registerPerson(sub, email.toLowerCase());
  if (outcome === 'no-registration') logger.warn('confirmed account without a pending registration: no person created', { userId: sub });
  return event;
};

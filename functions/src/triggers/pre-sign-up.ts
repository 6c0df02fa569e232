import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { assertSignUpAllowed } from '../domain/identity/registration';

/**
 * Cognito PreSignUp: a self sign-up must come through Coopol's API, which recorded a pending
 * registration (consent, postal code, checked password) first. Throwing refuses the sign-up:
 * Cognito answers UserLambdaValidationException "PreSignUp failed with error <our message>.".
 * Accounts created by the back office (AdminCreateUser) are not self sign-ups and pass.
 */
export const handler = async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
  if (event.triggerSource === 'PreSignUp_AdminCreateUser') return event;
  await assertSignUpAllowed(event.request.userAttributes.email ?? event.userName);
  return event;
};

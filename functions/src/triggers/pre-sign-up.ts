import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { assertCreatedByCoopol } from '../domain/identity/registration';

/**
 * Cognito PreSignUp: a self sign-up (SignUp, straight to Cognito) is always refused — Coopol's API
 * creates accounts itself, once the address is proven and the password chosen by the code's holder
 * (ADR 0015). Throwing refuses: Cognito answers UserLambdaValidationException
 * "PreSignUp failed with error <our message>.". The API's own AdminCreateUser passes.
 */
export const handler = async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
  assertCreatedByCoopol(event.triggerSource);
  return event;
};

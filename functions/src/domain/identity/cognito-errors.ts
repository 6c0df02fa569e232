import { ConflictError, DomainError, ForbiddenError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../errors';

/** Cognito's exceptions, as a French answer naming the field in cause. Unknown ones stay internal (500). */
export function fromCognito(error: unknown, context: { codeField?: string; passwordField?: string } = {}): Error {
  const name = (error as Error).name;
  const message = (error as Error).message ?? '';
  switch (name) {
    case 'CodeMismatchException':
      return new ValidationError([{ field: context.codeField ?? 'body.code', message: 'code incorrect' }], 'code.wrong');
    case 'ExpiredCodeException':
      return new ValidationError([{ field: context.codeField ?? 'body.code', message: 'code expiré : demandez-en un nouveau' }], 'code.expired');
    case 'UsernameExistsException':
      return new ConflictError('account.exists', [
        { field: 'body.email', message: 'adresse déjà utilisée' },
      ]);
    case 'InvalidPasswordException':
      return new ValidationError([{ field: context.passwordField ?? 'body.password', message: message || 'mot de passe refusé' }]);
    case 'UserNotConfirmedException':
      return new DomainError(403, 'UserNotConfirmed', 'auth.not-confirmed');
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return new TooManyRequestsError('rate.limited', 300);
    case 'NotAuthorizedException':
      return new UnauthorizedError('auth.session-refused');
    case 'UserLambdaValidationException': {
      // A trigger refused: its message follows Cognito's prefix ("PreSignUp failed with error …").
      const reason = /failed with error (.+?)\.?$/.exec(message)?.[1];
      return new ForbiddenError(reason ? ['sign-up.refused-by-trigger', { reason }] : 'sign-up.refused');
    }
    default:
      return error as Error;
  }
}

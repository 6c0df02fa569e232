import { errorText, frErrors, type ErrorCode, type ErrorMessages } from '../../functions/src/contracts/errors';

/**
 * The API's refusals as pages show them: from their stable code (ADR 0018) through the dictionary of
 * the site's language — French for now, the very catalogue the API writes its `message` from, so no
 * sentence exists twice; English would be one more `ErrorMessages`. A code the site does not know
 * (an API newer than the site) or none (an older one) shows the API's own message.
 */
const messages: ErrorMessages = frErrors;

export function refusalText(refusal: { code?: string; params?: Record<string, unknown>; message: string }): string {
  if (refusal.code === undefined || !Object.hasOwn(messages, refusal.code)) return refusal.message;
  return errorText(messages, refusal.code as ErrorCode, refusal.params ?? {});
}

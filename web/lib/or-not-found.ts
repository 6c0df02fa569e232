import { notFound } from 'next/navigation';
import { isApiError } from './api';

/**
 * Awaits an API call for a page: a 404, or a 400 on a malformed identifier taken from the URL,
 * shows the not-found page; anything else goes on to the error boundary. Pages for a few (the
 * moderators') pass `forbidden: true`: a 403 is then not found too — nothing to see here.
 */
export async function orNotFound<T>(call: Promise<T>, options: { forbidden?: boolean } = {}): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isApiError(error, 404) || isApiError(error, 400) || (options.forbidden && isApiError(error, 403))) notFound();
    throw error;
  }
}

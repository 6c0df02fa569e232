import type { PlaceFinding } from '@coopol/contracts';
import { isApiError } from '../../lib/api-transport';

/**
 * Postal code search, shared by the finder (in the browser) and the landing page (which answers
 * `?cp=` itself when JavaScript is off). Each side brings its own way to ask the API.
 */
export type ResolvePostalCode = (postalCode: string, signal?: AbortSignal) => Promise<PlaceFinding>;

export type PostalCodeOutcome =
  | { kind: 'found'; resolution: PlaceFinding }
  | { kind: 'error'; reason: 'format' | 'unknown' | 'unavailable'; code: string };

/** People type « 68 100 » as often as « 68100 ». */
export function normalizePostalCode(raw: string): string {
  return raw.replace(/\s+/g, '');
}

export async function lookUpPostalCode(
  raw: string,
  resolve: ResolvePostalCode,
  signal?: AbortSignal,
): Promise<PostalCodeOutcome> {
  const code = normalizePostalCode(raw);
  if (!/^\d{5}$/.test(code)) return { kind: 'error', reason: 'format', code };
  try {
    const resolution = await resolve(code, signal);
    if (resolution.communes.length === 0) return { kind: 'error', reason: 'unknown', code };
    return { kind: 'found', resolution };
  } catch (error) {
    if (isApiError(error, 404)) return { kind: 'error', reason: 'unknown', code };
    if (isApiError(error, 400)) return { kind: 'error', reason: 'format', code };
    if (signal?.aborted) throw error;
    console.error('Postal code lookup failed', error);
    return { kind: 'error', reason: 'unavailable', code };
  }
}

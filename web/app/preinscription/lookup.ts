import { routes } from '@coopol/contracts';
import { callApi, isApiError, type ApiResult } from '../../lib/api';

export type PreregistrationView = ApiResult<typeof routes.getPreregistration>;

/** The preregistration of a mail's link; null when the link is unknown, erased or malformed. */
export async function findPreregistration(token: string | undefined): Promise<PreregistrationView | null> {
  if (!token) return null;
  try {
    return await callApi(routes.getPreregistration, { params: { token } });
  } catch (error) {
    if (isApiError(error, 404) || isApiError(error, 400)) return null;
    throw error;
  }
}

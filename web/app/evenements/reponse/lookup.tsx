import Link from 'next/link';
import { routes } from '@coopol/contracts';
import { StatusMessage } from '../../../components/ui/StatusMessage';
import { t } from '../../../i18n';
import { callApi, isApiError, type ApiResult } from '../../../lib/api';

export type VisitorAnswerView = ApiResult<typeof routes.getVisitorAnswer>;

/** The answer of a visitor's mailed link; null when the link is unknown, lapsed or cancelled. */
export async function findVisitorAnswer(token: string | undefined): Promise<VisitorAnswerView | null> {
  if (!token) return null;
  try {
    return await callApi(routes.getVisitorAnswer, { params: { token } });
  } catch (error) {
    if (isApiError(error, 404) || isApiError(error, 400)) return null;
    throw error;
  }
}

/** A link that leads to no answer (incomplete, lapsed, cancelled). */
export function BadAnswerLink() {
  return (
    <StatusMessage icon="alert" title={t('answer.badLinkHeading')} text={t('answer.badLinkText')}>
      <Link href="/" className="button button-secondary">
        {t('answer.home')}
      </Link>
    </StatusMessage>
  );
}

export const sayState = (state: VisitorAnswerView['state']) => t(`answer.state.${state}`);


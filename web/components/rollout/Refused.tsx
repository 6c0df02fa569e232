import { routes } from '@coopol/contracts';
import Link from 'next/link';
import { t } from '../../i18n';
import { refusalText } from '../../i18n/errors';
import { isApiError } from '../../lib/api';
import { callAsSignedIn, type Session } from '../../lib/session';
import { Icon } from '../ui/Icon';
import { StatusMessage } from '../ui/StatusMessage';

export interface Refusal {
  refused: true;
  message: string;
  /** An official who has not turned on TOTP yet: the way to fix it. */
  needsMfa: boolean;
}

/** Runs the page's API calls; a 403 becomes a refusal the page explains (see `Refused`). */
export async function orRefused<T>(session: Session, returnTo: string, load: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await load();
  } catch (error) {
    if (!isApiError(error, 403)) throw error;
    const profile = await callAsSignedIn(session, returnTo, routes.getMyProfile, {}).catch(() => null);
    return { refused: true, message: refusalText(error), needsMfa: Boolean(profile && profile.roles.length > 0 && !profile.mfaEnabled) };
  }
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as Partial<Refusal>).refused === true;
}

/** The page for someone the API refused (403): what it said, and the way on. */
export function Refused({ refusal }: { refusal: Refusal }) {
  return (
    <StatusMessage icon="lock" code="403" title={t('access.heading')} text={refusal.message}>
      {refusal.needsMfa && (
        <Link href="/profil/double-authentification" className="button button-primary">
          <Icon name="shield" size={20} />
          {t('access.turnOnMfa')}
        </Link>
      )}
      <Link href="/" className={`button ${refusal.needsMfa ? 'button-secondary' : 'button-primary'}`}>
        {t('access.home')}
      </Link>
    </StatusMessage>
  );
}

import { routes, type PublicProfile } from '@coopol/contracts';
import Link from 'next/link';
import { t } from '../../i18n';
import { refusalText } from '../../i18n/errors';
import { isApiError } from '../../lib/api';
import { callAsSignedIn, type Session } from '../../lib/session';
import { Icon } from '../ui/Icon';
import { MemberList } from './MemberList';
import styles from './MembersView.module.css';

export type MembersAnswer =
  | { kind: 'page'; items: PublicProfile[]; nextCursor: string | null }
  | { kind: 'refused'; message: string; needsMfa: boolean };

/**
 * A page of a space's members, or the API's refusal (403) turned into an explanation: the list is
 * for the space's own people and its officials. A stale cursor (400) shows the first page's link.
 */
export async function loadMembers(session: Session, returnTo: string, load: () => Promise<{ items: PublicProfile[]; nextCursor: string | null }>): Promise<MembersAnswer> {
  try {
    return { kind: 'page', ...(await load()) };
  } catch (error) {
    if (!isApiError(error, 403)) throw error;
    // An official who has not turned on TOTP yet is refused too: tell them how to fix it.
    const profile = await callAsSignedIn(session, returnTo, routes.getMyProfile, {}).catch(() => null);
    return { kind: 'refused', message: refusalText(error), needsMfa: Boolean(profile && profile.roles.length > 0 && !profile.mfaEnabled) };
  }
}

export function MembersView({
  answer,
  baseHref,
  cursor,
  refusedText,
  backHref,
  backLabel,
}: {
  answer: MembersAnswer;
  /** This page without a cursor, for the pagination links. */
  baseHref: string;
  cursor?: string;
  refusedText: string;
  backHref: string;
  backLabel: string;
}) {
  if (answer.kind === 'refused') {
    return (
      <div className={styles.refused}>
        <span className={styles.refusedIcon}>
          <Icon name="lock" size={28} />
        </span>
        <h2>{t('members.refusedHeading')}</h2>
        <p>{refusedText}</p>
        <p className={styles.muted}>{answer.message}</p>
        <div className={styles.actions}>
          {answer.needsMfa && (
            <Link href="/profil/double-authentification" className="button button-primary">
              <Icon name="shield" size={20} />
              {t('members.turnOnMfa')}
            </Link>
          )}
          <Link href={backHref} className="button button-secondary">
            {backLabel}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <>
      <p className={styles.note}>
        <Icon name="lock" size={18} />
        <span>{t('members.privacyNote')}</span>
      </p>
      {answer.items.length === 0 ? (
        <p className={styles.muted}>{cursor ? t('members.noMore') : t('members.none')}</p>
      ) : (
        <MemberList people={answer.items} />
      )}
      {(cursor || answer.nextCursor) && (
        <nav aria-label={t('members.pagination')} className={styles.pagination}>
          {cursor && (
            <Link href={baseHref} className="button button-secondary">
              {t('members.firstPage')}
            </Link>
          )}
          {answer.nextCursor && (
            <Link href={`${baseHref}?cursor=${encodeURIComponent(answer.nextCursor)}`} className="button button-primary">
              {t('members.nextPage')}
              <Icon name="arrowRight" size={20} />
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

import { routes, type SpaceType } from '@coopol/contracts';
import Link from 'next/link';
import { Icon } from '../../components/ui/Icon';
import { t } from '../../i18n';
import { isApiError } from '../../lib/api';
import { callAsSignedIn, type Session } from '../../lib/session';
import { mailingsHref, newMailingHref } from './hrefs';
import styles from './mailings.module.css';

/**
 * Whether the person speaks for the space, as the API answers (it is the authority; the page only
 * hides): its list of messages opens to them. An official who has not turned on TOTP yet is shown the
 * way in too: the page then says what to do.
 */
async function speaksFor(session: Session, returnTo: string, space: { type: SpaceType; id: string }): Promise<boolean> {
  try {
    await callAsSignedIn(session, returnTo, routes.listMailings, { params: { spaceType: space.type, spaceId: space.id } });
    return true;
  } catch (error) {
    if (isApiError(error, 403)) return error.code === 'access.mfa-required';
    if (!isApiError(error, 404)) console.error(`Could not tell whether the person speaks for ${space.type} ${space.id}`, error);
    return false;
  }
}

/** « Messages aux membres » on a space's page, for those who may write to its people; nothing for anyone else. */
export async function SpaceMailingsCard({ session, space, returnTo, known }: { session: Session; space: { type: SpaceType; id: string }; returnTo: string; known?: boolean }) {
  if (!(known ?? (await speaksFor(session, returnTo, space)))) return null;
  return (
    <section className={`card ${styles.card}`} aria-labelledby={`mailings-${space.type}`}>
      <h2 id={`mailings-${space.type}`}>{t('mailings.card.heading')}</h2>
      <p>{t('mailings.card.text')}</p>
      <div className={styles.headActions}>
        <Link href={newMailingHref(space.type, space.id)} className="button button-primary">
          <Icon name="megaphone" size={20} />
          {t('mailings.write')}
        </Link>
        <Link href={mailingsHref(space.type, space.id)} className="button button-secondary">
          {t('mailings.card.list')}
        </Link>
      </div>
    </section>
  );
}

import { routes, type MemberListRead } from '@coopol/contracts';
import { t } from '../../i18n';
import { callApi, isApiError } from '../../lib/api';
import { getSession } from '../../lib/session';
import { AccessLog } from './AccessLog';
import styles from './AccessLog.module.css';

/** The reads of a space's member list, for the people on it; nothing for anyone else (the API says 404). */
async function readsOf(scope: 'section' | 'federation', id: string, token: string): Promise<MemberListRead[] | null> {
  try {
    const page =
      scope === 'section'
        ? await callApi(routes.getSectionAccessLog, { params: { sectionId: id }, query: { limit: 20 } }, { token })
        : await callApi(routes.getFederationAccessLog, { params: { federationCode: id }, query: { limit: 20 } }, { token });
    return page.items;
  } catch (error) {
    if (!isApiError(error, 404)) console.error(`Could not read the access log of ${scope} ${id}`, error);
    return null;
  }
}

/** « Qui a consulté la liste des membres », on a section's or federation's page, for its own people. */
export async function SpaceAccessLog({ scope, id }: { scope: 'section' | 'federation'; id: string }) {
  const session = await getSession();
  const reads = session ? await readsOf(scope, id, session.idToken) : null;
  if (!reads) return null;
  return (
    <section className={`card ${styles.card}`} aria-labelledby={`${scope}-access-log-title`}>
      <h2 id={`${scope}-access-log-title`} className={styles.title}>
        {t('accessLog.heading')}
      </h2>
      <p className={styles.muted}>{t('accessLog.intro')}</p>
      <AccessLog reads={reads} />
    </section>
  );
}

import { routes } from '@coopol/contracts';
import Link from 'next/link';
import { t } from '../../i18n';
import { callApi } from '../../lib/api';
import { getSession, signInHref } from '../../lib/session';
import { Icon } from '../ui/Icon';
import { OfficialList } from './MemberList';
import styles from './SpacePeople.module.css';

type Official = { userId: string; givenName: string; familyName: string; role: string };

/** A space's officials for a signed-in person; the space page stands without them if the call fails. */
async function officialsOf(scope: 'section' | 'federation', id: string, token: string): Promise<Official[] | null> {
  try {
    const list =
      scope === 'section'
        ? await callApi(routes.listSectionOfficials, { params: { sectionId: id } }, { token })
        : await callApi(routes.listFederationOfficials, { params: { federationCode: id } }, { token });
    return list.items;
  } catch (error) {
    console.error(`Could not list the officials of ${scope} ${id}`, error);
    return null;
  }
}

/**
 * The people of a section or federation, on its page: its officials (« Responsables ») for
 * signed-in people, and the way to its member list (which the API opens to its own people).
 */
export async function SpacePeople({ scope, id, pageHref }: { scope: 'section' | 'federation'; id: string; pageHref: string }) {
  const session = await getSession();
  const officials = session ? await officialsOf(scope, id, session.idToken) : null;
  const membersHref = `${pageHref}/membres`;

  return (
    <section className={`card ${styles.card}`} aria-labelledby={`${scope}-people-title`}>
      <h2 id={`${scope}-people-title`} className={styles.title}>
        {t('officials.heading')}
      </h2>
      {session ? (
        officials && <OfficialList officials={officials} />
      ) : (
        <p className={styles.muted}>
          <Link href={signInHref(pageHref)}>{t('officials.signIn')}</Link> {t('officials.signInWhy')}
        </p>
      )}
      <Link href={membersHref} className={`button button-secondary ${styles.members}`}>
        <Icon name="users" size={20} />
        {t('officials.members')}
      </Link>
    </section>
  );
}

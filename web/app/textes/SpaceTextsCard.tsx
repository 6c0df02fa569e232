import { routes, type SpaceType } from '@coopol/contracts';
import Link from 'next/link';
import { Icon } from '../../components/ui/Icon';
import { t } from '../../i18n';
import { isApiError } from '../../lib/api';
import { callAsSignedIn, type Session } from '../../lib/session';
import { documentsHref } from '../documents/hrefs';
import { newTextHref, spaceTextsHref, textHref } from './hrefs';
import { TextStateBadge } from './TextParts';
import styles from './texts.module.css';

/** The space's latest texts as the API answers the person — nothing for who may not read them (a supporter, for a section's). */
async function latestTexts(session: Session, returnTo: string, space: { type: SpaceType; id: string }) {
  try {
    return await callAsSignedIn(session, returnTo, routes.listSpaceTexts, { params: { spaceType: space.type as 'section', spaceId: space.id }, query: { limit: 3 } });
  } catch (error) {
    if (!isApiError(error, 404) && !isApiError(error, 403)) console.error(`Could not read the texts of ${space.type} ${space.id}`, error);
    return null;
  }
}

/** « Textes et documents » on a space's page, for its readers: its latest texts, the way to all of them and to its documents, and « Écrire un texte » for who runs it. */
export async function SpaceTextsCard({ session, space, returnTo }: { session: Session; space: { type: SpaceType; id: string }; returnTo: string }) {
  const texts = await latestTexts(session, returnTo, space);
  if (!texts) return null;
  return (
    <section className={`card ${styles.card}`} aria-labelledby={`texts-${space.type}`}>
      <h2 id={`texts-${space.type}`}>{t('texts.card.heading')}</h2>
      {texts.items.length === 0 ? (
        <p>{t('texts.card.text')}</p>
      ) : (
        <ul className={styles.cardList}>
          {texts.items.map((text) => (
            <li key={text.id}>
              <Link href={textHref(text.id)}>{text.title}</Link> <TextStateBadge text={text} />
            </li>
          ))}
        </ul>
      )}
      <div className={styles.headActions}>
        {texts.mayWrite && (
          <Link href={newTextHref(space.type, space.id)} className="button button-primary">
            <Icon name="fileText" size={20} />
            {t('texts.write')}
          </Link>
        )}
        <Link href={spaceTextsHref(space.type, space.id)} className="button button-secondary">
          {t('texts.card.list')}
        </Link>
        <Link href={documentsHref(space.type, space.id)} className="button button-secondary">
          <Icon name="download" size={20} />
          {t('documents.card.link')}
        </Link>
      </div>
    </section>
  );
}

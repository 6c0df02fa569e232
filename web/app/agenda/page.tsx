import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { ActionForm } from '../../components/forms/ActionForm';
import { Hidden } from '../../components/forms/Hidden';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { headers } from 'next/headers';
import { t } from '../../i18n';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { createFeed, revokeFeed } from '../evenements/actions';
import { EventList } from '../evenements/EventList';
import styles from '../evenements/events.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('agenda.mineTitle') };

/** My agenda (what I come to, might come to, or volunteer at) and my private calendar links. */
export default async function MyAgendaPage() {
  const session = await requireSession('/agenda');
  const [agenda, feeds] = await Promise.all([
    callAsSignedIn(session, '/agenda', routes.myAgenda, {}),
    callAsSignedIn(session, '/agenda', routes.listCalendarFeeds, {}),
  ]);
  // The links are shown whole, to paste into a calendar app: this site's own origin.
  const h = await headers();
  const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('x-forwarded-host') ?? h.get('host') ?? ''}`;
  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <h1>{t('agenda.mineTitle')}</h1>
      </header>
      <EventList
        events={agenda.items}
        empty={t('agenda.mineEmpty')}
        extra={(event) => {
          const entry = agenda.items.find((e) => e.id === event.id)!;
          return (
            <p className={styles.current}>
              {entry.myRsvp ? t(`event.rsvpState.${entry.myRsvp}`) : ''} {entry.mySlots.length ? t('agenda.slotsMine', { count: entry.mySlots.length }) : ''}
            </p>
          );
        }}
      />
      <section id="abonnements" className={`card ${styles.card}`} aria-labelledby="feeds-title">
        <h2 id="feeds-title">{t('agenda.feedsHeading')}</h2>
        <p className={styles.muted}>{t('agenda.feedsIntro')}</p>
        {feeds.items.length === 0 && <p>{t('agenda.feedsNone')}</p>}
        <ul className={styles.list}>
          {feeds.items.map((feed) => (
            <li key={feed.id} className={styles.slot}>
              <strong>{feed.scope.type === 'me' ? t('agenda.feedMine') : t(`agenda.feedScope.${feed.scope.type}`, { id: feed.scope.id ?? '' })}</strong>
              <code>{`${origin}${feed.path}`}</code>
              <ActionForm action={revokeFeed}>
                <Hidden name="feedId" value={feed.id} />
                <SubmitButton secondary>{t('agenda.feedRevoke')}</SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={createFeed}>
          <Hidden name="scope" value="me" />
          <SubmitButton>{t('agenda.feedCreateMine')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}

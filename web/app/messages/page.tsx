import { formatDay, parisClock, parisDay, routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveRefresh } from '../../components/messaging/LiveRefresh';
import styles from '../../components/messaging/messaging.module.css';
import { t, tc } from '../../i18n';
import { orNotFound } from '../../lib/or-not-found';
import { param, type SearchParams } from '../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../lib/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('inbox.title') };

/** « 14:32 » today, « 3 déc. » before. */
function when(at: string): string {
  return parisDay(at) === parisDay(new Date()) ? parisClock(at) : formatDay(parisDay(at));
}

/**
 * The inbox (issue 15): one line per conversation, the latest first (one Query), with its last
 * message and what is unread; drawn again by the server whenever the live channel says so.
 */
export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession('/messages');
  const cursor = param(await searchParams, 'apres');
  const inbox = await orNotFound(callAsSignedIn(session, '/messages', routes.listInbox, { query: { limit: 30, ...(cursor ? { cursor } : {}) } }));
  return (
    <div className={`container section-block ${styles.inboxPage}`}>
      <LiveRefresh />
      <h1>{t('inbox.title')}</h1>
      <p className={styles.lead}>{t('inbox.lead')}</p>
      {inbox.items.length === 0 ? (
        <div className={`card ${styles.empty}`}>
          <p>{t('inbox.empty')}</p>
          <p>{t('inbox.emptyHow')}</p>
          <Link href="/coopains" className="button button-primary">
            {t('inbox.toFriends')}
          </Link>
        </div>
      ) : (
        <ul className={styles.inbox} data-inbox="">
          {inbox.items.map((entry) => {
            const last = entry.lastMessage;
            return (
              <li key={entry.conversationId} className={`${styles.entry} ${entry.unread > 0 ? styles.entryUnread : ''}`} data-conversation={entry.conversationId}>
                <Link href={`/messages/${encodeURIComponent(entry.conversationId)}`} className={styles.entryLink}>
                  <span className={styles.entryHead}>
                    <span className={styles.entryTitle}>{entry.title}</span>
                    {last && (
                      <time dateTime={last.at} className={styles.entryTime}>
                        {when(last.at)}
                      </time>
                    )}
                  </span>
                  <span className={styles.entryPreview}>
                    {!last ? t('inbox.noMessage') : last.deleted ? <em>{t('inbox.deleted')}</em> : `${last.authorName}\u00a0: ${last.preview}`}
                    {last?.edited && !last.deleted && ` ${t('inbox.edited')}`}
                  </span>
                  {(entry.unread > 0 || entry.muted) && (
                    <span className={styles.entryMarks}>
                      {entry.unread > 0 && <span className={styles.unreadBadge}>{tc('inbox.unread', entry.unread)}</span>}
                      {entry.muted && <span className={styles.mutedMark}>{t('inbox.muted')}</span>}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {inbox.nextCursor && (
        <p>
          <Link href={`/messages?apres=${encodeURIComponent(inbox.nextCursor)}`} className="button button-secondary">
            {t('inbox.more')}
          </Link>
        </p>
      )}
      <p className={styles.footNote}>
        <Link href="/profil#personnes-bloquees">{t('inbox.blockedLink')}</Link>
      </p>
    </div>
  );
}

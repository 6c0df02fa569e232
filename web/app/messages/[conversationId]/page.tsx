import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { Hidden } from '../../../components/forms/Hidden';
import { ConversationView } from '../../../components/messaging/ConversationView';
import styles from '../../../components/messaging/messaging.module.css';
import { UserMenu } from '../../../components/site/UserMenu';
import { t, tc } from '../../../i18n';
import { orNotFound } from '../../../lib/or-not-found';
import { tokenSubject } from '../../../lib/session-core';
import { callAsSignedIn, requireSession } from '../../../lib/session';
import { leaveConversation, muteConversation } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('conversation.title') };

type Props = { params: Promise<{ conversationId: string }> };

const decodedParam = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Names joined the French way: « Marc », « Marc et Léa », « Marc, Léa et Sami ». */
const joinNames = (names: string[]) => new Intl.ListFormat('fr-FR', { type: 'conjunction' }).format(names);

/**
 * One conversation (issue 15): who is in it, mute and leave (forms from the server), and its
 * messages, live (`ConversationView`). A person who is not in it gets the not-found page, as for
 * a conversation that does not exist.
 */
export default async function ConversationPage({ params }: Props) {
  // A salon's id has a colon (`s.group:…`), which the address may carry encoded (`%3A`).
  const conversationId = decodedParam((await params).conversationId);
  const here = `/messages/${encodeURIComponent(conversationId)}`;
  const session = await requireSession(here);
  const [conversation, page] = await Promise.all([
    orNotFound(callAsSignedIn(session, here, routes.getConversation, { params: { conversationId } })),
    orNotFound(callAsSignedIn(session, here, routes.listMessages, { params: { conversationId }, query: { limit: 30 } })),
  ]);
  const me = tokenSubject(session.idToken);
  const others = conversation.participants.filter((p) => p.userId !== me);
  const present = others.filter((p) => !p.left);
  const { salon } = conversation;
  const title = salon ? t('salon.title', { space: salon.title }) : present.length ? joinNames(present.map((p) => p.displayName)) : t('conversation.title');
  const spacePath = salon && (salon.spaceType === 'group' ? `/groupes/${salon.spaceId}` : `/sections/${salon.spaceId}`);
  return (
    <div className={`container ${styles.conversationPage}`}>
      <header className={styles.conversationHead}>
        <p className={styles.back}>
          <Link href="/messages">
            <span aria-hidden="true">← </span>
            {t('conversation.back')}
          </Link>
        </p>
        <div className={styles.titleRow}>
          <h1 className={styles.conversationTitle}>{title}</h1>
          <UserMenu
            className={styles.menuAnchor}
            summaryClassName={styles.menuButton}
            summary={
              <>
                <span aria-hidden="true">…</span>
                <span className="visually-hidden">{t('conversation.actions')}</span>
              </>
            }
          >
            <div className={styles.menuBody}>
              <form action={muteConversation}>
                <Hidden name="conversationId" value={conversation.id} />
                <Hidden name="muted" value={conversation.muted ? 'false' : 'true'} />
                <button type="submit" className={styles.menuItem}>
                  {conversation.muted ? t('conversation.unmute') : t('conversation.mute')}
                </button>
              </form>
              <details className={styles.leave}>
                <summary className={styles.menuItem}>{t('conversation.leave')}</summary>
                <p>{salon ? t('salon.leaveConfirm') : t('conversation.leaveConfirm')}</p>
                <form action={leaveConversation}>
                  <Hidden name="conversationId" value={conversation.id} />
                  <button type="submit" className="button button-primary">
                    {t('conversation.leaveYes')}
                  </button>
                </form>
              </details>
            </div>
          </UserMenu>
        </div>
        {salon && spacePath && (
          <p className={styles.participants}>
            {tc('salon.people', salon.participantCount)} · <Link href={spacePath}>{t('salon.toSpace', { space: salon.title })}</Link>
          </p>
        )}
        {/* The title names who is here; who left is said below it. */}
        {others.some((p) => p.left) && (
          <p className={styles.participants}>
            {present.length === 0
              ? t('conversation.nobodyLeft')
              : t('conversation.with', { names: joinNames(others.map((p) => (p.left ? t('conversation.left', { name: p.displayName }) : p.displayName))) })}
          </p>
        )}
        {conversation.muted && <p className={styles.mutedNote}>{t('conversation.mutedNote')}</p>}
      </header>
      <ConversationView
        conversationId={conversation.id}
        me={me}
        formClientMessageId={randomUUID().replaceAll('-', '')}
        initial={page}
        lastReadMessageId={conversation.lastReadMessageId}
        {...(salon && { salon: { open: salon.open } })}
      />
    </div>
  );
}

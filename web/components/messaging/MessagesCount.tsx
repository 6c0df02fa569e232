'use client';

import { useEffect, useState } from 'react';
import { tc } from '../../i18n/shell';
import { IconSvg } from '../ui/IconSvg';
import { message as messageShape } from '../ui/shapes/message';
import styles from './messages-link.module.css';

/**
 * The « Messages » icon and its unread count: drawn by the server, then following the live channel's
 * `unread` frames (`lib/realtime`, loaded after the page so its first load does not carry it); asked
 * again of `/messages/non-lus` when the tab comes back into view or the channel opens again.
 */
export function MessagesCount({ initial }: { initial: number }) {
  const [unread, setUnread] = useState(initial);
  useEffect(() => setUnread(initial), [initial]);
  useEffect(() => {
    let stop: () => void = () => {};
    let gone = false;
    const ask = async () => {
      const answer = await fetch('/messages/non-lus', { cache: 'no-store' }).catch(() => undefined);
      if (answer?.ok && !gone) setUnread(((await answer.json()) as { total: number }).total);
    };
    void import('../../lib/realtime').then(({ listen }) => {
      if (gone) return;
      stop = listen((frame) => {
        if (frame.type === 'unread') setUnread(frame.total);
        else if (frame.type === 'connected' && frame.again) void ask();
      });
    });
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void ask();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      gone = true;
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  return (
    <span className={styles.icon} data-messages-unread={unread}>
      <IconSvg size={22}>{messageShape}</IconSvg>
      <span className="visually-hidden">{tc('messages.badge', unread)}</span>
      {unread > 0 && (
        <span aria-hidden="true" className={styles.count}>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </span>
  );
}

'use client';

import { useRef, useState } from 'react';
import { t } from '../../i18n/client/bell';
import { useOnOpen } from '../ui/use-on-open';
import styles from './bell.module.css';

/** The bell's latest notifications, as `/notifications/dernieres` gives them. */
interface Item {
  id: string;
  text: string;
  at: string;
  /** `at` as people read it (Paris time), said by the server. */
  when: string;
  read: boolean;
  href: string;
}

/**
 * The short list the bell opens (fetched with its words on the first opening, `LazyBellList`): read
 * each time the bell opens, each item marked read as it is followed.
 */
export function BellList() {
  const [items, setItems] = useState<Item[] | 'loading' | 'failed'>('loading');
  const root = useRef<HTMLDivElement>(null);
  useOnOpen(root, async () => {
    setItems('loading');
    const answer = await fetch('/notifications/dernieres', { cache: 'no-store' }).catch(() => undefined);
    setItems(answer?.ok ? ((await answer.json()) as { items: Item[] }).items : 'failed');
  });
  return (
    <div ref={root}>
      {items === 'loading' && <p>{t('bell.loading')}</p>}
      {items === 'failed' && <p>{t('bell.failed')}</p>}
      {Array.isArray(items) && items.length === 0 && <p>{t('bell.none')}</p>}
      {Array.isArray(items) && items.length > 0 && (
        <ul className={styles.bellItems}>
          {items.map((item) => (
            <li key={item.id} className={item.read ? undefined : styles.unread}>
              {/* A plain link: following it marks the notification read, so nothing may prefetch it. */}
              <a href={item.href}>{item.text}</a>
              <span className={styles.bellWhen}>
                <time dateTime={item.at}>{item.when}</time>
                {!item.read && ` · ${t('bell.unread')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

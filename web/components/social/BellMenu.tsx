'use client';

import { useEffect, useRef, useState } from 'react';
import { t, tc } from '../../i18n/shell';
import { bell as bellShape } from '../ui/shapes/bell';
import { IconSvg } from '../ui/IconSvg';
import styles from './bell.module.css';

/** How often the bell asks for its count while the page is in view (a live channel comes later). */
const POLL_MS = 30_000;

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
 * The bell's icon and count. It asks `/notifications/non-lues` again every 30 s while the tab is
 * visible, at once when it becomes visible again, and never while it is hidden.
 */
export function BellCount({ initial }: { initial: number }) {
  const [unread, setUnread] = useState(initial);
  useEffect(() => setUnread(initial), [initial]);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const ask = async () => {
      const answer = await fetch('/notifications/non-lues', { cache: 'no-store' }).catch(() => undefined);
      if (answer?.ok) setUnread(((await answer.json()) as { unread: number }).unread);
    };
    const follow = () => {
      clearInterval(timer);
      timer = undefined;
      if (document.visibilityState !== 'visible') return;
      timer = setInterval(ask, POLL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void ask();
      follow();
    };
    follow();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  return (
    <span className={styles.bellIcon} data-unread={unread}>
      <IconSvg size={22}>{bellShape}</IconSvg>
      <span className="visually-hidden">{tc('bell.label', unread)}</span>
      {unread > 0 && (
        <span aria-hidden="true" className={styles.bellCount}>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </span>
  );
}

/** The short list the bell opens: read when it opens, each item marked read as it is followed. */
export function BellList() {
  const [items, setItems] = useState<Item[] | 'loading' | 'failed'>('loading');
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const details = root.current?.closest('details');
    if (!details) return;
    const onToggle = async () => {
      if (!details.open) return;
      setItems('loading');
      const answer = await fetch('/notifications/dernieres', { cache: 'no-store' }).catch(() => undefined);
      setItems(answer?.ok ? ((await answer.json()) as { items: Item[] }).items : 'failed');
    };
    details.addEventListener('toggle', onToggle);
    return () => details.removeEventListener('toggle', onToggle);
  }, []);
  return (
    <div ref={root} className={styles.bellPanel}>
      <p className={styles.bellTitle}>{t('bell.latest')}</p>
      <div aria-live="polite">
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
      <a href="/notifications" className={styles.bellAll}>
        {t('bell.all')}
      </a>
    </div>
  );
}

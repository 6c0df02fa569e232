'use client';

import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { tc } from '../../i18n/shell';
import { useOnOpen } from '../ui/use-on-open';
import { bell as bellShape } from '../ui/shapes/bell';
import { IconSvg } from '../ui/IconSvg';
import styles from './bell.module.css';

/** How often the bell asks for its count while the page is in view (a live channel comes later). */
const POLL_MS = 30_000;

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

const BellList = lazy(() => import('./BellList').then((m) => ({ default: m.BellList })));

/**
 * Where the bell's latest notifications go: the list (`BellList`, its words and its requests) is
 * fetched when the bell is first opened, so no page's first load carries it (ADR 0026). Its frame
 * (the title, « Toutes les notifications ») is drawn by the server; without JavaScript, that link.
 */
export function LazyBellList({ loading }: { loading: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState(false);
  useOnOpen(root, () => setOpened(true));
  return (
    <div ref={root} aria-live="polite">
      {opened && (
        <Suspense fallback={loading}>
          <BellList />
        </Suspense>
      )}
    </div>
  );
}

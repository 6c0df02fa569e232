'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { tc } from '../../i18n/shell';
import type { CountName } from '../../lib/realtime';

/** Each count's hidden words, and the attribute that carries it (the guided tour and the tests find the bell by `data-unread`). */
const shown = {
  notifications: { label: 'bell.label', attribute: 'data-unread' },
  messages: { label: 'messages.badge', attribute: 'data-messages-unread' },
} as const;

/**
 * A count in the header (the bell's, the inbox's): drawn by the server, then kept live by the
 * channel (`followCount` in `lib/realtime`, loaded after the page so no first load carries it, ADR
 * 0026). Its hidden text names the link or button (« Alertes : 2 non lues »); the icon is the server's.
 */
export function LiveCount({
  of,
  initial,
  className,
  countClassName,
  children,
}: {
  of: CountName;
  initial: number;
  className?: string;
  countClassName?: string;
  children: ReactNode;
}) {
  const [unread, setUnread] = useState(initial);
  useEffect(() => setUnread(initial), [initial]);
  useEffect(() => {
    let stop = () => {};
    let gone = false;
    void import('../../lib/realtime').then(({ followCount }) => {
      if (!gone) stop = followCount(of, setUnread);
    });
    return () => {
      gone = true;
      stop();
    };
  }, [of]);
  return (
    <span className={className} {...{ [shown[of].attribute]: unread }}>
      {children}
      <span className="visually-hidden">{tc(shown[of].label, unread)}</span>
      {unread > 0 && (
        <span aria-hidden="true" className={countClassName}>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </span>
  );
}

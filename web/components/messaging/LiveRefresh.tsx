'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Draws the inbox again (`router.refresh()`, the server's page) when the live channel says something
 * changed: a message, an edit or a deletion, a count. Several frames close together make one refresh.
 * Nothing visible; without JavaScript the inbox is as fresh as its last load.
 */
export function LiveRefresh() {
  const router = useRouter();
  useEffect(() => {
    let stop: () => void = () => {};
    let gone = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 250);
    };
    void import('../../lib/realtime').then(({ listen }) => {
      if (gone) return;
      stop = listen((frame) => {
        if (frame.type !== 'connected' || frame.again) soon();
      });
    });
    return () => {
      gone = true;
      clearTimeout(timer);
      stop();
    };
  }, [router]);
  return null;
}

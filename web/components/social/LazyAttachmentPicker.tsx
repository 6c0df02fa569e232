'use client';

import { lazy, Suspense, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { useOnOpen } from '../ui/use-on-open';
import type { AttachmentPicker as Picker } from './AttachmentPicker';

const AttachmentPicker = lazy(() => import('./AttachmentPicker').then((m) => ({ default: m.AttachmentPicker })));

/**
 * The composer's file picker, fetched when its « + » disclosure is first opened (most posts carry
 * no file, so the page's first load does not carry the picker: ADR 0026). Once drawn it stays, so
 * the files already sent stay with the post when « + » is closed again. Without JavaScript the
 * disclosure says that files need it, as the picker itself does.
 */
export function LazyAttachmentPicker({ noscript, ...props }: ComponentProps<typeof Picker> & { noscript: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState(false);
  useOnOpen(root, () => setOpened(true));
  return (
    <div ref={root}>
      {opened ? (
        <Suspense>
          <AttachmentPicker {...props} />
        </Suspense>
      ) : (
        <noscript>{noscript}</noscript>
      )}
    </div>
  );
}

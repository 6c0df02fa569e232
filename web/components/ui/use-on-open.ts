import { useEffect, useRef, type RefObject } from 'react';

/**
 * Runs `onOpen` each time the `<details>` around `inside` opens, and at once if it is open already
 * (or if there is none): what a disclosure holds is fetched or drawn when it is first looked at
 * (ADR 0026), the bell's list read again at each opening.
 */
export function useOnOpen(inside: RefObject<HTMLElement | null>, onOpen: () => void): void {
  const latest = useRef(onOpen);
  latest.current = onOpen;
  useEffect(() => {
    const details = inside.current?.closest('details');
    if (!details) return latest.current();
    const onToggle = () => {
      if (details.open) latest.current();
    };
    onToggle();
    details.addEventListener('toggle', onToggle);
    return () => details.removeEventListener('toggle', onToggle);
  }, [inside]);
}

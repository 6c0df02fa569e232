'use client';

import { useState, type ReactNode } from 'react';
import type { TourName } from '../../help/tours';

/**
 * « Visite guidée »: the tour (driver.js, its stylesheet, the stops and the buttons' words, all in
 * `help/start-tour`) is fetched only when the button is pressed, so the page's first load carries
 * none of it; the button's own label comes from the server (`children`).
 */
export function GuidedTour({ tour, children }: { tour: TourName; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    try {
      (await import('../../help/start-tour')).startTour(tour);
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className="button button-secondary" onClick={start} disabled={busy}>
      {children}
    </button>
  );
}

'use client';

import { useState, type ReactNode } from 'react';
import type { TourName } from '../../help/tours';

/**
 * « Visite guidée »: driver.js (MIT), the tour's stops and its buttons' words are fetched only when
 * the button is pressed, so the page's first load carries none of it; the button's own label comes
 * from the server (`children`).
 */
export function GuidedTour({ tour, children }: { tour: TourName; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    try {
      const [{ driver }, { tours }, { t }] = await Promise.all([
        import('driver.js'),
        import('../../help/tours'),
        import('../../i18n/client/tour'),
        import('driver.js/dist/driver.css'),
      ]);
      driver({
        // No sliding between stops: driver.js's animated move leaves the previous stop lit too when
        // « Suivant » is pressed before it ends (two elements above the overlay); still is clearer.
        animate: false,
        showProgress: true,
        progressText: t('tour.progress'),
        nextBtnText: t('tour.next'),
        prevBtnText: t('tour.previous'),
        doneBtnText: t('tour.done'),
        // driver.js names its close button « Close »: in French here, as the rest of the page.
        onPopoverRender: (popover) => popover.closeButton.setAttribute('aria-label', t('tour.close')),
        steps: tours[tour].map((stop) => ({
          ...('element' in stop && stop.element && document.querySelector(stop.element) ? { element: stop.element } : {}),
          popover: { title: stop.title, description: stop.text },
        })),
      }).drive();
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

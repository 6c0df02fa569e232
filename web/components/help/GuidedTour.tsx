'use client';

import { useState } from 'react';
import type { TourName } from '../../help/tours';
import { t } from '../../i18n/client/tour';

/**
 * « Visite guidée »: driver.js (MIT) and the tour's words are fetched only when the button is
 * pressed, so the page's first load carries none of it.
 */
export function GuidedTour({ tour }: { tour: TourName }) {
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    try {
      const [{ driver }, { tours }] = await Promise.all([import('driver.js'), import('../../help/tours'), import('driver.js/dist/driver.css')]);
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
      {t('tour.start')}
    </button>
  );
}

import { driver } from 'driver.js';
import 'driver.js/dist/driver.css';
import { t } from '../i18n/client/tour';
import { tours, type TourName } from './tours';

/**
 * Runs a guided tour with driver.js (MIT). This module is fetched as one piece when « Visite
 * guidée » is pressed (`GuidedTour`): driver.js, its stylesheet, the stops and the buttons' words
 * travel together, and the page's first load carries one loader for all of them (ADR 0026).
 */
export function startTour(tour: TourName): void {
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
}

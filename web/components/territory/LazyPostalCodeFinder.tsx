'use client';

import dynamic from 'next/dynamic';

/**
 * The postal code finder in a chunk of its own, fetched only where it is drawn: the home page's
 * landing draws it, the signed-in feed at the same address does not (ADR 0026). Rendered on the
 * server as well, so it works before its script arrives.
 */
export const LazyPostalCodeFinder = dynamic(() => import('./PostalCodeFinder').then((m) => m.PostalCodeFinder));

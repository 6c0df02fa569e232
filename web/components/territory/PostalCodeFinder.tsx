'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PlaceFinding } from '@coopol/contracts';
import { t, tc, type FinderTextKey } from '../../i18n/client/finder';
import { fillPath, requestApi } from '../../lib/api-transport';
import { alert as alertShape } from '../ui/shapes/alert';
import { check as checkShape } from '../ui/shapes/check';
import { flag as flagShape } from '../ui/shapes/flag';
import { search as searchShape } from '../ui/shapes/search';
import { IconSvg } from '../ui/IconSvg';
import { lookUpPostalCode, normalizePostalCode, type PostalCodeOutcome, type ResolvePostalCode } from './postal-code';
import { federationHref, regionHref, sectionHref } from './hrefs';
import styles from './PostalCodeFinder.module.css';

type State = { kind: 'idle' } | { kind: 'loading' } | PostalCodeOutcome;

const errorMessages: Record<Extract<PostalCodeOutcome, { kind: 'error' }>['reason'], FinderTextKey> = {
  format: 'finder.errorFormat',
  unknown: 'finder.errorUnknown',
  unavailable: 'finder.errorUnavailable',
};

type Commune = PlaceFinding['communes'][number];

/** A postal code often covers several communes of one federation: show that federation once. */
function byFederation(resolution: PlaceFinding) {
  const groups = new Map<string, { federation: Commune['federation']; region: Commune['region']; communes: Commune[] }>();
  for (const commune of resolution.communes) {
    const group = groups.get(commune.federation.code);
    if (group) group.communes.push(commune);
    else groups.set(commune.federation.code, { federation: commune.federation, region: commune.region, communes: [commune] });
  }
  return [...groups.values()];
}

/**
 * Postal code → the section(s) of its commune(s), the federation, the region, and whether Coopol is
 * open there (« Créer un compte ») or not yet (« Me pré-inscrire »). Works without JavaScript too:
 * the form is a GET on `/trouver-ma-section`, which answers `?cp=` on the server and hands the
 * outcome in as `initial`. `endpoint` is the route's path from the contract (`routes.findPlace.path`),
 * given by the server page so the browser gets the path without the schemas; the answer is typed,
 * not re-parsed. `signedIn` leaves out the sign-up offers.
 */
export function PostalCodeFinder({
  endpoint,
  initialCode = '',
  initial,
  signedIn = false,
}: {
  endpoint: string;
  initialCode?: string;
  initial?: PostalCodeOutcome;
  signedIn?: boolean;
}) {
  const [code, setCode] = useState(initialCode);
  const [state, setState] = useState<State>(initial ?? { kind: 'idle' });
  const pending = useRef<AbortController | null>(null);
  const id = useId();
  const inputId = `${id}-cp`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  useEffect(() => () => pending.current?.abort(), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setState({ kind: 'loading' });
    try {
      const resolve: ResolvePostalCode = async (postalCode, signal) =>
        (await requestApi('GET', fillPath(endpoint, { postalCode }), { signal })) as PlaceFinding;
      const outcome = await lookUpPostalCode(code, resolve, controller.signal);
      setState(outcome);
      // Keep the search in the address, so it can be shared or reloaded.
      if (outcome.kind === 'found') {
        window.history.replaceState(null, '', `?cp=${normalizePostalCode(code)}`);
      }
    } catch {
      // Aborted by a newer search: that one will set the state.
    }
  }

  const error = state.kind === 'error' ? state : null;

  return (
    <div className={styles.finder}>
      <form action="/trouver-ma-section" method="get" role="search" onSubmit={onSubmit} noValidate>
        <label htmlFor={inputId} className={styles.label}>
          {t('finder.label')}
        </label>
        <p id={hintId} className={styles.hint}>
          {t('finder.hint')}
        </p>
        <div className={styles.row}>
          <input
            id={inputId}
            name="cp"
            type="text"
            inputMode="numeric"
            autoComplete="postal-code"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            aria-invalid={error && error.reason !== 'unavailable' ? true : undefined}
            className={styles.input}
          />
          <button type="submit" className={`button button-primary ${styles.submit}`} disabled={state.kind === 'loading'}>
            <IconSvg size={20}>{searchShape}</IconSvg>
            {state.kind === 'loading' ? t('finder.searching') : t('finder.submit')}
          </button>
        </div>
        {error && (
          <p id={errorId} className={styles.error} role="alert">
            <IconSvg size={20}>{alertShape}</IconSvg>
            <span>{t(errorMessages[error.reason], { code: error.code })}</span>
          </p>
        )}
      </form>

      <div aria-live="polite" aria-busy={state.kind === 'loading'}>
        {state.kind === 'found' && (
          <section className={styles.results} aria-labelledby={`${id}-results`}>
            <h3 id={`${id}-results`} className={styles.resultsHeading}>
              {tc('finder.resultsHeading', state.resolution.communes.length, { code: state.resolution.postalCode })}
            </h3>
            <ul className={styles.communes}>
              {byFederation(state.resolution).map(({ federation, region, communes }) => {
                const sections = communes.flatMap((c) => c.sections);
                const postalCode = state.resolution.postalCode;
                return (
                  <li key={federation.code} className={styles.commune}>
                    <ol className={styles.path}>
                      <li>
                        <span className={styles.step}>{tc('finder.section', Math.max(sections.length, 1))}</span>
                        {sections.length > 0 ? (
                          <ul className={styles.names}>
                            {sections.map((section) => (
                              <li key={section.id}>
                                <Link href={sectionHref(section.id)}>{section.name}</Link>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span>
                            {t('finder.noSection', { communes: communes.map((c) => c.name).join(', ') })}{' '}
                            <Link href={federationHref(federation.code)}>{t('finder.federationSections')}</Link>
                          </span>
                        )}
                      </li>
                      <li>
                        <span className={styles.step}>{t('finder.federation')}</span>
                        <Link href={federationHref(federation.code)}>{federation.name}</Link>
                      </li>
                      {region && (
                        <li>
                          <span className={styles.step}>{t('finder.region')}</span>
                          <Link href={regionHref(region.code)}>{region.name}</Link>
                        </li>
                      )}
                    </ol>
                    <div className={federation.open ? styles.open : styles.notOpen}>
                      <p>
                        <IconSvg size={20}>{federation.open ? checkShape : flagShape}</IconSvg>
                        <span>{federation.open ? t('finder.open') : t('finder.notOpen')}</span>
                      </p>
                      {!signedIn && (
                        <Link
                          href={federation.open ? `/inscription?cp=${postalCode}` : `/preinscription?cp=${postalCode}`}
                          className="button button-primary"
                        >
                          {federation.open ? t('finder.signUp') : t('finder.preregister')}
                        </Link>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
            <p>
              <Link href={`/trouver-ma-section?cp=${state.resolution.postalCode}#evenements`}>{t('finder.eventsNear')}</Link>
            </p>
          </section>
        )}
      </div>
    </div>
  );
}

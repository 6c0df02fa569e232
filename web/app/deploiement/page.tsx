import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { federationRows, FunnelTable, regionRows } from '../../components/rollout/FunnelTable';
import { isRefusal, orRefused, Refused } from '../../components/rollout/Refused';
import styles from '../../components/rollout/rollout.module.css';
import { SignupChart } from '../../components/rollout/SignupChart';
import { TerritoryHeader } from '../../components/territory/TerritoryHeader';
import { Icon } from '../../components/ui/Icon';
import { compareDepartementCodes, compareNames, t, type TextKey } from '../../i18n';
import { numberFormat } from '../../i18n/translate';
import { callApi } from '../../lib/api';
import { param, type SearchParams } from '../../lib/search-params';
import { rolloutAccessOf } from '../../lib/session-core';
import { callAsSignedIn, requireSession } from '../../lib/session';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('numbers.title') };

type Scope = { scope: 'national' } | { scope: 'region' | 'federation'; code: string };

/** `?territoire=national`, `region:24`, `federation:68` → a scope of the numbers route. */
function scopeOf(value: string | undefined): Scope | undefined {
  if (value === 'national') return { scope: 'national' };
  const match = /^(region|federation):([0-9AB]{2,3})$/.exec(value ?? '');
  return match ? { scope: match[1] as 'region' | 'federation', code: match[2]! } : undefined;
}

const scopeValue = (scope: Scope) => (scope.scope === 'national' ? 'national' : `${scope.scope}:${scope.code}`);

const totalsLabels: { key: 'preregistered' | 'confirmed' | 'emailed' | 'signedUp' | 'active'; label: TextKey }[] = [
  { key: 'preregistered', label: 'numbers.col.preregistered' },
  { key: 'confirmed', label: 'numbers.col.confirmed' },
  { key: 'emailed', label: 'numbers.col.emailed' },
  { key: 'signedUp', label: 'numbers.col.signedUp' },
  { key: 'active', label: 'numbers.col.active' },
];

/**
 * The rollout in numbers: national admins choose France, a region or a federation; a federation's
 * officers see their federation. The funnel per territory, and sign-ups per day.
 */
export default async function RolloutNumbersPage({ searchParams }: { searchParams: SearchParams }) {
  const returnTo = '/deploiement';
  const session = await requireSession(returnTo);
  const profile = await callAsSignedIn(session, returnTo, routes.getMyProfile, {});
  const access = rolloutAccessOf(profile.roles);
  const needsMfa = profile.roles.length > 0 && !profile.mfaEnabled;
  if (access.kind === 'none') {
    return <Refused refusal={{ refused: true, message: t('numbers.refused'), needsMfa }} />;
  }

  const asked = scopeOf(param(await searchParams, 'territoire'));
  const allowed = (scope: Scope) => access.kind === 'national' || (scope.scope === 'federation' && access.codes.includes(scope.code));
  const scope: Scope =
    asked && allowed(asked) ? asked : access.kind === 'national' ? { scope: 'national' } : { scope: 'federation', code: access.codes[0]! };

  const answer = await orRefused(session, returnTo, () =>
    Promise.all([
      callAsSignedIn(session, returnTo, routes.rolloutNumbers, { query: scope }),
      access.kind === 'national' ? Promise.all([callApi(routes.listRegions, {}), callApi(routes.listFederations, {})]) : undefined,
    ]),
  );
  if (isRefusal(answer)) return <Refused refusal={answer} />;
  const [numbers, places] = answer;
  // France as a whole: a row per region (each leading to its federations), not a hundred federations.
  const byRegion = numbers.scope.kind === 'national' && places !== undefined;
  const sortedRegions = places ? [...places[0].items].sort((a, b) => compareNames(a.name, b.name)) : [];

  const choices: { label?: string; options: { value: string; label: string }[] }[] = places
    ? [
        { options: [{ value: 'national', label: t('numbers.scopeNational') }] },
        {
          label: t('numbers.scopeRegions'),
          options: sortedRegions.map((r) => ({ value: `region:${r.code}`, label: r.name })),
        },
        {
          label: t('numbers.scopeFederations'),
          options: [...places[1].items]
            .sort((a, b) => compareDepartementCodes(a.code, b.code))
            .map((f) => ({ value: `federation:${f.code}`, label: `${f.code} — ${f.name}` })),
        },
      ]
    : access.kind === 'federations' && access.codes.length > 1
      ? [{ options: access.codes.map((code) => ({ value: `federation:${code}`, label: code })) }]
      : [];

  return (
    <>
      <TerritoryHeader icon="chart" eyebrow={t('numbers.eyebrow')} title={t('numbers.heading')} lead={t('numbers.lead')}>
        <span className="chip">
          <Icon name="mapPin" size={16} />
          {numbers.scope.name}
        </span>
      </TerritoryHeader>
      <div className={`container ${styles.page}`}>
        {(choices.length > 0 || access.kind === 'national') && (
          <div className={styles.scope}>
            {choices.length > 0 && (
              <form method="get" action="/deploiement" className={styles.scope}>
                <label>
                  {t('numbers.scopeLabel')}
                  <select name="territoire" defaultValue={scopeValue(scope)}>
                    {choices.map((group, index) =>
                      group.label ? (
                        <optgroup key={group.label} label={group.label}>
                          {group.options.map((option) => (
                            <option key={option.value} value={option.value}>
                              {option.label}
                            </option>
                          ))}
                        </optgroup>
                      ) : (
                        group.options.map((option) => (
                          <option key={`${index}-${option.value}`} value={option.value}>
                            {option.label}
                          </option>
                        ))
                      ),
                    )}
                  </select>
                </label>
                <button type="submit" className="button button-secondary">
                  {t('numbers.show')}
                </button>
              </form>
            )}
            {access.kind === 'national' && (
              <Link href="/admin/vagues" className="button button-primary">
                <Icon name="flag" size={20} />
                {t('numbers.wavesLink')}
              </Link>
            )}
          </div>
        )}

        <section className={`card ${styles.panel}`} aria-labelledby="chiffres-inscriptions">
          <div className={styles.panelHead}>
            <h2 id="chiffres-inscriptions">{t('numbers.chartHeading')}</h2>
          </div>
          <SignupChart signups={numbers.signups} id="inscriptions" />
        </section>

        <section className={`card ${styles.panel}`} aria-labelledby="chiffres-etapes">
          <div className={styles.panelHead}>
            <h2 id="chiffres-etapes">{t('numbers.funnelHeading')}</h2>
          </div>
          <ul className={styles.totals}>
            {totalsLabels.map((item) => (
              <li key={item.key}>
                <strong>{numberFormat.format(numbers.totals[item.key])}</strong>
                <span>{t(item.label)}</span>
              </li>
            ))}
          </ul>
          <FunnelTable
            caption={t('numbers.caption', { scope: numbers.scope.name })}
            rows={byRegion ? regionRows(numbers.territories, places![1].items, sortedRegions, (code) => `/deploiement?territoire=region%3A${code}`) : federationRows(numbers.territories)}
            totals={numbers.totals}
            openedLabel={byRegion ? t('numbers.col.openedRegion') : undefined}
          />
        </section>
      </div>
    </>
  );
}

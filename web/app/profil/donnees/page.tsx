import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../components/forms/ActionForm';
import { RadioGroup } from '../../../components/forms/choices';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { PasswordField } from '../../../components/forms/PasswordField';
import { TextField } from '../../../components/forms/TextField';
import { AccessLog } from '../../../components/privacy/AccessLog';
import { Icon } from '../../../components/ui/Icon';
import { t } from '../../../i18n';
import { param, type SearchParams } from '../../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../../lib/session';
import styles from '../profil.module.css';
import { downloadExport, eraseAccount, requestExport, withdrawConsent } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('myData.title') };

const day = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

/** « Mes données »: the archive of everything Coopol holds (asked, followed, downloaded) and the account's erasure. */
export default async function MyDataPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const session = await requireSession('/profil/donnees');
  const [profile, exports, consents, reads] = await Promise.all([
    callAsSignedIn(session, '/profil/donnees', routes.getMyProfile, {}),
    callAsSignedIn(session, '/profil/donnees', routes.listMyExports, {}),
    callAsSignedIn(session, '/profil/donnees', routes.listMyConsents, {}),
    callAsSignedIn(session, '/profil/donnees', routes.getMyAccessLog, {}),
  ]);
  const running = exports.items.some((e) => e.state === 'running');

  return (
    <div className={`container ${styles.page}`}>
      {/* While an archive is prepared, the page reads its progress again every few seconds (no script needed). */}
      {running && <meta httpEquiv="refresh" content="4" />}
      <header className={styles.head}>
        <div className={styles.titles}>
          <p className={styles.eyebrow}>
            <Link href="/profil">{t('profile.eyebrow')}</Link>
          </p>
          <h1>{t('myData.heading')}</h1>
          <p className="lead">{t('myData.lead')}</p>
        </div>
      </header>

      {param(params, 'demandee') && (
        <p role="status" className="notice-success">
          <Icon name="check" size={22} />
          <span>{t('myData.exportAsked')}</span>
        </p>
      )}

      <section className={`card ${styles.card}`} aria-labelledby="export-title">
        <h2 id="export-title" className={styles.cardTitle}>
          {t('myData.exportHeading')}
        </h2>
        <p>{t('myData.exportIntro')}</p>
        <ul className={styles.exports}>
          {exports.items.map((item) => (
            <li key={item.id} aria-live={item.state === 'running' ? 'polite' : undefined}>
              {item.state === 'running' && t('myData.exportRunning', { found: item.found, scanned: item.scanned })}
              {item.state === 'expired' && t('myData.exportExpired', { requested: day(item.requestedAt) })}
              {item.state === 'done' && (
                <form action={downloadExport}>
                  <p>{t('myData.exportDone', { finished: day(item.finishedAt!), until: day(item.availableUntil!) })}</p>
                  <input type="hidden" name="exportId" value={item.id} />
                  <button type="submit" className="button button-primary">
                    <Icon name="download" size={20} />
                    {t('myData.exportDownload')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        {!running && (
          <form action={requestExport}>
            <button type="submit" className="button button-secondary">
              {t('myData.exportAsk')}
            </button>
          </form>
        )}
      </section>

      {param(params, 'retire') && (
        <p role="status" className="notice-success">
          <Icon name="check" size={22} />
          <span>{t('consents.done')}</span>
        </p>
      )}

      <section className={`card ${styles.card}`} aria-labelledby="consents-title">
        <h2 id="consents-title" className={styles.cardTitle}>
          {t('consents.heading')}
        </h2>
        <p>{t('consents.intro')}</p>
        <ul className={styles.exports}>
          {consents.items.map((consent) => (
            <li key={consent.id}>
              <p>
                <strong>{consent.text}</strong>
              </p>
              <p className={styles.small}>
                {t('consents.version', { version: consent.textVersion, given: day(consent.givenAt) })} · {consent.means}
              </p>
              {!consent.active ? (
                <p className={styles.small}>{consent.withdrawnAt ? t('consents.withdrawnOn', { at: day(consent.withdrawnAt) }) : t('consents.withdrawn')}</p>
              ) : consent.withdrawalNeedsPassword ? (
                <p className={styles.small}>
                  {consent.withdrawalEffect} <a href="#erase-title">{t('consents.art9Withdraw')}</a>
                </p>
              ) : (
                <form action={withdrawConsent}>
                  <p className={styles.small}>{consent.withdrawalEffect}</p>
                  <input type="hidden" name="consentId" value={consent.id} />
                  <button type="submit" className="button button-secondary">
                    {t('consents.withdraw')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className={`card ${styles.card}`} aria-labelledby="reads-title">
        <h2 id="reads-title" className={styles.cardTitle}>
          {t('accessLog.mineHeading')}
        </h2>
        <p>{t('accessLog.mineIntro')}</p>
        <AccessLog reads={reads.items} withList />
      </section>

      <section className={`card ${styles.card}`} aria-labelledby="erase-title">
        <h2 id="erase-title" className={styles.cardTitle}>
          {t('myData.eraseHeading')}
        </h2>
        <p>{t('myData.eraseIntro')}</p>
        <p className={styles.small}>{t('myData.eraseKept')}</p>
        <ActionForm action={eraseAccount}>
          <RadioGroup
            name="content"
            legend={t('myData.eraseContent')}
            required
            defaultValue="delete"
            choices={[
              { value: 'delete', label: t('myData.eraseContentDelete') },
              { value: 'keep', label: t('myData.eraseContentKeep') },
            ]}
          />
          <PasswordField name="password" label={t('myData.erasePassword')} autoComplete="current-password" required />
          {profile.mfaEnabled && <TextField name="totpCode" label={t('myData.eraseTotp')} autoComplete="one-time-code" inputMode="numeric" short required maxLength={6} />}
          <p className={styles.small}>{t('myData.eraseWarning')}</p>
          <SubmitButton>{t('myData.eraseSubmit')}</SubmitButton>
        </ActionForm>
      </section>

      <p>
        <Link href="/confidentialite/registre">{t('myData.register')}</Link>
      </p>
    </div>
  );
}

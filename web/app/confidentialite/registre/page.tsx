import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { t, type TextKey } from '../../../i18n';
import { callApi } from '../../../lib/api';
import { RetentionLimits } from '../../../components/privacy/RetentionLimits';
import styles from '../confidentialite.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('register.title') };

/**
 * The register of processing (GDPR art. 30), for the DPO and anyone curious: rendered from the
 * API's register, itself generated from the inventory the export and erasure jobs apply (ADR 0024).
 */
export default async function RegisterPage() {
  const register = await callApi(routes.getRegisterOfProcessing, {});
  return (
    <article className={`container ${styles.page}`}>
      <header className={styles.head}>
        <h1>{t('register.heading')}</h1>
        <p className="lead">{t('register.lead')}</p>
      </header>
      {register.processings.map((processing) => (
        <section key={processing.id} className={styles.section} aria-labelledby={`p-${processing.id}`}>
          <h2 id={`p-${processing.id}`}>{processing.name}</h2>
          <dl className={styles.facts}>
            <dt>{t('register.purpose')}</dt>
            <dd>{processing.purpose}</dd>
            <dt>{t('register.basis')}</dt>
            <dd>{processing.legalBasis}</dd>
            <dt>{t('register.recipients')}</dt>
            <dd>{processing.recipients}</dd>
          </dl>
          <details>
            <summary>{t('register.data', { count: processing.data.length })}</summary>
            <ul className={styles.data}>
              {processing.data.map((rule) => (
                <li key={rule.entity}>
                  <strong>{rule.label}</strong>
                  {rule.data === 'art9' && <span className="chip">{t('register.art9')}</span>}
                  <dl className={styles.facts}>
                    <dt>{t('register.export')}</dt>
                    <dd>{t(`register.export.${rule.export}` as TextKey)}</dd>
                    <dt>{t('register.erasure')}</dt>
                    <dd>{t(`register.erasure.${rule.erasure}` as TextKey)} — {rule.reason}</dd>
                    <dt>{t('register.retention')}</dt>
                    <dd>{rule.retention}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          </details>
        </section>
      ))}
      <section className={styles.section} aria-labelledby="limits">
        <h2 id="limits">{t('register.limitsHeading')}</h2>
        <RetentionLimits limits={register.retention} />
      </section>
    </article>
  );
}

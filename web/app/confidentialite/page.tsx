import { logRetentionCeilingDays } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { routes } from '@coopol/contracts';
import { RetentionLimits } from '../../components/privacy/RetentionLimits';
import { t, type TextKey } from '../../i18n';
import { callApi } from '../../lib/api';
import styles from './confidentialite.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('privacy.title') };

const sections: { heading: TextKey; paragraphs: TextKey[] }[] = [
  { heading: 'privacy.whatHeading', paragraphs: ['privacy.what1', 'privacy.what2'] },
  { heading: 'privacy.whyHeading', paragraphs: ['privacy.why1', 'privacy.why2'] },
  { heading: 'privacy.whoHeading', paragraphs: ['privacy.who1', 'privacy.who2', 'privacy.who3', 'privacy.who4'] },
  { heading: 'privacy.keepHeading', paragraphs: ['privacy.keep1', 'privacy.keep2', 'privacy.keep3'] },
  { heading: 'privacy.rightsHeading', paragraphs: ['privacy.rights1', 'privacy.rights2'] },
];

/** The logs' retention, as the stacks enforce it: a stage may keep them shorter, never longer (infra/config.ts). */
const paragraphVars: Partial<Record<TextKey, Record<string, number>>> = { 'privacy.keep3': { ...logRetentionCeilingDays } };

/** Vos données sur Coopol, in plain French: what is collected, why, who sees it, your rights. */
export default async function PrivacyPage() {
  // The limits the code enforces, from the same constants (ADR 0024).
  const { retention } = await callApi(routes.getRegisterOfProcessing, {});
  return (
    <article className={`container ${styles.page}`}>
      <header className={styles.head}>
        <h1>{t('privacy.heading')}</h1>
        <p className="lead">{t('privacy.lead')}</p>
      </header>
      {sections.map((section) => (
        <section key={section.heading} className={styles.section}>
          <h2>{t(section.heading)}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{t(paragraph, paragraphVars[paragraph])}</p>
          ))}
        </section>
      ))}
      <section className={styles.section} aria-labelledby="limits">
        <h2 id="limits">{t('privacy.limitsHeading')}</h2>
        <RetentionLimits limits={retention} />
        <p>
          <Link href="/confidentialite/registre">{t('myData.register')}</Link>
        </p>
      </section>
      <p>
        <Link href="/inscription" className="button button-primary">
          {t('privacy.signUp')}
        </Link>
      </p>
    </article>
  );
}

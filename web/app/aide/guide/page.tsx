import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../../../components/help/help.module.css';
import { Breadcrumb } from '../../../components/ui/Breadcrumb';
import { guidesFor, helpTopic } from '../../../help/topics';
import { t } from '../../../i18n';
import { callAsSignedIn, requireSession } from '../../../lib/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('help.guideTitle') };

/** The guide of the person's roles (section secretary, web referent, national team), in the order of their week. */
export default async function RoleGuidePage() {
  const session = await requireSession('/aide/guide');
  const profile = await callAsSignedIn(session, '/aide/guide', routes.getMyProfile, {});
  const guides = guidesFor(profile.roles);
  return (
    <div className={`container section-block ${styles.page}`}>
      <Breadcrumb items={[{ label: t('help.title'), href: '/aide' }, { label: t('help.guideTitle') }]} />
      <div className="section-intro">
        <h1>{t('help.guideTitle')}</h1>
        <p>{guides.length ? t('help.guideLead') : t('help.guideNone')}</p>
      </div>
      {guides.map((guide) => (
        <section key={guide.role} aria-labelledby={`guide-${guide.role}`} className={styles.guide}>
          <h2 id={`guide-${guide.role}`}>{guide.title}</h2>
          <p>{guide.intro}</p>
          <ol className={styles.steps}>
            {guide.topics.map((slug) => {
              const topic = helpTopic(slug)!;
              return (
                <li key={slug}>
                  <Link href={`/aide/${slug}`}>{topic.title}</Link> — {topic.summary}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <p>
        <Link href="/aide">{t('help.back')}</Link>
      </p>
    </div>
  );
}

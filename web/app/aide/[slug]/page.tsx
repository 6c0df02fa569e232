import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '../../../components/help/help.module.css';
import { Breadcrumb } from '../../../components/ui/Breadcrumb';
import { helpTopic, helpTopics } from '../../../help/topics';
import { t } from '../../../i18n';

/** Help pages hold no personal data: built once, served from the cache. */
export const dynamicParams = false;
export function generateStaticParams() {
  return helpTopics.map((topic) => ({ slug: topic.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const topic = helpTopic((await params).slug);
  return { title: topic ? `${topic.title} — ${t('help.title')}` : t('help.title') };
}

export default async function HelpTopicPage({ params }: { params: Promise<{ slug: string }> }) {
  const topic = helpTopic((await params).slug);
  if (!topic) notFound();
  return (
    <div className={`container section-block ${styles.page}`}>
      <Breadcrumb items={[{ label: t('help.title'), href: '/aide' }, { label: topic.title }]} />
      <div className="section-intro">
        <h1>{topic.title}</h1>
        <p>{topic.summary}</p>
      </div>
      <section aria-labelledby="help-steps">
        <h2 id="help-steps">{t('help.steps')}</h2>
        <ol className={styles.steps}>
          {topic.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      {topic.tip && (
        <p className={styles.tip}>
          <strong>{t('help.tip')}&nbsp;: </strong>
          {topic.tip}
        </p>
      )}
      {topic.where && (
        <p>
          <Link href={topic.where.href} className="button button-primary">
            {t('help.where', { label: topic.where.label })}
          </Link>
        </p>
      )}
      <p>
        <Link href="/aide">{t('help.back')}</Link>
      </p>
    </div>
  );
}

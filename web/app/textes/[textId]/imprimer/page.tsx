import type { Metadata } from 'next';
import rollout from '../../../../components/rollout/rollout.module.css';
import { TerritoryHeader } from '../../../../components/territory/TerritoryHeader';
import { t } from '../../../../i18n';
import { requireSession } from '../../../../lib/session';
import { printHref, textHref } from '../../hrefs';
import { NumberedText } from '../../TextParts';
import styles from '../../texts.module.css';
import { readText } from '../text-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('texts.print') };

/** The current version to print, with its line numbers, and its Markdown file. */
export default async function PrintTextPage({ params }: { params: Promise<{ textId: string }> }) {
  const { textId } = await params;
  const here = printHref(textId);
  const session = await requireSession(here);
  const { text, space, under } = await readText(session, here, textId);
  return (
    <>
      <TerritoryHeader breadcrumb={under(t('texts.print'))} icon="fileText" eyebrow={space.name} title={text.title} lead={t('texts.printLead', { number: text.version })} />
      <div className={`container ${rollout.page}`}>
        <div className={`${styles.headActions} ${styles.noPrint}`}>
          <a href={`${textHref(text.id)}/markdown`} className="button button-secondary" download>
            {t('texts.markdown')}
          </a>
        </div>
        <article className={`card ${rollout.panel}`} aria-label={text.title}>
          <NumberedText text={text} amendable={false} />
        </article>
      </div>
    </>
  );
}

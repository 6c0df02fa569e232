import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import rollout from '../../../../components/rollout/rollout.module.css';
import { TerritoryHeader } from '../../../../components/territory/TerritoryHeader';
import { t } from '../../../../i18n';
import { requireSession } from '../../../../lib/session';
import { writeBlocks } from '../../blocks-field';
import { editTextHref } from '../../hrefs';
import { TextForm } from '../../TextForm';
import { readText } from '../text-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('texts.edit.title') };

/** « Modifier le brouillon »: its title and all its paragraphs, in one field, before it opens. */
export default async function EditTextPage({ params }: { params: Promise<{ textId: string }> }) {
  const { textId } = await params;
  const here = editTextHref(textId);
  const session = await requireSession(here);
  const { text, space, under } = await readText(session, here, textId);
  if (!text.owner || text.state !== 'draft') notFound();
  return (
    <>
      <TerritoryHeader breadcrumb={under(t('texts.edit.title'))} icon="fileText" eyebrow={space.name} title={t('texts.edit.heading')} lead={t('texts.new.lead')} />
      <div className={`container ${rollout.page}`}>
        <section className={`card ${rollout.panel}`} aria-labelledby="text-form-title">
          <div className={rollout.panelHead}>
            <h2 id="text-form-title">{text.title}</h2>
          </div>
          <TextForm draft={{ id: text.id, title: text.title, blocks: writeBlocks(text.blocks) }} />
        </section>
      </div>
    </>
  );
}

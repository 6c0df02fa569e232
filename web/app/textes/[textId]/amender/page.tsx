import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Checkbox } from '../../../../components/forms/Checkbox';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { TextArea } from '../../../../components/forms/TextArea';
import rollout from '../../../../components/rollout/rollout.module.css';
import { TerritoryHeader } from '../../../../components/territory/TerritoryHeader';
import { t } from '../../../../i18n';
import { param, type SearchParams } from '../../../../lib/search-params';
import { requireSession } from '../../../../lib/session';
import { proposeAmendment } from '../../actions';
import { amendHref, textHref } from '../../hrefs';
import { linesText, NumberedBlockView } from '../../TextParts';
import styles from '../../texts.module.css';
import { readText } from '../text-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('texts.amendForm.title') };

type Props = { params: Promise<{ textId: string }>; searchParams: SearchParams };

/**
 * « Proposer un amendement » on one passage of the current version, reached from « Amender » beside
 * its lines: its new wording, its deletion, paragraphs added after it, and the reasons. Works
 * without JavaScript; the API decides who may amend and until when.
 */
export default async function AmendPage({ params, searchParams }: Props) {
  const { textId } = await params;
  const blockId = param(await searchParams, 'bloc') ?? '';
  const here = amendHref(textId, blockId);
  const session = await requireSession(here);
  const { text, space, under } = await readText(session, here, textId);
  const block = text.blocks.find((b) => b.id === blockId);
  const from = block?.lines[0]?.number ?? 1;
  const to = block?.lines.at(-1)?.number ?? from;

  return (
    <>
      <TerritoryHeader breadcrumb={under(t('texts.amendForm.title'))} icon="fileText" eyebrow={space.name} title={t('texts.amendForm.title')} lead={t('texts.amendForm.lead')} />
      <div className={`container ${rollout.page}`}>
        <section className={`card ${rollout.panel}`} aria-labelledby="amend-title">
          <div className={rollout.panelHead}>
            <h2 id="amend-title">{text.title}</h2>
            {block && <p>{t('texts.amendForm.passage', { lines: linesText(from, to) })}</p>}
          </div>
          {!block || !text.mayAmend ? (
            <p className={rollout.muted}>
              {!block ? t('texts.amendForm.pickBlock') : t('texts.notMember')} <Link href={textHref(text.id)}>{text.title}</Link>
            </p>
          ) : (
            <>
              <div className={styles.passage}>
                <NumberedBlockView textId={text.id} block={block} amendable={false} />
              </div>
              <ActionForm action={proposeAmendment} initialState={{ status: 'idle', values: { text: block.text } }}>
                <Hidden name="textId" value={text.id} />
                <Hidden name="blockId" value={block.id} />
                <Hidden name="version" value={String(text.version)} />
                <Hidden name="original" value={block.text} />
                <TextArea name="text" label={t('texts.amendForm.newText')} hint={t('texts.amendForm.newTextHint')} maxLength={5000} rows={6} />
                <Checkbox name="delete" label={t('texts.amendForm.delete')} />
                <TextArea name="insert" label={t('texts.amendForm.insert')} hint={t('texts.amendForm.insertHint')} maxLength={20000} rows={4} />
                <TextArea name="justification" label={t('texts.amendForm.justification')} hint={t('texts.amendForm.justificationHint')} required maxLength={5000} rows={5} />
                <SubmitButton>{t('texts.amendForm.submit')}</SubmitButton>
              </ActionForm>
            </>
          )}
        </section>
      </div>
    </>
  );
}

import type { Amendment, BlockDiff, NumberedBlock, TextView } from '@coopol/contracts';
import Link from 'next/link';
import type { z } from 'zod';
import rollout from '../../components/rollout/rollout.module.css';
import { t, tc } from '../../i18n';
import { amendHref } from './hrefs';
import styles from './texts.module.css';

// No 'use client': drawn by server components, the text and its diffs cost the browser no script.

type Text = z.output<typeof TextView>;
type Block = z.output<typeof NumberedBlock>;
type Diff = z.output<typeof BlockDiff>;

/** Whether amendments are still received: open, and the deadline not passed. */
export const amendmentsOpen = (text: Pick<Text, 'state' | 'deadline'>) => text.state === 'open' && (!text.deadline || new Date(text.deadline).getTime() > Date.now());

/** A text's state as a chip: always its word. */
export function TextStateBadge({ text }: { text: Pick<Text, 'state' | 'deadline'> }) {
  if (text.state === 'draft') return <span className={rollout.badge}>{t('texts.state.draft')}</span>;
  if (amendmentsOpen(text)) return <span className={`${rollout.badge} ${rollout['badge-sending']}`}>{t('texts.state.open')}</span>;
  return <span className={`${rollout.badge} ${rollout['badge-done']}`}>{t(text.state === 'open' ? 'texts.state.deadlinePassed' : 'texts.state.closed')}</span>;
}

const amendmentLooks: Record<z.output<typeof Amendment>['state'], string | undefined> = {
  pending: rollout['badge-scheduled'],
  accepted: rollout['badge-sending'],
  merged: rollout['badge-done'],
  rejected: styles.badgeRejected,
  outdated: styles.badgeOutdated,
};

export function AmendmentStateBadge({ state }: { state: z.output<typeof Amendment>['state'] }) {
  return <span className={`${rollout.badge} ${amendmentLooks[state] ?? ''}`}>{t(`texts.amendmentState.${state}`)}</span>;
}

/** « les lignes 12 à 15 », « la ligne 12 ». */
export const linesText = (from: number, to: number) => (from === to ? t('texts.amendLine', { from }) : t('texts.amendLines', { from, to }));

/** One block with its numbered lines; « Amender » beside it when the reader may. */
export function NumberedBlockView({ textId, block, amendable }: { textId: string; block: Block; amendable: boolean }) {
  const from = block.lines[0]?.number ?? 1;
  const to = block.lines.at(-1)?.number ?? from;
  return (
    <div id={`bloc-${block.id}`} className={`${styles.block} ${styles[block.kind] ?? ''}`} data-block={block.id}>
      <ol className={styles.lines} role={block.kind === 'heading' ? 'presentation' : undefined}>
        {block.lines.map((line) => (
          <li key={line.number} className={styles.line} value={line.number}>
            <span className={styles.number}>
              <span className="visually-hidden">{t('texts.line')} </span>
              {line.number}
            </span>
            <span className={styles.lineText}>{line.text}</span>
          </li>
        ))}
      </ol>
      {amendable && (
        <Link href={amendHref(textId, block.id)} className={styles.amend}>
          {t('texts.amend')}
          <span className="visually-hidden"> {linesText(from, to)}</span>
        </Link>
      )}
    </div>
  );
}

/** The whole version, line-numbered. */
export function NumberedText({ text, amendable }: { text: Pick<Text, 'id' | 'blocks'>; amendable: boolean }) {
  return (
    <div className={styles.text}>
      {text.blocks.map((block) => (
        <NumberedBlockView key={block.id} textId={text.id} block={block} amendable={amendable} />
      ))}
    </div>
  );
}

function Ins({ children }: { children: string }) {
  return (
    <ins>
      <span className="visually-hidden">{t('texts.diff.insStart')}</span>
      {children}
      <span className="visually-hidden">{t('texts.diff.end')}</span>
    </ins>
  );
}

function Del({ children }: { children: string }) {
  return (
    <del>
      <span className="visually-hidden">{t('texts.diff.delStart')}</span>
      {children}
      <span className="visually-hidden">{t('texts.diff.end')}</span>
    </del>
  );
}

type Segments = Extract<Diff, { kind: 'changed' }>['segments'];

/** One side of a changed block: what it kept and what it lost (before), or gained (after). */
const side = (segments: Segments, keep: 'del' | 'ins') =>
  segments.map((s, i) => (s.kind === 'same' ? <span key={i}>{s.text}</span> : s.kind === keep ? keep === 'ins' ? <Ins key={i}>{s.text}</Ins> : <Del key={i}>{s.text}</Del> : null));

/**
 * Changed blocks, word by word: side by side on a wide screen (before | after), inline on a phone;
 * added and removed blocks whole; unchanged ones muted, and gaps counted.
 */
export function DiffView({ blocks }: { blocks: Diff[] }) {
  return (
    <div className={styles.diff}>
      {blocks.map((d, i) => {
        if (d.kind === 'gap') return <p key={`gap-${i}`} className={styles.gap}>{tc('texts.diff.gap', d.count)}</p>;
        if (d.kind === 'same') return <p key={d.blockId} className={`${styles.diffBlock} ${styles.context}`}>{d.text}</p>;
        if (d.kind !== 'changed') {
          return (
            <div key={d.blockId} className={`${styles.diffBlock} ${styles.inline}`} data-diff={d.kind}>
              <span className={styles.kindLabel}>{t(d.kind === 'added' ? 'texts.diff.added' : 'texts.diff.removed')}</span>{' '}
              {d.kind === 'added' ? <Ins>{d.text}</Ins> : <Del>{d.text}</Del>}
            </div>
          );
        }
        return (
          <div key={d.blockId} className={styles.diffBlock} data-diff="changed">
            <div className={styles.sideBySide} aria-hidden="false">
              <div>
                <span className={styles.columnLabel}>{t('texts.diff.before')}</span>
                {side(d.segments, 'del')}
              </div>
              <div>
                <span className={styles.columnLabel}>{t('texts.diff.after')}</span>
                {side(d.segments, 'ins')}
              </div>
            </div>
            <p className={`${styles.inline} ${styles.hasSides}`}>
              {d.segments.map((s, j) => (s.kind === 'same' ? <span key={j}>{s.text}</span> : s.kind === 'ins' ? <Ins key={j}>{s.text}</Ins> : <Del key={j}>{s.text}</Del>))}
            </p>
          </div>
        );
      })}
    </div>
  );
}

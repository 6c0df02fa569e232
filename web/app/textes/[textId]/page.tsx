import { formatParisDateTime, routes, type Amendment } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { z } from 'zod';
import { ActionForm } from '../../../components/forms/ActionForm';
import { Hidden } from '../../../components/forms/Hidden';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { TextField } from '../../../components/forms/TextField';
import rollout from '../../../components/rollout/rollout.module.css';
import { TerritoryHeader } from '../../../components/territory/TerritoryHeader';
import { Icon } from '../../../components/ui/Icon';
import { t, tc, type TextKey } from '../../../i18n';
import { param, type SearchParams } from '../../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../../lib/session';
import { closeText, decideAmendment, openText, publishVersion } from '../actions';
import { editTextHref, printHref, textHref, versionsHref } from '../hrefs';
import { AmendmentStateBadge, amendmentsOpen, DiffView, NumberedText, TextStateBadge } from '../TextParts';
import styles from '../texts.module.css';
import { readText } from './text-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('texts.title') };

type Props = { params: Promise<{ textId: string }>; searchParams: SearchParams };
type AmendmentView = z.output<typeof Amendment>;

const notices: [string, TextKey][] = [
  ['cree', 'texts.notice.created'],
  ['modifie', 'texts.notice.updated'],
  ['ouvert', 'texts.notice.opened'],
  ['depose', 'texts.notice.filed'],
  ['publie', 'texts.notice.published'],
  ['decide', 'texts.notice.decided'],
  ['clos', 'texts.notice.closed'],
];

/** One amendment: its number and lines, its diff, its reasons, its state — and the owners' decision. */
function AmendmentCard({ a, textId, owner, current }: { a: AmendmentView; textId: string; owner: boolean; current: number }) {
  const lines = a.lines.from === a.lines.to ? t('texts.amendment.onLine', { from: a.lines.from, version: a.version }) : t('texts.amendment.onLines', { from: a.lines.from, to: a.lines.to, version: a.version });
  const decidable = owner && a.version === current && (a.state === 'pending' || a.state === 'accepted' || a.state === 'rejected');
  return (
    <li id={`amendement-${a.id}`} className={styles.amendment} data-amendment={a.number}>
      <div className={styles.amendmentTop}>
        <h3>{t('texts.amendment.title', { number: a.number })}</h3>
        <AmendmentStateBadge state={a.state} />
      </div>
      <p className={styles.meta}>
        {lines} · {t('texts.amendment.by', { name: a.author.displayName, date: formatParisDateTime(a.createdAt) })}
      </p>
      <DiffView blocks={a.diff} />
      <div>
        <p className={styles.kindLabel}>{t('texts.amendment.justification')}</p>
        <p className={styles.justification}>{a.justification}</p>
      </div>
      {a.conflictsWith.length > 0 && (
        <p className={styles.warning} role="note">
          {t('texts.amendment.conflicts', { numbers: a.conflictsWith.join(', n° ') })}
        </p>
      )}
      {a.state === 'outdated' && <p className={styles.warning}>{t('texts.amendment.outdated')}</p>}
      {a.note && <p className={styles.meta}>{t('texts.amendment.note', { note: a.note })}</p>}
      {decidable && (
        <ActionForm action={decideAmendment} className={styles.decide}>
          <Hidden name="textId" value={textId} />
          <Hidden name="amendmentId" value={a.id} />
          <TextField name="note" label={t('texts.decide.note')} maxLength={1000} />
          <div className={styles.decideButtons}>
            {a.state !== 'accepted' && (
              <button type="submit" name="decision" value="accept" className="button button-primary">
                {t('texts.decide.accept')}
              </button>
            )}
            {a.state !== 'rejected' && (
              <button type="submit" name="decision" value="reject" className="button button-secondary">
                {t('texts.decide.reject')}
              </button>
            )}
          </div>
        </ActionForm>
      )}
    </li>
  );
}

/** A text: its current version line-numbered, its amendments with their diffs, and for its owners opening, deciding, publishing. */
export default async function TextPage({ params, searchParams }: Props) {
  const { textId } = await params;
  const query = await searchParams;
  const here = textHref(textId);
  const session = await requireSession(here);
  const { text, space, breadcrumb } = await readText(session, here, textId);
  const { items: amendments } = await callAsSignedIn(session, here, routes.listAmendments, { params: { textId } });
  const notice = notices.find(([key]) => param(query, key));
  const open = amendmentsOpen(text);
  const accepted = amendments.filter((a) => a.state === 'accepted' && a.version === text.version);
  const conflicted = accepted.some((a) => a.conflictsWith.length > 0);
  const pending = amendments.filter((a) => a.state === 'pending').length;

  return (
    <>
      <TerritoryHeader breadcrumb={[...breadcrumb, { label: text.title }]} icon="fileText" eyebrow={space.name} title={text.title} />
      <div className={`container ${rollout.page}`}>
        {notice && (
          <p role="status" className="notice-success">
            <Icon name="check" size={22} />
            <span>{t(notice[1])}</span>
          </p>
        )}
        <section className={`card ${rollout.panel}`} aria-label={t('texts.fact.state')}>
          <dl className={styles.facts}>
            <dt>{t('texts.fact.state')}</dt>
            <dd>
              <TextStateBadge text={text} />
            </dd>
            <dt>{t('texts.fact.version')}</dt>
            <dd>{text.version}</dd>
            {text.deadline && (
              <>
                <dt>{t('texts.fact.deadline')}</dt>
                <dd>{formatParisDateTime(text.deadline)}</dd>
              </>
            )}
            <dt>{t('texts.fact.author')}</dt>
            <dd>{text.author.displayName}</dd>
          </dl>
          <div className={styles.headActions}>
            <Link href={versionsHref(text.id)} className="button button-secondary">
              {t('texts.history')}
            </Link>
            <Link href={printHref(text.id)} className="button button-secondary">
              {t('texts.print')}
            </Link>
          </div>
        </section>

        {text.owner && text.state === 'draft' && (
          <section className={`card ${rollout.panel}`} aria-labelledby="text-draft">
            <div className={rollout.panelHead}>
              <h2 id="text-draft">{t('texts.draft.heading')}</h2>
              <p>{t('texts.draft.text')}</p>
            </div>
            <div className={styles.headActions}>
              <Link href={editTextHref(text.id)} className="button button-secondary">
                {t('texts.draft.edit')}
              </Link>
            </div>
            <ActionForm action={openText}>
              <Hidden name="textId" value={text.id} />
              <TextField name="deadline" type="datetime-local" label={t('texts.open.deadline')} hint={t('texts.open.deadlineHint')} required />
              <SubmitButton>{t('texts.open.submit')}</SubmitButton>
            </ActionForm>
          </section>
        )}

        {text.owner && accepted.length > 0 && (
          <section className={`card ${rollout.panel}`} aria-labelledby="text-publish">
            <div className={rollout.panelHead}>
              <h2 id="text-publish">{t('texts.publish.heading')}</h2>
              <p>{tc('texts.publish.text', accepted.length, { next: text.version + 1 })}</p>
              {conflicted && <p className={styles.warning}>{t('texts.publish.conflicts')}</p>}
            </div>
            <ActionForm action={publishVersion}>
              <Hidden name="textId" value={text.id} />
              <Hidden name="from" value={String(text.version)} />
              <SubmitButton>{t('texts.publish.submit')}</SubmitButton>
            </ActionForm>
          </section>
        )}

        {text.owner && text.state === 'open' && (
          <section className={`card ${rollout.panel}`} aria-labelledby="text-close">
            <div className={rollout.panelHead}>
              <h2 id="text-close">{t('texts.close.heading')}</h2>
              <p>{t('texts.close.text')}</p>
            </div>
            <ActionForm action={closeText}>
              <Hidden name="textId" value={text.id} />
              <SubmitButton secondary>{t('texts.close.submit')}</SubmitButton>
            </ActionForm>
          </section>
        )}

        <section className={`card ${rollout.panel}`} aria-labelledby="text-body">
          <div className={rollout.panelHead}>
            <h2 id="text-body">{t('texts.text.heading', { number: text.version })}</h2>
            <p>{t('texts.text.lines')}</p>
            {text.state === 'open' && !open && text.deadline && <p>{t('texts.closedToAmendments', { date: formatParisDateTime(text.deadline) })}</p>}
            {open && !text.mayAmend && <p>{t('texts.notMember')}</p>}
          </div>
          <NumberedText text={text} amendable={text.mayAmend} />
        </section>

        {text.state !== 'draft' && (
          <section id="amendements" className={`card ${rollout.panel}`} aria-labelledby="text-amendments">
            <div className={rollout.panelHead}>
              <h2 id="text-amendments">{t('texts.amendments.heading')}</h2>
              {amendments.length > 0 && <p>{tc('texts.amendments.count', amendments.length, { pending })}</p>}
            </div>
            {amendments.length === 0 ? (
              <p className={rollout.muted}>{t('texts.amendments.none')}</p>
            ) : (
              <ol className={styles.amendments}>
                {amendments.map((a) => (
                  <AmendmentCard key={a.id} a={a} textId={text.id} owner={text.owner} current={text.version} />
                ))}
              </ol>
            )}
          </section>
        )}
      </div>
    </>
  );
}

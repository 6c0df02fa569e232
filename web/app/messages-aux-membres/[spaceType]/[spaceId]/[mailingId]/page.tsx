import { formatParisDateTime, routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { ActionForm } from '../../../../../components/forms/ActionForm';
import { Checkbox } from '../../../../../components/forms/Checkbox';
import { Hidden } from '../../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../../components/forms/SubmitButton';
import { TextField } from '../../../../../components/forms/TextField';
import { RadioGroup } from '../../../../../components/forms/choices';
import { AutoRefresh } from '../../../../../components/rollout/AutoRefresh';
import { isRefusal, orRefused, Refused } from '../../../../../components/rollout/Refused';
import rollout from '../../../../../components/rollout/rollout.module.css';
import { WaveProgress } from '../../../../../components/rollout/WaveProgress';
import { TerritoryHeader } from '../../../../../components/territory/TerritoryHeader';
import { Icon } from '../../../../../components/ui/Icon';
import { t, tc } from '../../../../../i18n';
import { refusalText } from '../../../../../i18n/errors';
import { isApiError, type ApiResult } from '../../../../../lib/api';
import { orNotFound } from '../../../../../lib/or-not-found';
import { param, type SearchParams } from '../../../../../lib/search-params';
import { callAsSignedIn, requireSession, type Session } from '../../../../../lib/session';
import { eventHref } from '../../../../evenements/hrefs';
import { approveMailing, cancelMailing, deleteMailing, resumeMailing, sendMailing, testMailing } from '../../../actions';
import { editMailingHref, mailingHref, mailingsHref, newMailingHref } from '../../../hrefs';
import { MailingStateBadge } from '../../../MailingStateBadge';
import styles from '../../../mailings.module.css';
import { progressOf } from '../../../progress';
import { audienceText, writingSpace, type Mailing } from '../../../space';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('mailings.title') };

type Props = { params: Promise<{ spaceType: string; spaceId: string; mailingId: string }>; searchParams: SearchParams };
type Reach = ApiResult<typeof routes.countMailingReach>;
type Preview = ApiResult<typeof routes.previewMailing>;

const notices: [string, Parameters<typeof t>[0]][] = [
  ['cree', 'mailings.notice.created'],
  ['modifie', 'mailings.notice.updated'],
  ['envoye', 'mailings.notice.sending'],
  ['programme', 'mailings.notice.scheduled'],
  ['approbation', 'mailings.notice.awaiting'],
  ['annule', 'mailings.notice.cancelled'],
  ['approuve', 'mailings.notice.approved'],
  ['repris', 'mailings.notice.resumed'],
];

/** The title of an action of the space, or nothing if it cannot be read (the page stands without it). */
async function eventTitle(session: Session, here: string, eventId: string | null | undefined): Promise<string | undefined> {
  if (!eventId) return undefined;
  return (await callAsSignedIn(session, here, routes.getEvent, { params: { eventId } }).catch(() => null))?.title;
}

/** A reach in words, the API's way: a count, « moins de 10 » below 10. */
const reachWords = (count: number) => (count < 10 ? t('mailings.reachFew') : tc('mailings.reachCount', count));

/**
 * A message to a space's people: who it reaches, its preview as a chosen recipient sees it, a test
 * to oneself, and its sending — now or at a time, cancelled while scheduled, approved by another
 * person when it is large, followed live while it goes, resumed after the circuit breaker.
 */
export default async function MailingPage({ params, searchParams }: Props) {
  const { spaceType, spaceId, mailingId } = await params;
  const query = await searchParams;
  const here = mailingHref(spaceType, spaceId, mailingId);
  const session = await requireSession(here);
  const space = await writingSpace(session, here, spaceType, spaceId);
  const ref = { spaceType: space.type, spaceId: space.id, mailingId };
  const answer = await orRefused(session, here, () => orNotFound(callAsSignedIn(session, here, routes.getMailing, { params: ref })));
  if (isRefusal(answer)) return <Refused refusal={answer} />;
  const m = answer;
  const draft = m.state === 'draft';
  const before = draft || m.state === 'awaiting-approval' || m.state === 'scheduled';
  const givenName = param(query, 'prenom')?.trim().slice(0, 60);
  // Started together, awaited where they are shown (the reach reads the whole space: it streams in).
  const reach: Promise<Reach | null> | null = draft ? callAsSignedIn(session, here, routes.countMailingReach, { params: ref }).catch(() => null) : null;
  const preview = before ? callAsSignedIn(session, here, routes.previewMailing, { params: ref, query: givenName ? { givenName } : {} }).catch((error: unknown) => error) : null;
  const [promoted, excluded, profile] = await Promise.all([
    eventTitle(session, here, m.eventId),
    eventTitle(session, here, m.segment?.excludeEventId),
    m.state === 'awaiting-approval' || m.state === 'draft' ? callAsSignedIn(session, here, routes.getMyProfile, {}) : null,
  ]);
  const notice = notices.find(([key]) => param(query, key));
  const hidden = (
    <>
      <Hidden name="spaceType" value={space.type} />
      <Hidden name="spaceId" value={space.id} />
      <Hidden name="mailingId" value={m.id} />
    </>
  );

  return (
    <>
      <TerritoryHeader
        breadcrumb={[
          ...(space.href ? [{ label: space.name, href: space.href }] : []),
          { label: t('mailings.title'), href: mailingsHref(space.type, space.id) },
          { label: m.subject },
        ]}
        icon="megaphone"
        eyebrow={t('mailings.eyebrow')}
        title={m.subject}
      >
        <MailingStateBadge state={m.state} />
      </TerritoryHeader>
      <div className={`container ${rollout.page}`}>
        {notice && (
          <p role="status" className="notice-success">
            <Icon name="check" size={22} />
            <span>{t(notice[1])}</span>
          </p>
        )}

        <section className={`card ${rollout.panel}`} aria-labelledby="mailing-facts">
          <div className={rollout.panelHead}>
            <h2 id="mailing-facts">{t('mailings.facts.heading')}</h2>
          </div>
          <dl className="fact-list">
            <dt>{t('mailings.fact.from')}</dt>
            <dd>{m.fromName}</dd>
            <dt>{t('mailings.fact.to')}</dt>
            <dd>{audienceText(space, m.segment, excluded)}</dd>
            {/* Once it left, its progress says how many it reaches. */}
            {(reach || (before && m.reach !== null)) && (
              <>
                <dt>{t('mailings.fact.reach')}</dt>
                <dd data-reach>
                  {reach ? (
                    <Suspense fallback={<span>{t('mailings.reachCounting')}</span>}>
                      <ReachText reach={reach} />
                    </Suspense>
                  ) : (
                    reachWords(m.reach ?? 0)
                  )}
                </dd>
              </>
            )}
            <dt>{t('mailings.fact.replyTo')}</dt>
            <dd>{m.replyToAddress ?? t('mailings.fact.replyToNone')}</dd>
            {m.eventId && (
              <>
                <dt>{t('mailings.fact.event')}</dt>
                <dd>
                  <Link href={eventHref(m.eventId)}>{promoted ?? m.eventId}</Link>
                </dd>
              </>
            )}
            {before && (
              <>
                <dt>{t('mailings.fact.posted')}</dt>
                <dd>{m.postInSpace ? t('mailings.fact.postedYes') : t('mailings.fact.postedNo')}</dd>
              </>
            )}
            {m.sendAt && (
              <>
                <dt>{t('mailings.fact.sendAt')}</dt>
                <dd>{formatParisDateTime(m.sendAt)}</dd>
              </>
            )}
          </dl>
        </section>

        {(m.state === 'sending' || m.state === 'paused' || m.state === 'sent') && <ProgressPanel m={m} hidden={hidden} />}

        {m.state === 'scheduled' && (
          <section className={`card ${rollout.panel}`} aria-labelledby="mailing-scheduled">
            <div className={rollout.panelHead}>
              <h2 id="mailing-scheduled">{t('mailings.scheduled.heading')}</h2>
              {m.sendAt && <p>{t('mailings.scheduled.text', { date: formatParisDateTime(m.sendAt) })}</p>}
            </div>
            <ActionForm action={cancelMailing}>
              {hidden}
              <SubmitButton secondary>{t('mailings.cancel.submit')}</SubmitButton>
            </ActionForm>
          </section>
        )}

        {m.state === 'awaiting-approval' && (
          <section className={`card ${rollout.panel}`} aria-labelledby="mailing-approval">
            <div className={rollout.panelHead}>
              <h2 id="mailing-approval">{t('mailings.approval.heading')}</h2>
              <p>{t('mailings.approval.text')}</p>
              {profile?.userId === m.authorId && <p>{t('mailings.approval.mine')}</p>}
            </div>
            <div className={styles.headActions}>
              {profile?.userId !== m.authorId && (
                <ActionForm action={approveMailing}>
                  {hidden}
                  <SubmitButton>{t('mailings.approval.submit')}</SubmitButton>
                </ActionForm>
              )}
              <ActionForm action={cancelMailing}>
                {hidden}
                <SubmitButton secondary>{t('mailings.cancel.submit')}</SubmitButton>
              </ActionForm>
            </div>
          </section>
        )}

        {m.state === 'cancelled' && (
          <p className={rollout.muted} role="status">
            {t('mailings.cancelled.text')}
          </p>
        )}

        {preview ? (
          <PreviewPanel preview={preview} here={here} givenName={givenName} />
        ) : (
          <section className={`card ${rollout.panel}`} aria-labelledby="mailing-text">
            <div className={rollout.panelHead}>
              <h2 id="mailing-text">{t('mailings.message.heading')}</h2>
            </div>
            <div className={styles.text}>{m.text}</div>
          </section>
        )}

        {draft && (
          <>
            <section className={`card ${rollout.panel}`} aria-labelledby="mailing-test">
              <div className={rollout.panelHead}>
                <h2 id="mailing-test">{t('mailings.test.heading')}</h2>
                <p>{t('mailings.test.lead')}</p>
              </div>
              <ActionForm action={testMailing}>
                {hidden}
                <SubmitButton secondary>{t('mailings.test.submit')}</SubmitButton>
              </ActionForm>
            </section>
            <section className={`card ${rollout.panel}`} aria-labelledby="mailing-send">
              <div className={rollout.panelHead}>
                <h2 id="mailing-send">{t('mailings.send.heading')}</h2>
                {(space.type === 'federation' || space.type === 'national') && <p>{t('mailings.send.approvalHint')}</p>}
              </div>
              <Suspense fallback={<p>{t('mailings.reachCounting')}</p>}>
                <SendForm reach={reach!} hidden={hidden} />
              </Suspense>
            </section>
            <section className={`card ${rollout.panel}`} aria-labelledby="mailing-fix">
              <div className={rollout.panelHead}>
                <h2 id="mailing-fix">{t('mailings.fix.heading')}</h2>
                <p>{t('mailings.fix.lead')}</p>
              </div>
              <div className={styles.headActions}>
                {profile?.userId === m.authorId && (
                  <Link href={editMailingHref(space.type, space.id, m.id)} className="button button-primary">
                    {t('mailings.fix.edit')}
                  </Link>
                )}
                <Link href={newMailingHref(space.type, space.id, m.id)} className="button button-secondary">
                  {t('mailings.fix.link')}
                </Link>
                {profile?.userId === m.authorId && (
                  <ActionForm action={deleteMailing}>
                    {hidden}
                    <SubmitButton secondary>{t('mailings.fix.delete')}</SubmitButton>
                  </ActionForm>
                )}
              </div>
            </section>
          </>
        )}
      </div>
    </>
  );
}

async function ReachText({ reach }: { reach: Promise<Reach | null> }) {
  const answer = await reach;
  return <>{answer ? answer.text : t('mailings.reachUnknown')}</>;
}

/** « Envoyer »: now or at a Paris date and time, once the sender ticked that they read it over, for so many people. */
async function SendForm({ reach, hidden }: { reach: Promise<Reach | null>; hidden: ReactNode }) {
  const answer = await reach;
  return (
    <ActionForm action={sendMailing}>
      {hidden}
      <RadioGroup
        name="when"
        legend={t('mailings.send.when')}
        choices={[
          { value: 'now', label: t('mailings.send.now') },
          { value: 'later', label: t('mailings.send.later') },
        ]}
        defaultValue="now"
      />
      <TextField name="at" type="datetime-local" label={t('mailings.send.at')} hint={t('mailings.send.atHint')} />
      <Checkbox name="confirm" label={t('mailings.send.confirm', { reach: answer?.text ?? t('mailings.reachUnknownShort') })} required />
      <SubmitButton>{t('mailings.send.submit')}</SubmitButton>
    </ActionForm>
  );
}

/** The mail as a recipient will read it, with the first name asked for: in a frame of its own, no script, no link followed. */
async function PreviewPanel({ preview, here, givenName }: { preview: Promise<Preview | unknown>; here: string; givenName?: string }) {
  const answer = await preview;
  const shown = isApiError(answer) ? null : (answer as Preview);
  return (
    <section className={`card ${rollout.panel}`} aria-labelledby="mailing-preview">
      <div className={rollout.panelHead}>
        <h2 id="mailing-preview">{t('mailings.preview.heading')}</h2>
        <p>{t('mailings.preview.lead')}</p>
      </div>
      <form method="get" action={here} className={styles.previewName}>
        <TextField name="prenom" label={t('mailings.preview.givenName')} defaultValue={givenName ?? ''} maxLength={60} autoComplete="off" />
        <button type="submit" className="button button-secondary">
          {t('mailings.preview.show')}
        </button>
      </form>
      {shown ? (
        <div>
          <dl className={`fact-list ${styles.previewHead}`}>
            <dt>{t('mailings.fact.from')}</dt>
            <dd>{shown.fromName}</dd>
            {shown.replyTo && (
              <>
                <dt>{t('mailings.fact.replyTo')}</dt>
                <dd>{shown.replyTo}</dd>
              </>
            )}
            <dt>{t('mailings.preview.subject')}</dt>
            <dd data-preview-subject>{shown.subject}</dd>
          </dl>
          {/* sandbox without allow-scripts nor allow-same-origin: the mail's HTML runs nothing and reaches nothing. */}
          <iframe className={styles.previewFrame} sandbox="" srcDoc={shown.html} title={t('mailings.preview.frame')} />
        </div>
      ) : (
        <p role="alert">{isApiError(answer) ? refusalText(answer) : t('form.unavailable')}</p>
      )}
    </section>
  );
}

/** The sending: sent, bounced, complained, unsubscribed; paused by the breaker with « Reprendre »; refreshed while it goes. */
function ProgressPanel({ m, hidden }: { m: Mailing; hidden: ReactNode }) {
  return (
    <section className={`card ${rollout.panel}`} aria-labelledby="mailing-progress">
      <div className={rollout.panelHead}>
        <h2 id="mailing-progress">{t('mailings.progress.heading')}</h2>
        {m.state === 'sending' && <p>{t('mailings.progress.live')}</p>}
      </div>
      <WaveProgress progress={progressOf(m)} />
      {m.state === 'paused' && (
        <div className={rollout.stalled} role="alert">
          <p>
            <Icon name="alert" size={22} />
            <span>{t(m.progress.pausedBecause === 'bounces' ? 'mailings.paused.bounces' : m.progress.pausedBecause === 'complaints' ? 'mailings.paused.complaints' : 'mailings.paused.other')}</span>
          </p>
          <ActionForm action={resumeMailing}>
            {hidden}
            <SubmitButton>{t('mailings.resume.submit')}</SubmitButton>
          </ActionForm>
        </div>
      )}
      {m.state === 'sending' && <AutoRefresh />}
    </section>
  );
}


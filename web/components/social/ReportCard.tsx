import { type ContentReport, formatParisDateTimeShort, routes } from '@coopol/contracts';
import Link from 'next/link';
import type { z } from 'zod';
import { escalate, hideReported, hideReportedMessage, setBlocked } from '../../app/moderation/actions';
import { t } from '../../i18n';
import { isApiError } from '../../lib/api';
import { callAsSignedIn, type Session } from '../../lib/session';
import { Hidden } from '../forms/Hidden';
import { AttachedFiles } from './AttachedFiles';
import { PostCard } from './PostCard';
import styles from './social.module.css';

type Report = z.output<typeof ContentReport>;


/** One button posting to a moderation action (the hidden fields say what on). */
export function ActionButton({ action, fields, label, primary = false }: { action: (form: FormData) => Promise<void>; fields: Record<string, string>; label: string; primary?: boolean }) {
  return (
    <form action={action} className={styles.inline}>
      {Object.entries(fields).map(([name, value]) => (
        <Hidden key={name} name={name} value={value} />
      ))}
      <button type="submit" className={`button ${primary ? 'button-primary' : 'button-secondary'}`}>
        {label}
      </button>
    </form>
  );
}

/**
 * A report as its moderators see it: why, when, the reported post (as they may read it, hidden or
 * not), and what they can do — hide it, pass it on to the national team, block its author here.
 */
/**
 * A message's report (ADR 0029): the reported message alone, copied when it was reported, and
 * « Retirer le message ». A private conversation's goes to the national team, whose the conversation
 * is not to read; a salon's to its space's moderators, who may also send it up and block its author
 * from writing in the space.
 */
function MessageReportCard({ report, message, back }: { report: Report; message: NonNullable<Report['message']>; back: string }) {
  const salon = report.space.type !== 'national';
  const space = { spaceType: report.space.type, spaceId: report.space.id };
  return (
    <article className={styles.report} aria-labelledby={`report-${report.id}`}>
      <h2 id={`report-${report.id}`} className={styles.postHead}>
        <span className={styles.author}>{salon ? t('moderation.aboutSalonMessage') : t('moderation.aboutMessage')}</span>
        <time dateTime={report.at}>{formatParisDateTimeShort(report.at)}</time>
        {salon && report.escalated && <span className={styles.badge}>{t('moderation.escalated')}</span>}
      </h2>
      <p>
        {t('moderation.reason')} <q>{report.reason}</q>
      </p>
      {!salon && <p className={styles.reason}>{t('moderation.messageOnly')}</p>}
      {message.hidden ? (
        <p role="status">{t('moderation.messageHidden')}</p>
      ) : (
        <>
          <p>{t('moderation.messageBy', { name: message.authorName, date: formatParisDateTimeShort(message.sentAt) })}</p>
          {message.text && <blockquote className={styles.quoted}>{message.text}</blockquote>}
          {message.attachments.length > 0 && (
            <AttachedFiles
              files={message.attachments}
              reportId={report.id}
              words={{ documents: t('post.documents'), download: (name) => t('post.download', { name }), imageNoAlt: (name) => t('post.imageNoAlt', { name }) }}
            />
          )}
          <div className={styles.postFoot}>
            <ActionButton action={hideReportedMessage} fields={{ reportId: report.id, retour: back }} label={t('moderation.hideMessage')} primary />
            {salon && !report.escalated && <ActionButton action={escalate} fields={{ reportId: report.id, retour: back }} label={t('moderation.escalate')} />}
            {salon && message.authorId && (
              <ActionButton action={setBlocked} fields={{ ...space, userId: message.authorId, blocked: 'oui', retour: back }} label={t('moderation.block', { name: message.authorName })} />
            )}
          </div>
        </>
      )}
    </article>
  );
}

export async function ReportCard({ session, report, back }: { session: Session; report: Report; back: string }) {
  if (report.message) return <MessageReportCard report={report} message={report.message} back={back} />;
  if (!report.postId) return null;
  const postId = report.postId;
  const post = await callAsSignedIn(session, back, routes.getPost, { params: { postId } }).catch((error: unknown) => {
    if (isApiError(error, 404)) return null;
    throw error;
  });
  const space = { spaceType: report.space.type, spaceId: report.space.id };
  const hidden = report.commentId ? false : Boolean(post?.hidden);
  return (
    <article className={styles.report} aria-labelledby={`report-${report.id}`}>
      <h2 id={`report-${report.id}`} className={styles.postHead}>
        <span className={styles.author}>{report.commentId ? t('moderation.aboutComment') : t('moderation.aboutPost')}</span>
        <time dateTime={report.at}>{formatParisDateTimeShort(report.at)}</time>
        {report.escalated && <span className={styles.badge}>{t('moderation.escalated')}</span>}
      </h2>
      <p>
        {t('moderation.reason')} <q>{report.reason}</q>
      </p>
      {post ? <PostCard post={{ ...post, lastComment: undefined }} /> : <p>{t('moderation.gone')}</p>}
      {post && (
        <div className={styles.postFoot}>
          {report.commentId ? (
            <ActionButton action={hideReported} fields={{ postId, commentId: report.commentId, retour: back }} label={t('moderation.hideComment')} primary />
          ) : (
            !hidden && <ActionButton action={hideReported} fields={{ postId, retour: back }} label={t('moderation.hidePost')} primary />
          )}
          {hidden && <span role="status">{t('moderation.hidden')}</span>}
          {!report.escalated && <ActionButton action={escalate} fields={{ reportId: report.id, retour: back }} label={t('moderation.escalate')} />}
          <ActionButton action={setBlocked} fields={{ ...space, userId: post.author.userId, blocked: 'oui', retour: back }} label={t('moderation.block', { name: post.author.displayName })} />
          <ActionButton action={setBlocked} fields={{ ...space, userId: post.author.userId, blocked: 'non', retour: back }} label={t('moderation.unblock', { name: post.author.displayName })} />
          <Link href={`/publications/${postId}`}>{t('moderation.open')}</Link>
        </div>
      )}
    </article>
  );
}

/** A page of reports, or the word that there are none. */
export function ReportList({ session, reports, back }: { session: Session; reports: Report[]; back: string }) {
  if (reports.length === 0) return <p>{t('moderation.none')}</p>;
  return (
    <ul className={styles.feed}>
      {reports.map((report) => (
        <li key={report.id}>
          <ReportCard session={session} report={report} back={back} />
        </li>
      ))}
    </ul>
  );
}

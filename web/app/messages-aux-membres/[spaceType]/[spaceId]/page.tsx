import { formatParisDateTime, routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { isRefusal, orRefused, Refused } from '../../../../components/rollout/Refused';
import rollout from '../../../../components/rollout/rollout.module.css';
import { progressSummary } from '../../../../components/rollout/WaveProgress';
import { TerritoryHeader } from '../../../../components/territory/TerritoryHeader';
import { Icon } from '../../../../components/ui/Icon';
import { t } from '../../../../i18n';
import { param, type SearchParams } from '../../../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../../../lib/session';
import { mailingHref, mailingsHref, newMailingHref } from '../../hrefs';
import { MailingStateBadge } from '../../MailingStateBadge';
import styles from '../../mailings.module.css';
import { progressOf } from '../../progress';
import { writingSpace, type Mailing } from '../../space';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('mailings.title') };

type Props = { params: Promise<{ spaceType: string; spaceId: string }>; searchParams: SearchParams };

/** When a message went or will go, or when it was written, in a few words. */
function whenOf(m: Mailing): string {
  if (m.state === 'sending' || m.state === 'paused' || m.state === 'sent') return progressSummary(progressOf(m));
  if (m.state === 'scheduled' && m.sendAt) return t('mailings.scheduledFor', { date: formatParisDateTime(m.sendAt) });
  return t('mailings.writtenAt', { date: formatParisDateTime(m.createdAt) });
}

/** A space's messages to its people, newest first, and « Écrire un message »: for whoever speaks for it. */
export default async function MailingsPage({ params, searchParams }: Props) {
  const { spaceType, spaceId } = await params;
  const deleted = param(await searchParams, 'supprime');
  const here = mailingsHref(spaceType, spaceId);
  const session = await requireSession(here);
  const space = await writingSpace(session, here, spaceType, spaceId);
  const answer = await orRefused(session, here, () => callAsSignedIn(session, here, routes.listMailings, { params: { spaceType: space.type, spaceId: space.id } }));
  if (isRefusal(answer)) return <Refused refusal={answer} />;

  return (
    <>
      <TerritoryHeader
        breadcrumb={[...(space.href ? [{ label: space.name, href: space.href }] : []), { label: t('mailings.title') }]}
        icon="megaphone"
        eyebrow={t('mailings.eyebrow')}
        title={space.name}
        lead={t('mailings.lead')}
      />
      <div className={`container ${rollout.page}`}>
        {deleted && (
          <p role="status" className="notice-success">
            <Icon name="check" size={22} />
            <span>{t('mailings.notice.deleted')}</span>
          </p>
        )}
        <div className={styles.headActions}>
          <Link href={newMailingHref(space.type, space.id)} className="button button-primary">
            <Icon name="megaphone" size={20} />
            {t('mailings.write')}
          </Link>
        </div>
        <section className={`card ${rollout.panel}`} aria-labelledby="mailings-list">
          <div className={rollout.panelHead}>
            <h2 id="mailings-list">{t('mailings.listHeading')}</h2>
            {answer.items.length >= 50 && <p>{t('mailings.more')}</p>}
          </div>
          {answer.items.length === 0 ? (
            <p className={rollout.muted}>{t('mailings.none')}</p>
          ) : (
            <ul className={rollout.waves}>
              {answer.items.map((m) => (
                <li key={m.id} className={rollout.wave} data-mailing={m.id}>
                  <div className={rollout.waveTop}>
                    <Link href={mailingHref(space.type, space.id, m.id)} className={rollout.waveName}>
                      {m.subject}
                    </Link>
                    <MailingStateBadge state={m.state} />
                  </div>
                  <p className={rollout.waveMeta}>
                    <span>{whenOf(m)}</span>
                    <span>{m.segment ? t('mailings.toPart') : t('mailings.toWhole')}</span>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

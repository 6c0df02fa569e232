import { formatParisDateTime, routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { isRefusal, orRefused, Refused } from '../../../../../components/rollout/Refused';
import rollout from '../../../../../components/rollout/rollout.module.css';
import { TerritoryHeader } from '../../../../../components/territory/TerritoryHeader';
import { Icon } from '../../../../../components/ui/Icon';
import { t } from '../../../../../i18n';
import { orNotFound } from '../../../../../lib/or-not-found';
import { callAsSignedIn, requireSession } from '../../../../../lib/session';
import { namedSpace } from '../../../../../lib/space-name';
import { newTextHref, spaceTextsHref, textHref } from '../../../hrefs';
import { TextStateBadge } from '../../../TextParts';
import styles from '../../../texts.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('texts.title') };

type Props = { params: Promise<{ spaceType: string; spaceId: string }> };

/** A space's texts, newest first (drafts for their owners), and « Écrire un texte » for who runs the space. */
export default async function SpaceTextsPage({ params }: Props) {
  const { spaceType, spaceId } = await params;
  const here = spaceTextsHref(spaceType, spaceId);
  const session = await requireSession(here);
  const space = await namedSpace(session, here, spaceType, spaceId);
  const answer = await orRefused(session, here, () =>
    orNotFound(callAsSignedIn(session, here, routes.listSpaceTexts, { params: { spaceType: space.type as 'section', spaceId: space.id }, query: { limit: 50 } })),
  );
  if (isRefusal(answer)) return <Refused refusal={answer} />;

  return (
    <>
      <TerritoryHeader
        breadcrumb={[...(space.href ? [{ label: space.name, href: space.href }] : []), { label: t('texts.title') }]}
        icon="fileText"
        eyebrow={t('texts.eyebrow')}
        title={space.name}
        lead={t('texts.lead')}
      />
      <div className={`container ${rollout.page}`}>
        {answer.mayWrite && (
          <div className={styles.headActions}>
            <Link href={newTextHref(space.type, space.id)} className="button button-primary">
              <Icon name="fileText" size={20} />
              {t('texts.write')}
            </Link>
          </div>
        )}
        <section className={`card ${rollout.panel}`} aria-labelledby="texts-list">
          <div className={rollout.panelHead}>
            <h2 id="texts-list">{t('texts.listHeading')}</h2>
            {answer.nextCursor && <p>{t('texts.more')}</p>}
          </div>
          {answer.items.length === 0 ? (
            <p className={rollout.muted}>{t('texts.none')}</p>
          ) : (
            <ul className={rollout.waves}>
              {answer.items.map((text) => (
                <li key={text.id} className={rollout.wave} data-text={text.id}>
                  <div className={rollout.waveTop}>
                    <Link href={textHref(text.id)} className={rollout.waveName}>
                      {text.title}
                    </Link>
                    <TextStateBadge text={text} />
                  </div>
                  <p className={rollout.waveMeta}>
                    <span>{t('texts.summary.version', { number: text.version })}</span>
                    {text.state === 'open' && text.deadline && <span>{t('texts.summary.until', { date: formatParisDateTime(text.deadline) })}</span>}
                    <span>{t('texts.summary.by', { name: text.author.displayName })}</span>
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

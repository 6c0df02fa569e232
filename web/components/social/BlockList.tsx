import { formatParisDateTimeShort, type SpaceBlock } from '@coopol/contracts';
import type { z } from 'zod';
import { setBlocked } from '../../app/moderation/actions';
import { t } from '../../i18n';
import { ActionButton } from './ReportCard';
import styles from './social.module.css';

type Block = z.output<typeof SpaceBlock>;

/** Who is blocked from posting in this space, by whom and since when, each with the button that lifts it. */
export function BlockList({ blocks, space, back }: { blocks: Block[]; space: { spaceType: string; spaceId: string }; back: string }) {
  return (
    <section aria-labelledby="blocked-people" className={styles.stack}>
      <h2 id="blocked-people">{t('moderation.blocksTitle')}</h2>
      {blocks.length === 0 ? (
        <p>{t('moderation.blocksNone')}</p>
      ) : (
        <ul className={styles.requests}>
          {blocks.map((block) => (
            <li key={block.userId} className={styles.request}>
              <span>
                {t('moderation.blockedBy', {
                  name: block.displayName || t('moderation.someone'),
                  by: block.blockedBy.displayName || t('moderation.someone'),
                  at: formatParisDateTimeShort(block.at),
                })}
              </span>
              <ActionButton action={setBlocked} fields={{ ...space, userId: block.userId, blocked: 'non', retour: back }} label={t('moderation.unblock', { name: block.displayName || t('moderation.someone') })} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { pool } from '../../shared/pool';
import { factsOf } from '../access/load-caller';
import { createBulkTask } from '../mail/bulk/stores';
import { itemsOf, writeTogether } from '../mail/bulk/transaction';
import { PersonEntity } from '../people/entities';
import { createPost } from '../social/posts';
import { MailingEntity, mailingsService } from './entities';
import { loadMailing, mailingOf, shardsOf, type MailingItem } from './sender';

/**
 * Where a message's sending starts (ADR 0028): now from the API, or at its time from the
 * `mailing-send` job — apart from service.ts, so that job loads no scheduler configuration.
 */

/** Starts the sending: one task per shard (its creation starts the bulk-mail job); the space's post if asked. */
export async function startSending(mailingId: string): Promise<void> {
  const m = await loadMailing(mailingId, true);
  if (!m || m.state !== 'sending') return;
  const mailing = mailingOf(mailingId);
  await pool(await shardsOf(m), 10, (shard) => createBulkTask({ mailing, shard: `${shard.scopeType}:${shard.scopeId}`, seq: 0 }));
  if (m.postInSpace && !m.segment) await postInSpace(m);
}

/** A message to the whole space is also read in its feed: posted by its author, once (the post's id is the mailing's). */
async function postInSpace(m: MailingItem): Promise<void> {
  const claimed = await MailingEntity.patch({ mailingId: m.mailingId })
    .set({ postInSpace: false })
    .where((attr, { eq }) => eq(attr.postInSpace, true))
    .go()
    .then(() => true, () => false);
  const { data: author } = await PersonEntity.get({ userId: m.authorId }).go();
  if (!claimed || !author) return;
  await createPost({ kind: 'person', ...factsOf(author, true) }, { space: { type: m.spaceType, id: m.spaceId }, text: `${m.subject}\n\n${m.text}` });
}

/**
 * The `mailing-send` job, at a message's set time or at once after « Envoyer » (a schedule for now):
 * a message still scheduled starts sending, one sending gets its tasks (again: created once); a cancelled one sends nothing.
 */
export async function startMailing(mailingId: string): Promise<void> {
  const m = await loadMailing(mailingId, true);
  if (m?.state === 'scheduled') {
    await writeTogether(
      itemsOf(mailingsService.transaction.write(({ mailing }) => [mailing.patch({ mailingId }).set({ state: 'sending' }).where((attr, { eq }) => eq(attr.state, 'scheduled')).commit()])),
    );
  }
  await startSending(mailingId);
}

import { createHash } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { party } from '../../shared/party';
import { reading, readingNothing } from '../../shared/read-together';
import { siteLink } from '../../shared/site';
import { unsubscribeHeaders } from '../mail/send';
import type { BulkMail, BulkMailAdapter, Receipt, ReceiptStore } from '../mail/bulk/adapter';
import { runBulkTask } from '../mail/bulk/engine';
import { itemsOf } from '../mail/bulk/transaction';
import { DeliveryEntity, PreregistrationEntity, rollout, WaveEntity, WaveTaskEntity } from './entities';
import { finishWaveIfDone } from './opening';
import { waveOptions } from './options';
import { AFTER_LAUNCH_RETENTION_SECONDS } from './preregistration';
import { handOverItems, type TaskKey } from './relaunch';

/**
 * The wave sender (ADR 0009): the bulk-mail engine (ADR 0016) over one task = one federation of an
 * opened wave. Its audience is the federation's confirmed preregistrations (W3); each launch mail is
 * a `waveDelivery` (W8); a page's commit also keeps the mailed preregistrations six months and
 * counts on the task, the wave and the federation's funnel.
 */

type Preregistration = EntityItem<typeof PreregistrationEntity>;
export type { TaskKey } from './relaunch';

/** The recipient's id in keys and SES tags (which allow only letters, digits, `_` and `-`). */
export const recipientId = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 32);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A wave's launch mails are its deliveries: `sending` with a lease, then `sent` or `failed`. */
function deliveries(waveId: string, retainUntil: number): ReceiptStore {
  const one = (fn: Parameters<typeof rollout.transaction.write>[0]) => itemsOf(rollout.transaction.write(fn))[0]!;
  return {
    read: (recipients) =>
      reading(DeliveryEntity, recipients.map((recipient) => ({ waveId, recipient })), (found) => {
        const byRecipient = new Map(found.map((d) => [d.recipient, d]));
        return recipients.map((recipient): Receipt | undefined => {
          const d = byRecipient.get(recipient);
          if (!d) return undefined;
          if (d.state === 'sending') return { state: 'claimed', leaseUntil: d.leaseUntil };
          return d.state === 'sent' ? { state: 'sent', messageId: d.messageId ?? '' } : { state: 'failed', error: d.error ?? '' };
        });
      }),
    claim: (recipient, leaseUntil) => one(({ delivery }) => [delivery.create({ waveId, recipient, state: 'sending', leaseUntil, expiresAt: nowSeconds() + AFTER_LAUNCH_RETENTION_SECONDS }).commit()]),
    reclaim: (recipient, expired, leaseUntil) =>
      one(({ delivery }) => [delivery.patch({ waveId, recipient }).set({ leaseUntil }).where((attr, { eq }) => `${eq(attr.state, 'sending')} AND ${eq(attr.leaseUntil, expired)}`).commit()]),
    settle: (recipient, outcome) =>
      one(({ delivery }) => [delivery.put({ waveId, recipient, leaseUntil: 0, expiresAt: retainUntil, ...(outcome.state === 'sent' ? { state: 'sent', messageId: outcome.messageId } : { state: 'failed', error: outcome.error }) }).commit()]),
  };
}

/** A preregistration's launch mail, its links carrying the preregistration's token, signed by whoever deployed the wave. */
const launchMail = (p: Preregistration, signedBy: string | undefined): BulkMail => ({
  to: p.email,
  template: 'wave-launch',
  fromName: `${party.name} · Coopol`,
  data: {
    signedBy,
    communeName: p.communeName,
    federationName: p.federationName,
    kind: p.kind,
    signUpUrl: siteLink('/inscription', { email: p.email, cp: p.postalCode }),
    unsubscribeUrl: siteLink('/desinscription', { jeton: p.token }),
    manageUrl: siteLink('/preinscription/gerer', { jeton: p.token }),
  },
  headers: unsubscribeHeaders(siteLink(`/api/unsubscribe/${p.token}`)),
});

/** The launch mails of one federation for a wave, as the engine sends them. */
function waveMailing(key: TaskKey, openedAt: string, signedBy: string | undefined): BulkMailAdapter<Preregistration> {
  const retainUntil = Math.floor(Date.parse(openedAt) / 1000) + AFTER_LAUNCH_RETENTION_SECONDS;
  return {
    mailing: { kind: 'wave', id: key.waveId },
    suppression: 'bulk',
    maxSendRate: waveOptions.maxSendRate,
    async audience(cursor, limit) {
      const page = await PreregistrationEntity.query.byFederation({ federationCode: key.federationCode, status: 'confirmed' }).go({ cursor, limit });
      // Someone mailed by an earlier wave over the same territory gets nothing more.
      return { recipients: page.data.filter((p) => p.expiresAt > nowSeconds() && (!p.emailedBy || p.emailedBy === key.waveId)), next: page.cursor ?? null };
    },
    recipient: (p) => ({ id: recipientId(p.email), email: p.email }),
    // A launch mail needs nothing more than its preregistration and its wave's signer: no read of the page's.
    mails: () => readingNothing(Promise.resolve((p: Preregistration) => launchMail(p, signedBy))),
    receipts: deliveries(key.waveId, retainUntil),
    // Kept six months after their launch mail; one erased meanwhile (token gone) must not come back.
    record: (p, outcome) =>
      outcome.state !== 'sent' ? [] : itemsOf(rollout.transaction.write(({ preregistration }) => [preregistration.patch({ email: p.email }).set({ emailedBy: key.waveId, expiresAt: retainUntil }).where((attr, { eq }) => eq(attr.token, p.token)).commit()])),
    progress: (from, next, { processed, sent, failed, suppressed }) =>
      itemsOf(
        rollout.transaction.write(({ task, wave, funnel }) => [
          task
            .patch(key)
            .set({ ...(next ? { cursor: next } : { done: true }), touchedAt: nowSeconds() })
            .add({ processed, sent, failed, suppressed })
            .where((attr, { eq, notExists }) => (from ? eq(attr.cursor, from) : notExists(attr.cursor)))
            .commit(),
          wave.patch({ waveId: key.waveId }).add({ sent, failed, suppressed, ...(next ? {} : { tasksDone: 1 }) }).commit(),
          funnel.update({ federationCode: key.federationCode }).add({ emailed: sent, waiting: -(sent + suppressed + failed) }).commit(),
        ]),
      ),
    handOver: (cursor) => handOverItems(key, openedAt, cursor),
    finished: () => finishWaveIfDone(key.waveId),
  };
}

/** Sends a wave task's launch mails (the wave-sender job), resuming at its cursor. */
export async function runWaveTask(key: TaskKey, remainingMs: () => number): Promise<void> {
  const { data: task } = await WaveTaskEntity.get(key).go({ consistent: true });
  if (!task || task.done) return;
  const { data: wave } = await WaveEntity.get({ waveId: key.waveId }).go({ attributes: ['waveId', 'deployedByName'] });
  await runBulkTask(waveMailing(key, task.openedAt, wave?.deployedByName), task.cursor ?? null, remainingMs);
}

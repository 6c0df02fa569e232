import { sendMail } from '../mail/send';
import { PersonEntity } from '../people/entities';
import { siteLink } from '../../shared/site';
import { DigestDueEntity, NotificationEntity, NotificationStateEntity } from './entities';
import { defaultEmailModes, DIGEST_HOUR_UTC, shownTexts, type NotificationKind } from './notifications';

const PAGE = 50;

/** The digest slots due at `now` (sent from 07:00 UTC of their day): today's and two days back, the last two Mondays. */
export function dueSlots(now: Date): string[] {
  const day = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
  const due = (d: Date) => now.getTime() >= d.getTime() + DIGEST_HOUR_UTC * 3600_000;
  const slots: string[] = [];
  for (const offset of [0, -1, -2]) if (due(day(offset))) slots.push(`daily:${day(offset).toISOString().slice(0, 10)}`);
  for (let offset = 0; offset > -14; offset -= 1) {
    const d = day(offset);
    if (d.getUTCDay() === 1 && due(d)) slots.push(`weekly:${d.toISOString().slice(0, 10)}`);
  }
  return slots;
}

/**
 * Sends the digests that are due, a page of people at a time (S17): for each, their notifications
 * since their last digest of that period, of the kinds they chose for it, not muted. Nothing loads
 * everyone: a page is 1 Query of markers, then per person 2 GetItem + 1 Query + ≤ 2 BatchGet (withdrawn
 * content is left out) + 1 mail + 2 writes.
 * Stops when time runs short; the next run goes on from the markers left.
 */
export async function sendDueDigests(now: Date, timeLeftMs: () => number): Promise<number> {
  let sent = 0;
  for (const slot of dueSlots(now)) {
    const period = slot.startsWith('daily') ? 'daily' : 'weekly';
    for (;;) {
      if (timeLeftMs() < 30_000) return sent;
      const { data: due } = await DigestDueEntity.query.bySlot({ slot }).go({ limit: PAGE });
      if (!due.length) break;
      for (const { userId } of due) {
        const [{ data: person }, { data: state }] = await Promise.all([PersonEntity.get({ userId }).go(), NotificationStateEntity.get({ userId }).go()]);
        const since = (period === 'daily' ? state?.dailySentUntil : state?.weeklySentUntil) ?? '';
        const { data: notifications } = await NotificationEntity.query.byPerson({ userId }).gt({ at: since }).go({ limit: 50 });
        const texts = await shownTexts(notifications);
        const items = notifications.filter(
          (n) =>
            texts.get(n.notificationId) !== null &&
            n.at <= now.toISOString() &&
            (state?.email?.[n.kind as NotificationKind] ?? defaultEmailModes[n.kind as NotificationKind]) === period &&
            !(n.groupId && state?.mutedGroups?.includes(n.groupId)),
        );
        if (person && items.length) {
          await sendMail({
            to: person.email,
            template: 'notification-digest',
            data: { givenName: person.givenName, period, items: items.map((n) => ({ text: texts.get(n.notificationId) ?? n.text, url: siteLink(n.path as `/${string}`) })), settingsUrl: siteLink('/notifications/preferences') },
            kind: 'transactional',
          });
          sent += 1;
        }
        await NotificationStateEntity.upsert({ userId })
          .set(period === 'daily' ? { dailySentUntil: now.toISOString() } : { weeklySentUntil: now.toISOString() })
          .go();
        await DigestDueEntity.delete({ slot, userId }).go();
      }
    }
  }
  return sent;
}

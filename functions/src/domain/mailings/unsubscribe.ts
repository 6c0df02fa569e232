import { unsubscribeFromSpace } from '../mail/preferences';
import { spaceKeyOf, type SpaceRef } from '../spaces/resolve';
import { MailingEntity } from './entities';

/**
 * One-click unsubscribe (RFC 8058: a bare POST) from one space's messages — the others, and event
 * announcements, stay. Honoured at once: the next page of any of that space's messages leaves the
 * person out. The message whose link it was counts one unsubscribe, the first time only.
 */
export async function unsubscribeSpaceMessages(token: string, space: SpaceRef, mailingId?: string): Promise<void> {
  const first = await unsubscribeFromSpace(token, spaceKeyOf(space), 'messages');
  if (!first || !mailingId) return;
  await MailingEntity.patch({ mailingId })
    .add({ unsubscribed: 1 })
    .where((attr, { eq }) => eq(attr.spaceKey, spaceKeyOf(space)))
    .go()
    .catch(() => undefined); // not that space's message, or gone: nothing to count
}

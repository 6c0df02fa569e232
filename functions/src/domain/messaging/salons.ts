import type { EntityItem } from 'electrodb';
import type { z } from 'zod';
import type { SalonState } from '../../contracts/messaging';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { policyOptions } from '../access/options';
import { hasAuthorityOverSpace, requirePerson, type Person, type Space } from '../access/authority';
import { mayBeInSalon, mayRunSalon, type SpaceFacts } from '../access/policy';
import { isConditionFailure, writtenUnlessRefused } from '../../shared/conditions';
import { ConflictError, NotFoundError } from '../errors';
import { displayName } from '../social/spaces';
import { resolveSpaceForRules, type ResolvedSpace } from '../spaces/resolve';
import { ConversationEntity, InboxEntryEntity, MessageEntity, ParticipantEntity } from './entities';
import { salonIdOf, type SalonSpaceRef } from './salon-spaces';

export { salonIdOf, type SalonSpaceRef } from './salon-spaces';

/**
 * A space's salon (issue 15, ADR 0029 § Salons): the conversation of a section or a thematic group,
 * one per space (`s.<spaceKey>`). Those who run the space open and close it; whoever may read the
 * space joins it (it then sits in their inbox like any conversation) and leaves it as one leaves a
 * conversation — or by leaving the space: every salon route asks `mayBeInSalon` of the caller as the
 * request loaded them, and the stream job takes them out of it (`salonsLeftBy`). Its reports go to
 * the space's moderators (`reports.ts`).
 */

/** The space named by the route, and the caller's facts in it; a space they may not read is a 404 (as one that does not exist). */
async function salonSpace(caller: Caller, ref: SalonSpaceRef) {
  const { resolved, space, facts } = await resolveSpaceForRules(caller, ref, 'params.spaceId');
  if (!mayBeInSalon(caller, space, facts)) throw new NotFoundError('salon.not-found', 'params.spaceId');
  return { resolved, space, facts };
}

async function stateOf(person: Person, resolved: ResolvedSpace, space: Space, facts: SpaceFacts): Promise<z.input<typeof SalonState>> {
  const conversationId = salonIdOf(space as SalonSpaceRef);
  const [{ data: conversation }, { data: me }] = await Promise.all([
    ConversationEntity.get({ conversationId }).go({ consistent: true }),
    ParticipantEntity.get({ conversationId, userId: person.userId }).go({ consistent: true }),
  ]);
  return {
    conversationId,
    title: conversation?.title ?? resolved.label,
    open: Boolean(conversation && !conversation.closedAt),
    joined: Boolean(me && !me.leftAt),
    participantCount: Math.max(0, conversation?.participantCount ?? 0),
    mayManage: hasAuthorityOverSpace(person, space, facts.group),
  };
}

/** GET …/salon: whether the space has an open salon, and whether the caller is in it (2 GetItem after the space). */
export async function getSalon(caller: Caller, ref: SalonSpaceRef) {
  const { resolved, space, facts } = await salonSpace(caller, ref);
  return stateOf(requirePerson(caller), resolved, space, facts);
}

/**
 * Puts the person in the salon, once: their read marker at its latest message (they start with
 * nothing unread), its entry in their inbox, one more in its count. A join that finds them already in
 * changes nothing (the participant is written only if absent or gone).
 */
async function join(person: Person, salon: EntityItem<typeof ConversationEntity>): Promise<void> {
  const { conversationId } = salon;
  const [me, { data: latest }] = await Promise.all([callerItem(person), MessageEntity.query.byConversation({ conversationId }).go({ order: 'desc', limit: 1, attributes: ['messageId'] })]);
  const at = new Date().toISOString();
  const joined = await writtenUnlessRefused(ParticipantEntity.put({
    conversationId,
    userId: person.userId,
    displayName: me ? displayName(me) : '',
    joinedAt: at,
    muted: false,
    ...(latest[0] && { lastReadMessageId: latest[0].messageId }),
  })
    .where(({ userId, leftAt }, { notExists, exists }) => `${notExists(userId)} OR ${exists(leftAt)}`)
    .go());
  if (!joined) return;
  await Promise.all([
    InboxEntryEntity.put({ userId: person.userId, conversationId, kind: 'salon', title: salon.title ?? '', lastMessageAt: at, unread: 0, muted: false }).go(),
    ConversationEntity.patch({ conversationId }).add({ participantCount: 1 }).go(),
  ]);
}

/**
 * PUT …/salon: those who run the space open it (created the first time, its opener in it) or close it
 * (read still, written no more: `sendMessage` refuses).
 */
export async function setSalonOpen(caller: Caller, ref: SalonSpaceRef, open: boolean) {
  const { resolved, space, facts } = await salonSpace(caller, ref);
  const person = mayRunSalon(caller, space, policyOptions, facts.group);
  const conversationId = salonIdOf(ref);
  if (open) {
    const created = await writtenUnlessRefused(ConversationEntity.create({
      conversationId,
      kind: 'salon',
      spaceType: resolved.type,
      spaceId: resolved.id,
      title: resolved.label,
      ...(resolved.federationCode && resolved.type === 'section' && { federationCode: resolved.federationCode }),
      createdBy: person.userId,
      createdAt: new Date().toISOString(),
      participantCount: 0,
    }).go());
    if (!created) await ConversationEntity.patch({ conversationId }).set({ title: resolved.label }).remove(['closedAt']).go();
    const { data: salon } = await ConversationEntity.get({ conversationId }).go({ consistent: true });
    if (salon) await join(person, salon);
  } else {
    await ConversationEntity.patch({ conversationId })
      .set({ closedAt: new Date().toISOString() })
      .go()
      .catch((error: unknown) => {
        // Never opened: closed already.
        if (!isConditionFailure(error)) throw error;
      });
  }
  return stateOf(person, resolved, space, facts);
}

/** POST …/salon/join: whoever may read the space joins its open salon (closed: 409; never opened: 404). */
export async function joinSalon(caller: Caller, ref: SalonSpaceRef) {
  const { resolved, space, facts } = await salonSpace(caller, ref);
  const person = requirePerson(caller);
  const { data: salon } = await ConversationEntity.get({ conversationId: salonIdOf(ref) }).go({ consistent: true });
  if (!salon) throw new NotFoundError('salon.not-found', 'params.spaceId');
  if (salon.closedAt) throw new ConflictError('salon.closed', [{ field: 'params.spaceId', message: 'salon fermé' }]);
  await join(person, salon);
  return stateOf(person, resolved, space, facts);
}

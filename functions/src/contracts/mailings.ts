import * as z from 'zod';
import { Instant, lineText, proseText } from './common';
import { EventId } from './events';
import { PartySpaceType, SpaceId } from './spaces';

/**
 * Messages to a space's members (« mailings », issue 16; the word « messages » is kept for
 * conversations): a section, a federation, the national level or a group writes to its people,
 * sent by the one bulk-mail engine (ADR 0016, 0028).
 */

export const MailingId = z.string().regex(/^[0-9a-f]{24}$/, 'identifiant de message');

/** Which of the space's people: only from what the sender's role may already see, never by group. */
export const Segment = z
  .object({
    /** adhérents, sympathisants (a federation's or the national level's), or both. */
    status: z.enum(['adherents', 'sympathisants', 'both']).default('both'),
    /** People who show one of these interests to the sender (their profile's visibility decides). */
    interests: z.array(lineText({ min: 1, max: 40 })).max(10).optional(),
    /** Only those who volunteered for a slot of the space's own actions in the last N months. */
    volunteersWithinMonths: z.number().int().min(1).max(24).optional(),
    /** Leave out those who volunteered for a slot of the space's actions in the last N months. */
    excludeVolunteersWithinMonths: z.number().int().min(1).max(24).optional(),
    /** Only those who have not used Coopol (a signed-in visit) for N months. */
    inactiveForMonths: z.number().int().min(1).max(36).optional(),
    /** Leave out those already coming to, or signed up for a slot of, this event of the space. */
    excludeEventId: EventId.optional(),
  })
  .meta({ id: 'MailingSegment' });
export type Segment = z.infer<typeof Segment>;

/** Whose address answers: none (default), the space's contact (none yet), or the sender's own — shown before sending. */
export const ReplyTo = z.enum(['none', 'me']);

export const MailingDraftRequest = z
  .object({
    subject: lineText({ min: 1, max: 150 }),
    text: proseText({ min: 1, max: 10_000 }),
    /** An event of the space to promote, with its volunteer slots. */
    eventId: EventId.optional(),
    /** No segment: to the whole space (adhérents and sympathisants it has). */
    segment: Segment.optional(),
    replyTo: ReplyTo.default('none'),
    /** A message to the whole space may also be posted in it (never a segmented one). */
    postInSpace: z.boolean().default(false),
  })
  .meta({ id: 'MailingDraftRequest' });

export const MailingState = z.enum(['draft', 'awaiting-approval', 'scheduled', 'sending', 'paused', 'sent', 'cancelled']);

/** How many the segment reaches: a count, never a list; under 10 only « moins de 10 ». */
export const Reach = z
  .object({ count: z.number().int().nullable(), fewerThanTen: z.boolean(), text: z.string() })
  .meta({ id: 'MailingReach' });

export const MailingProgress = z
  .object({
    processed: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    suppressed: z.number().int(),
    skipped: z.number().int(),
    bounced: z.number().int(),
    complained: z.number().int(),
    unsubscribed: z.number().int(),
    /** Why the sending stopped by itself (SES's thresholds: bounces above 5 %, complaints above 0.1 % of the sent). */
    pausedBecause: z.enum(['bounces', 'complaints']).nullable(),
  })
  .meta({ id: 'MailingProgress' });

export const Mailing = z
  .object({
    id: MailingId,
    space: z.object({ type: PartySpaceType, id: SpaceId }),
    spaceLabel: z.string(),
    subject: z.string(),
    text: z.string(),
    eventId: EventId.nullable(),
    segment: Segment.nullable(),
    replyTo: ReplyTo,
    /** The address replies go to, as the sender is shown it before sending (null: none). */
    replyToAddress: z.string().nullable(),
    /** The sender's name as recipients see it: « Section Mulhouse · Coopol ». */
    fromName: z.string(),
    postInSpace: z.boolean(),
    state: MailingState,
    authorId: z.string(),
    sendAt: Instant.nullable(),
    /** How many the segment reached when it was sent (null before): the whole of its progress. */
    reach: z.number().int().nullable(),
    /** Who approved a large federation or national message (the two-person rule). */
    approvedBy: z.string().nullable(),
    createdAt: Instant,
    progress: MailingProgress,
  })
  .meta({ id: 'Mailing' });

export const MailingList = z.object({ items: z.array(Mailing) }).meta({ id: 'MailingList' });

export const MailingPreview = z
  .object({ subject: z.string(), text: z.string(), html: z.string(), fromName: z.string(), replyTo: z.string().nullable() })
  .meta({ id: 'MailingPreview' });
export const PreviewQuery = z.object({ givenName: lineText({ min: 1, max: 60 }).optional() });

export const SendRequest = z.object({ at: Instant.optional() }).meta({ id: 'MailingSendRequest' });

export const MailingParams = z.object({ spaceType: PartySpaceType, spaceId: SpaceId, mailingId: MailingId });
export const SpaceParams = z.object({ spaceType: PartySpaceType, spaceId: SpaceId });

/** What a one-click link unsubscribes from: the messages of one space, of one kind. */
export const MailingKind = z.enum(['messages']);
export const UnsubscribeParams = z.object({ token: z.string().regex(/^[\w-]{16,64}$/, 'jeton'), spaceType: PartySpaceType, spaceId: SpaceId, kind: MailingKind });

/** The message whose link it was (its unsubscribes are counted). */
export const UnsubscribeQuery = z.object({ message: MailingId.optional() });


/** One space's mail of one kind, as the person receives it or not (« Mails reçus »). */
export const MailSubscription = z
  .object({ space: z.object({ type: PartySpaceType, id: SpaceId, name: z.string() }), kind: MailingKind, subscribed: z.boolean() })
  .meta({ id: 'MailSubscription' });

/** The person's bulk mail: event announcements, and each space they belong to, per kind. */
export const MyMailSubscriptions = z
  .object({ eventAnnouncements: z.boolean(), items: z.array(MailSubscription) })
  .meta({ id: 'MyMailSubscriptions' });

/** Changes to the person's bulk mail; a space they do not belong to is not found. */
export const MailSubscriptionsChange = z
  .object({
    eventAnnouncements: z.boolean().optional(),
    items: z.array(z.object({ space: z.object({ type: PartySpaceType, id: SpaceId }), kind: MailingKind, subscribed: z.boolean() })).max(100).optional(),
  })
  .meta({ id: 'MailSubscriptionsChange' });

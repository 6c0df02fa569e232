import { Entity, Service } from 'electrodb';
import { PartySpaceType } from '../../contracts/spaces';
import { entityConfig } from '../../shared/dynamodb';

/**
 * Events, their volunteer slots, who comes, the capacity counters, calendar feeds and the mail
 * receipts that make announcements and reminders idempotent.
 * Access patterns: docs/ACCESS_PATTERNS.md § Events.
 */

/** Where an event lives: a party space or a group (contracts/spaces.ts). */
const spaceTypes = PartySpaceType.options;
const kinds = ['reunion', 'tractage', 'porte-a-porte', 'meeting', 'formation', 'autre'] as const;
/** `referents`: a rollout wave's training, for the web referents of its territories (ADR 0023). */
const visibilities = ['public', 'supporters', 'members', 'section', 'referents'] as const;
const rsvpStates = ['going', 'maybe', 'no', 'waiting'] as const;

export const EventEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'event', version: '1' },
    attributes: {
      eventId: { type: 'string', required: true },
      spaceType: { type: spaceTypes, required: true },
      spaceId: { type: 'string', required: true },
      /** `spaceKeyOf` of the space (`section:mulhouse`): the agenda's partition, as for everything in a space (ADR 0017). */
      spaceKey: { type: 'string', required: true },
      spaceName: { type: 'string', required: true },
      /** The space's parents, copied so that rules and roll-ups need no other read. */
      sectionId: { type: 'string' },
      federationCode: { type: 'string' },
      regionCode: { type: 'string' },
      kind: { type: kinds, required: true },
      title: { type: 'string', required: true },
      description: { type: 'string', required: true, default: '' },
      /** UTC instants (ISO), computed from the Paris wall-clock times the organizer entered. */
      startsAt: { type: 'string', required: true },
      endsAt: { type: 'string', required: true },
      address: { type: 'string', required: true },
      lat: { type: 'number' },
      lon: { type: 'number' },
      visibility: { type: visibilities, required: true },
      /** A wave's training: the federations whose web referents it is for. */
      forFederations: { type: 'set', items: 'string' },
      capacity: { type: 'number' },
      /** Shards of the « je viens » counter (ADR 0011): more for big events, so no counter item is hot. */
      goingShards: { type: 'number', required: true },
      status: { type: ['published', 'cancelled'] as const, required: true, default: 'published' },
      organizerId: { type: 'string', required: true },
      organizerName: { type: 'string', required: true },
      /** Bumped on every change that attendees are told about (edits, cancellation). */
      revision: { type: 'number', required: true, default: 1 },
      /** When the latest revision was made: who answered after it saw it, and is not told of it. */
      revisedAt: { type: 'string' },
      announce: { type: 'boolean', required: true, default: false },
      hasReport: { type: 'boolean', required: true, default: false },
      createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['eventId'] }, sk: { field: 'sk', composite: [] } },
      // A space's agenda, in time order.
      bySpace: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['spaceKey'] },
        sk: { field: 'gsi1sk', composite: ['startsAt', 'eventId'] },
      },
    },
  },
  entityConfig,
);

/** A time slot of a volunteer need: « samedi 9h–11h, 3 militants ». Same partition as its event. */
export const SlotEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'slot', version: '1' },
    attributes: {
      eventId: { type: 'string', required: true },
      slotId: { type: 'string', required: true },
      label: { type: 'string' },
      startsAt: { type: 'string', required: true },
      endsAt: { type: 'string', required: true },
      needed: { type: 'number', required: true },
      shards: { type: 'number', required: true },
    },
    indexes: {
      byEvent: { pk: { field: 'pk', composite: ['eventId'] }, sk: { field: 'sk', composite: ['slotId'] } },
    },
  },
  entityConfig,
);

/** Someone's answer to an event (a person, or a visitor of a public event with `visitor-…` id). */
export const AttendanceEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'attendance', version: '1' },
    attributes: {
      eventId: { type: 'string', required: true },
      attendeeId: { type: 'string', required: true },
      userId: { type: 'string' },
      name: { type: 'string', required: true },
      email: { type: 'string', required: true },
      state: { type: rsvpStates, required: true },
      /** The counter shard holding this person's place, while `going` on an event with a counter. */
      shard: { type: 'number' },
      startsAt: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /** A visitor's consent (issue 14 § 3): the version of the public-answer text agreed to, and when (ticked on the form). */
      consentVersion: { type: 'string' },
      consentedAt: { type: 'string' },
      /** A visitor's answer: erased 30 days after the event (TTL; reads filter it out before that runs). */
      expiresAt: { type: 'number' },
    },
    indexes: {
      byEvent: { pk: { field: 'pk', composite: ['eventId'] }, sk: { field: 'sk', composite: ['attendeeId'] } },
      // My agenda: what I attend or might, in time order.
      byAttendee: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['attendeeId'] },
        sk: { field: 'gsi1sk', composite: ['startsAt', 'eventId'] },
      },
    },
  },
  entityConfig,
);

/** The waiting list of a full event, first come first served (its own partition key: no filter to read the head). */
export const WaitingEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'waiting', version: '1' },
    attributes: {
      eventId: { type: 'string', required: true },
      since: { type: 'string', required: true },
      attendeeId: { type: 'string', required: true },
    },
    indexes: {
      byEvent: { pk: { field: 'pk', composite: ['eventId'] }, sk: { field: 'sk', composite: ['since', 'attendeeId'] } },
    },
  },
  entityConfig,
);

/** A volunteer's sign-up to one slot. */
export const SlotSignupEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'slotSignup', version: '1' },
    attributes: {
      eventId: { type: 'string', required: true },
      slotId: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      email: { type: 'string', required: true },
      shard: { type: 'number', required: true },
      startsAt: { type: 'string', required: true },
      at: { type: 'string', required: true },
    },
    indexes: {
      byEvent: { pk: { field: 'pk', composite: ['eventId'] }, sk: { field: 'sk', composite: ['slotId', 'userId'] } },
      // My agenda: the slots I signed up to.
      byPerson: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['userId'] },
        sk: { field: 'gsi1sk', composite: ['startsAt', 'eventId', 'slotId'] },
      },
    },
  },
  entityConfig,
);

/**
 * One shard of a capacity counter (a slot's volunteers, an event's « je viens »). Each shard has its
 * own partition key and its own share of the capacity: a sign-up takes a place in one shard with
 * `taken < places`, so the total never exceeds the capacity and no single item takes every write.
 */
export const CapacityShardEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'capacityShard', version: '1' },
    attributes: {
      counterId: { type: 'string', required: true },
      shard: { type: 'number', required: true },
      /** This shard's share of the capacity; absent when there is no limit (counting only). */
      places: { type: 'number' },
      taken: { type: 'number', required: true, default: 0 },
      /** Of `taken`, the places held for visitors who have not confirmed yet (they are not « coming »). */
      held: { type: 'number' },
    },
    indexes: {
      byShard: { pk: { field: 'pk', composite: ['counterId', 'shard'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  entityConfig,
);

/**
 * A visitor's answer waiting for confirmation from their mailbox (in the event's partition, one per
 * address): it holds a place (`shard`) until `until`, and becomes an attendance only when confirmed.
 */
export const VisitorHoldEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'visitorHold', version: '1' },
    attributes: {
      eventId: { type: 'string', required: true },
      attendeeId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      email: { type: 'string', required: true },
      answer: { type: rsvpStates, required: true },
      /** The counter shard holding the place, when the answer is « je viens » and a place was left. */
      shard: { type: 'number' },
      /** ISO instant: after it the hold lapses and its place is given back. */
      until: { type: 'string', required: true },
      /** A visitor's consent (issue 14 § 3): the version of the public-answer text agreed to, and when (ticked on the form), carried to the answer when confirmed. */
      consentVersion: { type: 'string' },
      consentedAt: { type: 'string' },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byEvent: { pk: { field: 'pk', composite: ['eventId'] }, sk: { field: 'sk', composite: ['attendeeId'] } },
    },
  },
  entityConfig,
);

/** The holds of an event in the order they lapse (their own partition key: one Query finds the lapsed ones). */
export const HoldLapseEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'holdLapse', version: '1' },
    attributes: {
      eventId: { type: 'string', required: true },
      until: { type: 'string', required: true },
      attendeeId: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byEvent: { pk: { field: 'pk', composite: ['eventId'] }, sk: { field: 'sk', composite: ['until', 'attendeeId'] } },
    },
  },
  entityConfig,
);

/** A private calendar feed: its secret token is the whole credential; deleting the item revokes it. */
export const CalendarFeedEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'calendarFeed', version: '1' },
    attributes: {
      token: { type: 'string', required: true },
      feedId: { type: 'string', required: true },
      ownerId: { type: 'string', required: true },
      scopeType: { type: ['national', 'federation', 'section', 'group', 'me'] as const, required: true },
      scopeId: { type: 'string' },
      createdAt: { type: 'string', required: true },
    },
    indexes: {
      byToken: { pk: { field: 'pk', composite: ['token'] }, sk: { field: 'sk', composite: [] } },
      byOwner: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['ownerId'] }, sk: { field: 'gsi1sk', composite: ['feedId'] } },
    },
  },
  entityConfig,
);

/**
 * « This mail was sent »: created with a condition before sending, so a job run twice (redelivery,
 * retry, two schedulers) never mails the same person twice for the same thing.
 */
export const MailReceiptEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'mailReceipt', version: '1' },
    attributes: {
      /** `announcement`, `reminder`, `change-<revision>`, `promoted-<since>`. */
      topic: { type: 'string', required: true },
      eventId: { type: 'string', required: true },
      recipient: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /**
       * An announcement claimed, its mail not known to be sent yet: until when its sender holds it
       * (epoch seconds; ADR 0013). Absent once sent, and on every other topic's receipts.
       */
      leaseUntil: { type: 'number' },
    },
    indexes: {
      byRecipient: { pk: { field: 'pk', composite: ['eventId', 'topic', 'recipient'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  entityConfig,
);

/**
 * One audience of an event's announcement, sent page by page (ADR 0013): a section, a federation or
 * a group — a national announcement has one task per federation. Created by the `event-mails` job,
 * consumed from the table stream by `event-announcements`; `cursor` is where the next page starts,
 * moved by a conditional write after each page. A run that nears its timeout hands over to a new
 * task (`seq + 1`) starting from the cursor.
 */
export const AnnouncementTaskEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'announcementTask', version: '1' },
    attributes: {
      eventId: { type: 'string', required: true },
      scopeType: { type: ['section', 'federation', 'group'] as const, required: true },
      scopeId: { type: 'string', required: true },
      seq: { type: 'number', required: true },
      cursor: { type: 'string' },
      done: { type: 'boolean', required: true, default: false },
      /** Pages committed, people read and mails sent: counted once per page (the cursor's condition). */
      pages: { type: 'number', required: true, default: 0 },
      processed: { type: 'number', required: true, default: 0 },
      sent: { type: 'number', required: true, default: 0 },
    },
    indexes: {
      byEvent: { pk: { field: 'pk', composite: ['eventId'] }, sk: { field: 'sk', composite: ['scopeType', 'scopeId', 'seq'] } },
    },
  },
  entityConfig,
);

export const eventsService = new Service({
  event: EventEntity,
  slot: SlotEntity,
  attendance: AttendanceEntity,
  waiting: WaitingEntity,
  signup: SlotSignupEntity,
  shard: CapacityShardEntity,
  hold: VisitorHoldEntity,
  lapse: HoldLapseEntity,
  receipt: MailReceiptEntity,
  announcementTask: AnnouncementTaskEntity,
});

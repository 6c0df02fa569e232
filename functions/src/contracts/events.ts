import * as z from 'zod';
import { Email, Instant, PersonName, UserId, pageOf, lineText, proseText } from './common';
import { PartySpaceRef as Space, SpaceId } from './spaces';

// Where an event belongs: a party space or a group (the one space model, contracts/spaces.ts).
export { PartySpaceType as SpaceType, SpaceId, PartySpaceRef as Space } from './spaces';

export const EventKind = z.enum(['reunion', 'tractage', 'porte-a-porte', 'meeting', 'formation', 'autre']);
export type EventKind = z.infer<typeof EventKind>;

/** Who sees the event: everyone (public page), every signed-in person, members (adhérents), the section only. */
export const EventVisibility = z.enum(['public', 'supporters', 'members', 'section']);
export type EventVisibility = z.infer<typeof EventVisibility>;
/** What an event may be shown as: also `referents`, a rollout wave's training (made with its wave, never through this API). */
export const ShownVisibility = z.enum([...EventVisibility.options, 'referents']);

export const EventId = z.string().regex(/^[a-z0-9]{20,40}$/, 'identifiant d’événement');
export const SlotId = z.string().regex(/^[a-z0-9]{4,40}$/, 'identifiant de créneau');

const Address = lineText({ min: 3, max: 300 });
const Latitude = z.number().min(-90, 'une latitude va de -90 à 90').max(90, 'une latitude va de -90 à 90');
const Longitude = z.number().min(-180, 'une longitude va de -180 à 180').max(180, 'une longitude va de -180 à 180');
const together = { message: 'latitude et longitude vont ensemble', path: ['lat'] };

export const Place = z
  .object({ address: Address, lat: Latitude.optional(), lon: Longitude.optional() })
  .refine((p) => (p.lat === undefined) === (p.lon === undefined), together)
  .meta({ id: 'Place' });

/** A place as an edit gives it: `lat` and `lon` both null remove its map point; both absent keep it. */
export const PlaceChange = z
  .object({ address: Address, lat: Latitude.nullable().optional(), lon: Longitude.nullable().optional() })
  .refine((p) => (p.lat === undefined) === (p.lon === undefined) && (p.lat === null) === (p.lon === null), together)
  .meta({ id: 'PlaceChange' });

// Requests name a span `start`/`end` (instants, ADR 0019); answers give it as `startsAt`/`endsAt`.
export const NewSlot = z.object({
  start: Instant,
  end: Instant,
  /** How many volunteers the organizer needs in this slot. */
  needed: z.number().int().min(1, 'au moins 1').max(500, 'au plus 500'),
  label: lineText({ max: 120 }).optional(),
});

const Title = lineText({ min: 3, max: 140 });
const Description = proseText({ max: 5000 });
const Capacity = z.number().int().min(1, 'au moins 1').max(100_000);

export const CreateEventRequest = z
  .object({
    space: Space,
    kind: EventKind,
    title: Title,
    description: Description.default(''),
    start: Instant,
    end: Instant,
    place: Place,
    visibility: EventVisibility,
    /** Places for « je viens »; absent: no limit. Beyond it, people join the waiting list. */
    capacity: Capacity.optional(),
    slots: z.array(NewSlot).max(24, 'au plus 24 créneaux').default([]),
    /** Email the space's members about it (respecting their choices, with an unsubscribe link). */
    announce: z.boolean().default(false),
  })
  .meta({ id: 'CreateEventRequest' });
export type CreateEventRequest = z.infer<typeof CreateEventRequest>;

export const UpdateEventRequest = z
  .object({
    title: Title.optional(),
    description: Description.optional(),
    start: Instant.optional(),
    end: Instant.optional(),
    place: PlaceChange.optional(),
    kind: EventKind.optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'au moins un champ à modifier' })
  .meta({ id: 'UpdateEventRequest' });
export type UpdateEventRequest = z.infer<typeof UpdateEventRequest>;

export const RsvpAnswer = z.enum(['going', 'maybe', 'no']);
export type RsvpAnswer = z.infer<typeof RsvpAnswer>;
/** Where a person stands: `waiting` when they said « je viens » on a full event. */
export const RsvpState = z.enum(['going', 'maybe', 'no', 'waiting']);
export type RsvpState = z.infer<typeof RsvpState>;

export const RsvpRequest = z.object({ answer: RsvpAnswer }).meta({ id: 'RsvpRequest' });
export const VisitorRsvpRequest = z
  .object({
    name: PersonName,
    email: Email,
    answer: RsvpAnswer,
    consent: z.literal(true, 'votre accord est nécessaire pour que nous gardions votre nom et votre adresse'),
  })
  .meta({ id: 'VisitorRsvpRequest' });

export const SlotView = z
  .object({
    id: SlotId,
    label: z.string().nullable(),
    startsAt: Instant,
    endsAt: Instant,
    needed: z.number().int(),
    taken: z.number().int(),
    /** needed − taken: « il manque 3 militants samedi 11h ». */
    missing: z.number().int(),
    mine: z.boolean(),
  })
  .meta({ id: 'Slot' });
export type SlotView = z.infer<typeof SlotView>;

export const EventSummary = z
  .object({
    id: EventId,
    space: Space.extend({ name: z.string() }),
    kind: EventKind,
    title: z.string(),
    startsAt: Instant,
    endsAt: Instant,
    address: z.string(),
    visibility: ShownVisibility,
    status: z.enum(['published', 'cancelled']),
  })
  .meta({ id: 'EventSummary' });
export type EventSummary = z.infer<typeof EventSummary>;

export const EventDetail = EventSummary.extend({
  description: z.string(),
  place: Place,
  organizer: z.object({ userId: UserId, name: z.string() }),
  capacity: z.number().int().nullable(),
  going: z.number().int(),
  /** My answer (null: none yet); absent for a visitor. */
  myRsvp: RsvpState.nullable(),
  slots: z.array(SlotView),
  /** Whether the caller may edit, cancel and report on it. */
  canManage: z.boolean(),
  hasReport: z.boolean(),
  /** For its organizers, when it was announced by mail: mails sent so far, and whether every audience is done. */
  announcement: z.object({ sent: z.number().int(), done: z.boolean() }).nullable(),
}).meta({ id: 'EventDetail' });
export type EventDetail = z.infer<typeof EventDetail>;

export const PublicEvent = EventSummary.extend({
  description: z.string(),
  place: Place,
  organizerName: z.string(),
  capacity: z.number().int().nullable(),
  going: z.number().int(),
}).meta({ id: 'PublicEvent' });

export const AgendaPage = pageOf(EventSummary, 'AgendaPage');
/** A space's agenda, and whether the caller may organize there (« Proposer un événement », ADR 0021). */
export const SpaceAgendaPage = pageOf(EventSummary, 'SpaceAgendaPage').extend({ canOrganize: z.boolean() });
export const MyAgendaEntry = EventSummary.extend({ myRsvp: RsvpState.nullable(), mySlots: z.array(SlotId) }).meta({ id: 'MyAgendaEntry' });
export const MyAgenda = z.object({ items: z.array(MyAgendaEntry) }).meta({ id: 'MyAgenda' });

export const AgendaQuery = z.object({
  /** From this Paris day on (default: today). */
  from: z.iso.date().optional(),
  cursor: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const RsvpResult = z.object({ state: RsvpState, going: z.number().int() }).meta({ id: 'RsvpResult' });
export const SlotSignupResult = z.object({ slot: SlotView }).meta({ id: 'SlotSignupResult' });

export const Attendee = z.object({
  name: z.string(),
  /** Null for visitors (who have no account). */
  userId: z.string().nullable(),
  state: RsvpState.or(z.literal('volunteer')),
  slotId: SlotId.nullable(),
  at: Instant,
});
export const AttendeeList = z.object({ items: z.array(Attendee) }).meta({ id: 'AttendeeList' });

// ——— Calendar feeds ———
export const CalendarFeedScope = z.object({ type: z.enum(['national', 'federation', 'section', 'group', 'me']), id: SpaceId.optional() });
export const CreateFeedRequest = z.object({ scope: CalendarFeedScope }).meta({ id: 'CreateFeedRequest' });
export const CalendarFeed = z
  .object({
    id: z.string(),
    scope: CalendarFeedScope,
    /** Secret path of the feed (`/api/calendar/<token>.ics`): anyone holding it can read the feed until it is revoked. */
    path: z.string(),
    createdAt: Instant,
  })
  .meta({ id: 'CalendarFeed' });
export const CalendarFeedList = z.object({ items: z.array(CalendarFeed) }).meta({ id: 'CalendarFeedList' });
export const FeedToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}\.ics$/, 'lien d’agenda');
export const ICalendarText = z.string().meta({ description: 'iCalendar (RFC 5545)' });

// ——— Field reports ———
const Count = z.number().int().min(0, 'au moins 0').max(1_000_000, 'au plus 1 000 000');
export const ReportRequest = z
  .object({
    leaflets: Count,
    doors: Count,
    peopleReached: Count,
    contacts: Count,
    remarks: proseText({ max: 5000 }).default(''),
  })
  .meta({ id: 'ReportRequest' });
export type ReportRequest = z.infer<typeof ReportRequest>;
export const Report = ReportRequest.extend({ eventId: EventId, author: z.string(), updatedAt: Instant }).meta({ id: 'Report' });

/**
 * The most one report may give for each figure, set per stage (infra/config.ts, `reportCeilings`):
 * a report beyond it is a 400 naming the field, so one report cannot swamp the national totals.
 */
export const ReportCeilings = z
  .object({
    leaflets: z.number().int().min(1),
    doors: z.number().int().min(1),
    peopleReached: z.number().int().min(1),
    contacts: z.number().int().min(1),
  })
  .strict();
export type ReportCeilings = z.infer<typeof ReportCeilings>;
export const defaultReportCeilings: ReportCeilings = { leaflets: 20_000, doors: 2_000, peopleReached: 5_000, contacts: 2_000 };

/** Party levels roll up section → federation → region → national; a group's reports count in the group only. */
export const ReportLevel = z.enum(['section', 'federation', 'region', 'national', 'group']);
export type ReportLevel = z.infer<typeof ReportLevel>;
export const Totals = z.object({ reports: z.number().int(), leaflets: z.number().int(), doors: z.number().int(), peopleReached: z.number().int(), contacts: z.number().int() });
export type Totals = z.infer<typeof Totals>;
export const Month = z.string().regex(/^\d{4}-\d{2}$/, 'mois attendu (AAAA-MM)');
export const RollupQuery = z.object({ month: Month.optional() });
export const ReportLine = Totals.omit({ reports: true })
  .extend({
    eventId: EventId,
    title: z.string(),
    /** The event's space (« Mulhouse », « Haut-Rhin », « Groupe Santé »). */
    spaceName: z.string(),
    reporter: z.object({ userId: UserId, name: z.string() }),
    /** What the reporter wrote beside the figures (« pluie, marché à moitié vide »). */
    remarks: z.string(),
    updatedAt: Instant,
  })
  .meta({ id: 'ReportLine' });
export type ReportLine = z.infer<typeof ReportLine>;
export const Rollup = z
  .object({
    level: ReportLevel,
    id: z.string(),
    name: z.string(),
    month: Month,
    /** This level's totals, month by month (last 12 months, oldest first). */
    history: z.array(Totals.extend({ month: Month })),
    /** Each child (federations of a region, sections of a federation…) for `month`. */
    children: z.array(Totals.extend({ level: ReportLevel, id: z.string(), name: z.string() })),
    /** Children with no report for `month`. */
    notReported: z.array(z.object({ id: z.string(), name: z.string() })),
    /** Who reported what for `month` in this level: each report, its event and its reporter (first 100). */
    reports: z.array(ReportLine),
    /** More than these 100 reports this month. */
    moreReports: z.boolean(),
  })
  .meta({ id: 'Rollup' });
export type Rollup = z.infer<typeof Rollup>;

export const UnsubscribeToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'lien de désinscription');


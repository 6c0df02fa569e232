import { Entity, Service } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';

/**
 * Rollout entities: preregistrations, open territories, waves and their sending, the funnel counters.
 * Access patterns: docs/ACCESS_PATTERNS.md § Rollout; the sending protocol: ADR 0009, sent by the bulk-mail engine (ADR 0016).
 */
const config = { table: tableName, client: documentClient };

/**
 * Someone waiting for their territory to open. Personal data: kept until a set time after the wave
 * that opened their territory (`expiresAt`, DynamoDB TTL), erased at once on request.
 */
export const PreregistrationEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'preregistration', version: '1' },
    attributes: {
      email: { type: 'string', required: true },
      /** Secret of the links in every mail (confirm, see, export, erase, unsubscribe). */
      token: { type: 'string', required: true },
      postalCode: { type: 'string', required: true },
      communeName: { type: 'string', required: true },
      federationCode: { type: 'string', required: true },
      federationName: { type: 'string', required: true },
      regionCode: { type: 'string' },
      regionName: { type: 'string' },
      kind: { type: ['member', 'supporter'] as const, required: true },
      status: { type: ['pending', 'confirmed'] as const, required: true },
      consentAt: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      confirmedAt: { type: 'string' },
      /** The wave whose launch mail reached them. */
      emailedBy: { type: 'string' },
      /** Last « déjà pré-inscrit·e » mail: at most one an hour, whoever fills the form. */
      remindedAt: { type: 'string' },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byEmail: { pk: { field: 'pk', composite: ['email'] }, sk: { field: 'sk', composite: [] } },
      // The recipients of a territory: one query per page, confirmed ones first by status.
      byFederation: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['federationCode'] },
        sk: { field: 'gsi1sk', composite: ['status', 'email'] },
      },
      byToken: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['token'] }, sk: { field: 'gsi2sk', composite: [] } },
    },
  },
  config,
);

/** A federation open to sign-up, and the wave that opened it. At most ~110 items. */
export const TerritoryOpeningEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'territoryOpening', version: '1' },
    attributes: {
      federationCode: { type: 'string', required: true },
      regionCode: { type: 'string' },
      waveId: { type: 'string', required: true },
      openedAt: { type: 'string', required: true },
    },
    indexes: {
      byFederation: { pk: { field: 'pk', composite: ['federationCode'] }, sk: { field: 'sk', composite: [] } },
      all: { index: 'gsi1', pk: { field: 'gsi1pk', composite: [] }, sk: { field: 'gsi1sk', composite: ['federationCode'] } },
    },
  },
  config,
);

const waveCounters = {
  /** Confirmed preregistrations of its territories when it opened. */
  recipients: { type: 'number', required: true, default: 0 },
  sent: { type: 'number', required: true, default: 0 },
  failed: { type: 'number', required: true, default: 0 },
  /** Not sent: the address had bounced, complained or unsubscribed before. */
  suppressed: { type: 'number', required: true, default: 0 },
  bounced: { type: 'number', required: true, default: 0 },
  complained: { type: 'number', required: true, default: 0 },
  unsubscribed: { type: 'number', required: true, default: 0 },
  tasksTotal: { type: 'number', required: true, default: 0 },
  tasksDone: { type: 'number', required: true, default: 0 },
} as const;

export const WaveEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'wave', version: '1' },
    attributes: {
      waveId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      regionCodes: { type: 'list', items: { type: 'string' }, required: true },
      federationCodes: { type: 'list', items: { type: 'string' }, required: true },
      opensAt: { type: 'string', required: true },
      trainings: {
        type: 'list',
        required: true,
        items: {
          type: 'map',
          properties: {
            title: { type: 'string', required: true },
            startsAt: { type: 'string', required: true },
            place: { type: 'string', required: true },
            /** The training's event in the national space (ADR 0023). */
            eventId: { type: 'string' },
          },
        },
      },
      status: { type: ['draft', 'scheduled', 'sending', 'done'] as const, required: true },
      createdBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
      deployedAt: { type: 'string' },
      /** Who deployed it, by name: the launch mail's human signature. */
      deployedByName: { type: 'string' },
      openedAt: { type: 'string' },
      finishedAt: { type: 'string' },
      ...waveCounters,
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['waveId'] }, sk: { field: 'sk', composite: [] } },
      all: { index: 'gsi1', pk: { field: 'gsi1pk', composite: [] }, sk: { field: 'gsi1sk', composite: ['createdAt', 'waveId'] } },
    },
  },
  config,
);

/**
 * The sending of one federation's launch mails for a wave. Its creation (stream INSERT) starts the
 * wave-sender job; `cursor` is where the last committed page ended. A sender that runs out of time
 * writes the next `seq` to go on in a new invocation.
 */
export const WaveTaskEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'waveTask', version: '1' },
    attributes: {
      waveId: { type: 'string', required: true },
      federationCode: { type: 'string', required: true },
      seq: { type: 'number', required: true },
      cursor: { type: 'string' },
      done: { type: 'boolean', required: true, default: false },
      /** Opening time of the wave, for the preregistrations' retention. */
      openedAt: { type: 'string', required: true },
      processed: { type: 'number', required: true, default: 0 },
      sent: { type: 'number', required: true, default: 0 },
      failed: { type: 'number', required: true, default: 0 },
      suppressed: { type: 'number', required: true, default: 0 },
      /** When a sender last wrote this task (created, committed a page): a task long untouched and not done has stalled. */
      touchedAt: { type: 'number', default: () => Math.floor(Date.now() / 1000) },
    },
    indexes: {
      byWave: { pk: { field: 'pk', composite: ['waveId'] }, sk: { field: 'sk', composite: ['federationCode', 'seq'] } },
    },
  },
  config,
);

/**
 * One launch mail: claimed before it is sent (`sending`, with a lease), then `sent` or `failed`.
 * Keyed by wave and recipient (a hash of the address, also the SES tag), so a redelivered task finds
 * what was done. Each delivery is its own partition: no hot key at 200 mails/s.
 */
export const DeliveryEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'waveDelivery', version: '1' },
    attributes: {
      waveId: { type: 'string', required: true },
      recipient: { type: 'string', required: true },
      state: { type: ['sending', 'sent', 'failed'] as const, required: true },
      leaseUntil: { type: 'number', required: true },
      messageId: { type: 'string' },
      error: { type: 'string' },
      /** What SES reported after delivery: counted once on the wave. */
      feedback: { type: ['bounce', 'complaint'] as const },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byRecipient: { pk: { field: 'pk', composite: ['waveId', 'recipient'] }, sk: { field: 'sk', composite: [] } },
    },
  },
  config,
);

/**
 * The funnel of a federation: preregistered → confirmed → emailed → signed up → active. Counters
 * without defaults: they are only ever added to (upserts), never written whole.
 */
export const FunnelEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'rolloutFunnel', version: '1' },
    attributes: {
      federationCode: { type: 'string', required: true },
      preregistered: { type: 'number' },
      confirmed: { type: 'number' },
      withdrawn: { type: 'number' },
      /** Confirmed, not yet mailed nor withdrawn: the recipients a wave opening now would have. */
      waiting: { type: 'number' },
      emailed: { type: 'number' },
      signedUp: { type: 'number' },
      active: { type: 'number' },
    },
    indexes: { byFederation: { pk: { field: 'pk', composite: ['federationCode'] }, sk: { field: 'sk', composite: [] } } },
  },
  config,
);

/** Sign-ups per day of a scope (`national`, `region:44`, `federation:68`): the chart, one query. */
export const SignupDayEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'signupDay', version: '1' },
    attributes: {
      scope: { type: 'string', required: true },
      day: { type: 'string', required: true },
      count: { type: 'number' },
    },
    indexes: { byScope: { pk: { field: 'pk', composite: ['scope'] }, sk: { field: 'sk', composite: ['day'] } } },
  },
  config,
);

/** Marks a person counted in the funnel (sign-up, activation): the stats consumer counts each once. */
export const FunnelMarkEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'funnelMark', version: '1' },
    attributes: {
      userId: { type: 'string', required: true },
      step: { type: ['signedUp', 'active'] as const, required: true },
    },
    indexes: { byPerson: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: ['step'] } } },
  },
  config,
);

export const rollout = new Service({
  preregistration: PreregistrationEntity,
  opening: TerritoryOpeningEntity,
  wave: WaveEntity,
  task: WaveTaskEntity,
  delivery: DeliveryEntity,
  funnel: FunnelEntity,
  signupDay: SignupDayEntity,
  mark: FunnelMarkEntity,
});

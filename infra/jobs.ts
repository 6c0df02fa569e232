import type { FeatureAccess } from './feature-access';

/**
 * How a job is started:
 * - `schedule`: one-off schedules made at run time through EventBridge Scheduler (a wave's opening,
 *   an event's reminders); the schedule's input is the handler's event.
 * - `stream`: a consumer of the table's stream, for items of the given ElectroDB entities
 *   (`__edb_e__`) and change kinds; in AWS an event source mapping with that filter, locally the
 *   worker reads DynamoDB Local's stream with the same filter.
 * - `mail-feedback`: SES's events for the configuration set (send, bounce, complaint), through SNS
 *   and an SQS queue in AWS; locally the SES emulator's front (infra/local/ses-events.ts).
 */
export type JobTrigger =
  | { kind: 'schedule' }
  | { kind: 'stream'; entities: readonly string[]; changes: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[]; batchSize: number }
  | { kind: 'mail-feedback' }
  // Social (issue 5): a recurring rule (EventBridge `rate(...)` or `cron(...)`); locally an interval in the worker.
  | { kind: 'rate'; expression: `rate(${string})` | `cron(${string})`; everyMs: number };

export interface JobFunction {
  /** Module exporting `handler`, relative to the repository root. */
  entry: string;
  description: string;
  trigger: JobTrigger;
  /** What the function may touch (see feature-access.ts). */
  access: FeatureAccess;
  timeoutSeconds: number;
  memorySize: number;
}

/**
 * The one table of background jobs (functions/src/jobs/): CDK makes a function and its trigger for
 * each, and the local stack's worker (infra/local/worker.ts) runs the same modules the same way.
 */
export const jobs = {
  // Opens a deployed wave at its date: its territories open, its sending tasks are queued.
  'wave-opening': {
    entry: 'functions/src/jobs/wave-opening.ts',
    description: 'Coopol job: opens a rollout wave at its date',
    trigger: { kind: 'schedule' },
    access: { table: 'readwrite' },
    timeoutSeconds: 60,
    memorySize: 512,
  },
  // Sends the launch mails of one territory of an opened wave, paced, resumable (ADR 0009).
  'wave-sender': {
    entry: 'functions/src/jobs/wave-sender.ts',
    description: 'Coopol job: sends the launch mails of a wave',
    trigger: { kind: 'stream', entities: ['waveTask'], changes: ['INSERT'], batchSize: 1 },
    access: { table: 'readwrite', mail: 'send', site: true },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
  // Counts sign-ups and activations in the rollout numbers (funnel, sign-ups per day).
  'rollout-stats': {
    entry: 'functions/src/jobs/rollout-stats.ts',
    description: 'Coopol job: rollout numbers (sign-ups, activations)',
    trigger: { kind: 'stream', entities: ['person'], changes: ['INSERT', 'MODIFY'], batchSize: 50 },
    access: { table: 'readwrite' },
    timeoutSeconds: 60,
    memorySize: 512,
  },
  // Records what SES says of each mail: accepted, bounced, complained (suppression).
  'mail-feedback': {
    entry: 'functions/src/jobs/mail-feedback.ts',
    description: 'Coopol job: SES sending events (suppression of bounces and complaints)',
    trigger: { kind: 'mail-feedback' },
    access: { table: 'readwrite' },
    timeoutSeconds: 30,
    memorySize: 512,
  },
  // Events (issue 6): an event's announcement to its space and the news of its changes, scheduled by its writes.
  'event-mails': {
    entry: 'functions/src/jobs/event-mails.ts',
    description: 'Coopol job: an event’s announcement and change mails',
    trigger: { kind: 'schedule' },
    access: { table: 'readwrite', mail: 'send', site: true },
    timeoutSeconds: 300,
    memorySize: 512,
  },
  // One audience of an event's announcement (a section, a federation, a group), page by page, paced, resumable (ADR 0013).
  'event-announcements': {
    entry: 'functions/src/jobs/event-announcements.ts',
    description: 'Coopol job: sends an event’s announcement to one audience, page by page',
    trigger: { kind: 'stream', entities: ['announcementTask'], changes: ['INSERT'], batchSize: 1 },
    access: { table: 'readwrite', mail: 'send', site: true },
    timeoutSeconds: 900,
    memorySize: 512,
  },
  // The day-before reminder of one event, to those coming or signed up to a slot.
  'event-reminders': {
    entry: 'functions/src/jobs/event-reminders.ts',
    description: 'Coopol job: an event’s day-before reminder',
    trigger: { kind: 'schedule' },
    access: { table: 'readwrite', mail: 'send', site: true },
    timeoutSeconds: 300,
    memorySize: 512,
  },

  // ——— Messages to a space's members (issue 16, ADR 0028) ———
  // One shard of a message, page by page, paced, resumable: the bulk-mail engine's own tasks (ADR 0016).
  'bulk-mail': {
    entry: 'functions/src/jobs/bulk-mail.ts',
    description: 'Coopol job: sends one shard of a message to a space’s members, page by page',
    trigger: { kind: 'stream', entities: ['bulkTask'], changes: ['INSERT'], batchSize: 1 },
    access: { table: 'readwrite', mail: 'send', site: true },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
  // A message's set time: it starts sending, unless it was cancelled.
  'mailing-send': {
    entry: 'functions/src/jobs/mailing-send.ts',
    description: 'Coopol job: starts a scheduled message to a space’s members',
    trigger: { kind: 'schedule' },
    // The message's post in its space, when asked: as its author (the posts' rules).
    access: { table: 'readwrite', mail: 'send', site: true, policy: true },
    timeoutSeconds: 300,
    memorySize: 512,
  },

  // ——— Social (issue 5) ———
  // Writes each new post of a section, group or profile into its readers' feeds (idempotent).
  'feed-fanout': {
    entry: 'functions/src/jobs/feed-fanout.ts',
    description: 'Coopol job: fans new posts out to their readers feeds',
    trigger: { kind: 'stream', entities: ['post'], changes: ['INSERT'], batchSize: 10 },
    access: { table: 'readwrite' },
    timeoutSeconds: 300,
    memorySize: 1024,
  },
  // Live messaging (issue 15, ADR 0029): the inboxes and unread totals follow each message and read
  // marker, and every open tab of the people concerned gets it through the WebSocket API — the
  // bell's count too, whenever it changes (a notification written by any job, one read elsewhere);
  // and who leaves a group or their section leaves its salon.
  'messaging-fanout': {
    entry: 'functions/src/jobs/messaging-fanout.ts',
    description: 'Coopol job: inboxes, unread totals and live pushes of messages and the bell',
    trigger: { kind: 'stream', entities: ['chatMessage', 'chatParticipant', 'notificationState', 'person'], changes: ['INSERT', 'MODIFY'], batchSize: 10 },
    access: { table: 'readwrite', realtime: 'push', messageMail: true },
    timeoutSeconds: 60,
    memorySize: 1024,
  },
  // Tells people: new comments on followed posts, friend requests, group requests and invitations.
  notifications: {
    entry: 'functions/src/jobs/notifications.ts',
    description: 'Coopol job: notifications (bell, immediate mails, digest markers)',
    trigger: { kind: 'stream', entities: ['comment', 'friendship', 'groupMember', 'groupInvitation', 'post'], changes: ['INSERT'], batchSize: 20 },
    access: { table: 'readwrite', mail: 'send', site: true },
    timeoutSeconds: 120,
    memorySize: 512,
  },
  // Keeps the search index (people, groups, sections, posts) in step with the table.
  'search-index': {
    entry: 'functions/src/jobs/search-index.ts',
    description: 'Coopol job: search index of people, groups, sections and posts',
    // REMOVE too: a deleted post's entries leave the index at once (a hidden one's leave on MODIFY).
    trigger: { kind: 'stream', entities: ['person', 'group', 'section', 'post'], changes: ['INSERT', 'MODIFY', 'REMOVE'], batchSize: 50 },
    access: { table: 'readwrite' },
    timeoutSeconds: 60,
    memorySize: 512,
  },
  // Every hour: the daily and weekly digests that are due, a page of people at a time.
  'notification-digests': {
    entry: 'functions/src/jobs/notification-digests.ts',
    description: 'Coopol job: daily and weekly notification digests',
    trigger: { kind: 'rate', expression: 'rate(1 hour)', everyMs: 3_600_000 },
    access: { table: 'readwrite', mail: 'send', site: true },
    timeoutSeconds: 900,
    memorySize: 512,
  },
  // Every minute: unread messages whose reader has been away long enough, told as their preferences say (ADR 0029).
  'message-mails': {
    entry: 'functions/src/jobs/message-mails.ts',
    description: 'Coopol job: mails unread messages to people who have been away',
    trigger: { kind: 'rate', expression: 'rate(1 minute)', everyMs: 60_000 },
    access: { table: 'readwrite', mail: 'send', site: true, messageMail: true },
    timeoutSeconds: 120,
    memorySize: 512,
  },
  // Files nobody can reach any more: an unattached upload's record gone by TTL, a deleted message's or post's files (ADR 0014).
  'attachment-cleanup': {
    entry: 'functions/src/jobs/attachment-cleanup.ts',
    description: 'Coopol job: deletes the files of deleted posts and messages and of uploads never attached',
    trigger: { kind: 'stream', entities: ['attachment', 'post', 'spaceDocument'], changes: ['REMOVE'], batchSize: 20 },
    access: { table: 'readwrite', files: 'readwrite' },
    timeoutSeconds: 60,
    memorySize: 256,
  },

  // ——— Privacy (issue 14, ADR 0024) ———
  // An erasure's (or an export's) sweep of the whole table and the bucket for one person, resumable at its cursors.
  'privacy-sweep': {
    entry: 'functions/src/jobs/privacy-sweep.ts',
    description: 'Coopol job: erasure and export sweeps of one person',
    trigger: { kind: 'stream', entities: ['sweepTask'], changes: ['INSERT'], batchSize: 1 },
    access: { table: 'sweep', userPool: 'accounts', files: 'readwrite', mail: 'send', site: true },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
} as const satisfies Record<string, JobFunction>;

export type JobName = keyof typeof jobs;
export const jobNames = Object.keys(jobs) as JobName[];

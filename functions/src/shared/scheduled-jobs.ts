/**
 * The jobs (infra/jobs.ts) that one-off schedules start (scheduler.ts); tests/infra checks they are
 * `schedule` jobs there. Apart from scheduler.ts, which reads its configuration at load.
 */
export const scheduledJobs = ['wave-opening', 'event-mails', 'event-reminders', 'mailing-send'] as const;
export type ScheduledJob = (typeof scheduledJobs)[number];

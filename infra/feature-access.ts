import type { Feature } from '../functions/src/contracts/route';

/**
 * What each feature's Lambda may touch, and nothing more. CoopolFunction turns each entry into IAM
 * grants and into the environment variables the function's modules read at load time, so a
 * permission and its variable always come together (tests/infra/api.test.ts checks that every
 * feature's bundle reads exactly the variables granted here).
 *
 * - table: `probe` one GetItem (health check) · `read` GetItem/BatchGetItem/Query (never Scan) ·
 *   `readwrite` read plus item writes (Put/Update/Delete, batches; transactions use these too) ·
 *   `sweep` readwrite plus Scan, for the account-erasure job alone (ADR 0024)
 * - userPool: `describe` DescribeUserPool (health check) · `client` the app client's public flows
 *   (sign-in, reset, TOTP: Cognito authorizes them by token, not IAM), so ids only · `accounts` the
 *   client's flows plus creating an account once its sign-up is confirmed (AdminCreateUser,
 *   AdminSetUserPassword, and AdminDeleteUser of an account left without a person; ADR 0015) and
 *   ending a person's sessions (AdminGetUser, AdminUserGlobalSignOut; ADR 0015 § Sessions)
 * - policy: the authorization rules' settings (OFFICIAL_MFA_REQUIRED)
 * - mail: `account` ses:GetAccount (health check) · `send` ses:SendEmail from the sender identity
 * - files: `probe` HeadBucket · `read` GetObject · `readwrite` Get/Put/DeleteObject
 * - site: the site's public origin (SITE_URL), for links in mails
 * - reports: the stage's ceilings of a field report's figures (REPORT_CEILINGS)
 * - mailings: the stage's approval threshold of messages to a space's members (MAILING_APPROVAL_THRESHOLD)
 * - messageMail: the minutes before an unread message is mailed to its offline reader (MESSAGE_MAIL_DELAY_MINUTES)
 * - documentQuota: the megabytes a space's shared documents may take (SPACE_DOCUMENT_QUOTA_MB)
 * - scheduler: `manage` one-off schedules of the scheduled jobs (EventBridge Scheduler) and passing their role
 * - realtime: `ticket` the live channel's address, given with its tickets (REALTIME_URL) · `push`
 *   PostToConnection on the WebSocket API's connections (REALTIME_ENDPOINT, execute-api:ManageConnections)
 */
export interface FeatureAccess {
  table?: 'probe' | 'read' | 'readwrite' | 'sweep';
  userPool?: 'describe' | 'client' | 'accounts';
  policy?: true;
  mail?: 'account' | 'send';
  files?: 'probe' | 'read' | 'readwrite';
  site?: true;
  reports?: true;
  mailings?: true;
  messageMail?: true;
  documentQuota?: true;
  scheduler?: 'manage';
  realtime?: 'ticket' | 'push';
}

export const featureAccess: Record<Feature, FeatureAccess> = {
  // Health check only: one cheap call to each dependency.
  platform: { table: 'probe', userPool: 'describe', mail: 'account', files: 'probe' },
  // Sign-up attempts and their code mails (links to the site); accounts created at confirmation;
  // sign-in, reset and TOTP through the app client; sign-in throttle and its unlock mail; ending every
  // session of a person (password reset, « déconnecter tous mes appareils »).
  identity: { table: 'readwrite', userPool: 'accounts', mail: 'send', site: true },
  // Profiles, member lists, roles; photos through presigned S3 forms.
  people: { table: 'readwrite', files: 'readwrite', policy: true },
  // The member file import.
  membership: { table: 'readwrite', policy: true },
  // Serves the geography and sections; writes happen in seeding jobs, not at request time.
  territory: { table: 'read' },
  // Preregistration (mails with links), waves (schedules of their opening), rollout numbers.
  rollout: { table: 'readwrite', mail: 'send', site: true, scheduler: 'manage', policy: true },
  // Events, slots, calendar feeds, field reports; the freed-place mail (links to the site); schedules of announcements and reminders.
  events: { table: 'readwrite', mail: 'send', site: true, scheduler: 'manage', policy: true, reports: true },
  // Visitors' answers to public events (no account): the confirmation mail and its links, the freed-place mail.
  visitors: { table: 'readwrite', mail: 'send', site: true },
  // Calendar feeds and .ics files (links back to the site); feeds are created and revoked here.
  calendar: { table: 'readwrite', site: true },
  // Social (issue 5): groups (invitations by mail), friends, notifications and their settings.
  social: { table: 'readwrite', mail: 'send', site: true },
  // Posts, comments, link previews (fetched by the function: it needs internet egress, not the VPC), the feed.
  posts: { table: 'readwrite', policy: true },
  // Search (people, groups, sections and their next events, posts): reads the index, never writes.
  search: { table: 'read' },
  // Files of posts, messages and a space's documents (within its quota): presigned uploads, the server's check of what arrived, short-lived download links.
  attachments: { table: 'readwrite', files: 'readwrite', policy: true, documentQuota: true },
  // Privacy rights (ADR 0024): erasure confirmed by the password (client flows, throttled as sign-in,
  // with its unlock mail) and effective at once (sessions ended, the Cognito account deleted); short
  // download links of exports' archives.
  privacy: { table: 'readwrite', userPool: 'accounts', files: 'readwrite', mail: 'send', site: true, policy: true },
  // Messages to a space's members (issue 16, ADR 0028): drafts, the reach, the test mail to oneself,
  // the sending's tasks (the bulk-mail job sends), schedules of a message at its time, one-click unsubscribes.
  mailings: { table: 'readwrite', mail: 'send', site: true, scheduler: 'manage', policy: true, mailings: true },
  // Live messaging (issue 15, ADR 0029): conversations, messages, read markers, the inbox; the
  // salons of sections and groups, which their officials open with TOTP (the policy's options).
  messaging: { table: 'readwrite', realtime: 'ticket', policy: true },
  // Texts and amendments (issue 17, ADR 0030): written and decided by who runs the space, with TOTP for officials.
  texts: { table: 'readwrite', policy: true },
};

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { Entity, type EntityItem } from 'electrodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BulkMail, BulkMailAdapter } from '../../functions/src/domain/mail/bulk/adapter';
import { allMails } from '../support/mail';
import { testStack, type TestStack } from '../support/stack';

// The bulk-mail engine itself (ADR 0016), through an adapter written here: an audience of 5,000
// fictitious people written straight into the table (a test-only entity: one partition, one Query a
// page), the engine's own tasks and receipts (bulkTask, bulkReceipt), and two senders started on the
// same task at once, as two deliveries of its stream record would be. Each recipient gets exactly one
// mail, counted in the SES emulator's store; the task ends done, each page counted once; the
// DynamoDB requests stay a constant number per page. Paced by the SES emulator's account rate (200
// mails/s in the test stack): about 25 s of sending.

const RECIPIENTS = 5000;
const run = randomUUID().slice(0, 8);
const email = (i: number) => `envoi-${run}-${i}@coopol.example`;
/** One in a hundred unsubscribed from bulk mail (suppressed), one in a hundred left out by the adapter (their choice). */
const unsubscribed = (i: number) => i % 100 === 1;
const optedOut = (i: number) => i % 100 === 2;

/** The test's audience: fictitious people of one list, a page per Query. */
const audienceEntity = (table: string, client: DynamoDBDocumentClient) =>
  new Entity(
    {
      model: { service: 'coopol', entity: 'bulkTestAudience', version: '1' },
      attributes: {
        list: { type: 'string', required: true },
        personId: { type: 'string', required: true },
        email: { type: 'string', required: true },
        givenName: { type: 'string', required: true },
        optedOut: { type: 'boolean', required: true },
      },
      indexes: { byList: { pk: { field: 'pk', composite: ['list'] }, sk: { field: 'sk', composite: ['personId'] } } },
    },
    { table, client },
  );
type Person = EntityItem<ReturnType<typeof audienceEntity>>;

let stack: TestStack;
let Audience: ReturnType<typeof audienceEntity>;

before(async () => {
  stack = testStack();
  const { documentClient, tableName } = await import('../../functions/src/shared/dynamodb');
  const { suppress } = await import('../../functions/src/domain/mail/suppression');
  Audience = audienceEntity(tableName, documentClient);
  const people = Array.from({ length: RECIPIENTS }, (_, i) => ({ list: run, personId: `p${String(i).padStart(5, '0')}`, email: email(i), givenName: `Essai${i}`, optedOut: optedOut(i) }));
  const { unprocessed } = await Audience.put(people).go({ concurrency: 4 });
  assert.equal(unprocessed.length, 0);
  for (let i = 0; i < RECIPIENTS; i++) if (unsubscribed(i)) await suppress(email(i), 'unsubscribe');
});

describe('the bulk-mail engine', () => {
  test(`${RECIPIENTS} recipients, two senders racing on one task: one mail each, the task done, a constant cost per page`, { timeout: 150_000 }, async () => {
    const { runBulkTask, BULK_PAGE_SIZE } = await import('../../functions/src/domain/mail/bulk/engine');
    const { bulkReceipts, bulkTaskProgress, createBulkTask, loadBulkTask } = await import('../../functions/src/domain/mail/bulk/stores');
    const { dynamodb } = await import('../../functions/src/shared/dynamodb');
    const { readingNothing } = await import('../../functions/src/shared/read-together');

    const mailing = { kind: 'message' as const, id: `essai-${run}` };
    const key = { mailing, shard: 'tous', seq: 0 };
    const adapter: BulkMailAdapter<Person> = {
      mailing,
      suppression: 'bulk',
      async audience(cursor, limit) {
        const page = await Audience.query.byList({ list: run }).go({ cursor, limit });
        return { recipients: page.data, next: page.cursor ?? null };
      },
      recipient: (p) => ({ id: p.personId, email: p.email }),
      mails: () =>
        readingNothing(
          Promise.resolve((p: Person): BulkMail | undefined =>
            p.optedOut ? undefined : { to: p.email, template: 'notification', data: { givenName: p.givenName, text: `Message d’essai ${run}`, url: 'https://coopol.example/', settingsUrl: 'https://coopol.example/notifications' } },
          ),
        ),
      receipts: bulkReceipts(mailing, 3600),
      ...bulkTaskProgress(key),
    };
    assert.equal(await createBulkTask(key), true);
    assert.equal(await createBulkTask(key), false, 'a task is created once');

    // Every DynamoDB request of both senders (this process); SES's Send events are recorded by the stack's.
    let requests = 0;
    dynamodb.middlewareStack.add((next) => (args) => ((requests += 1), next(args)), { step: 'initialize', name: 'bulkTestCount' });
    const started = performance.now();
    const plenty = () => 10 * 60_000;
    const results = await Promise.all([runBulkTask(adapter, null, plenty), runBulkTask(adapter, null, plenty)]);
    const seconds = (performance.now() - started) / 1000;
    dynamodb.middlewareStack.remove('bulkTestCount');

    // One carried the task to its end; the other stopped at the first page the first had committed.
    assert.deepEqual([...results].sort(), ['done', 'stopped']);
    const wanted = Array.from({ length: RECIPIENTS }, (_, i) => i).filter((i) => !unsubscribed(i) && !optedOut(i));
    const pages = Math.ceil(RECIPIENTS / BULK_PAGE_SIZE);
    const task = await loadBulkTask(key);
    assert.deepEqual(
      { done: task?.done, pages: task?.pages, processed: task?.processed, sent: task?.sent, suppressed: task?.suppressed, skipped: task?.skipped, failed: task?.failed },
      { done: true, pages, processed: RECIPIENTS, sent: wanted.length, suppressed: RECIPIENTS / 100, skipped: RECIPIENTS / 100, failed: 0 },
    );

    const received = new Map<string, number>();
    for (const mail of await allMails(stack)) {
      for (const to of mail.destination.to) if (to.startsWith(`envoi-${run}-`)) received.set(to, (received.get(to) ?? 0) + 1);
    }
    const missing = wanted.filter((i) => !received.has(email(i)));
    const twice = [...received].filter(([, count]) => count > 1);
    assert.deepEqual({ missing: missing.length, twice: twice.length }, { missing: 0, twice: 0 }, `missing: ${missing.slice(0, 5)}; twice: ${JSON.stringify(twice.slice(0, 5))}`);
    assert.equal(received.size, wanted.length, 'nobody suppressed or left out got one');

    // Per page: 1 Query, 2 BatchGetItem (receipts, suppressions), 1 claim and 1 commit transaction,
    // the send permits (an UpdateItem per batch, more when a second is spent) — whatever the audience's size.
    console.log(`bulk-mail engine: ${wanted.length} mails in ${seconds.toFixed(1)} s, ${requests} DynamoDB requests for ${pages} pages = ${(requests / pages).toFixed(1)} a page, ${(requests / RECIPIENTS).toFixed(3)} per recipient`);
    assert.ok(requests / pages <= 9, `${requests} requests for ${pages} pages`);
  });
});

// An adapter that reads the people's mail preferences (as announcements and messages do): the engine
// reads them with the page's receipts, in one BatchGetItem. Some people left this list's messages,
// some have a preference already, the others none: the sender makes theirs (two senders racing make
// each once). Who left gets nothing; everyone else one mail, whose link carries their stored secret.
describe('the bulk-mail engine with the people’s mail preferences', () => {
  const PEOPLE = 480;
  const left = (i: number) => i % 4 === 0;
  const known = (i: number) => i % 4 === 1;

  async function scenario(name: string, senders: number) {
    const { runBulkTask, BULK_PAGE_SIZE } = await import('../../functions/src/domain/mail/bulk/engine');
    const { bulkReceipts, bulkTaskProgress, createBulkTask, loadBulkTask } = await import('../../functions/src/domain/mail/bulk/stores');
    const { changeMailPreference, ensureMailPreferences, mailPreferencesOf, subscribed, subscriptionKey } = await import('../../functions/src/domain/mail/preferences');
    const { MailPreferenceEntity } = await import('../../functions/src/domain/mail/preference-entities');
    const { mapReading } = await import('../../functions/src/shared/read-together');
    const { dynamodb } = await import('../../functions/src/shared/dynamodb');

    const list = `${run}-${name}`;
    const address = (i: number) => `prefs-${list}-${i}@coopol.example`;
    const userId = (p: { personId: string }) => `${list}-${p.personId}`;
    const spaceKey = `liste:${list}`;
    const people = Array.from({ length: PEOPLE }, (_, i) => ({ list, personId: `p${String(i).padStart(5, '0')}`, email: address(i), givenName: `Essai${i}`, optedOut: false }));
    assert.equal((await Audience.put(people).go({ concurrency: 4 })).unprocessed.length, 0);
    const knownOnes = people.filter((_, i) => known(i)).map((p) => ({ userId: userId(p) }));
    for (let at = 0; at < knownOnes.length; at += 48) await ensureMailPreferences(knownOnes.slice(at, at + 48));
    for (const [i, p] of people.entries()) if (left(i)) await changeMailPreference(userId(p), { leave: [subscriptionKey(spaceKey, 'messages')], join: [] });

    const mailing = { kind: 'message' as const, id: `prefs-${list}` };
    const key = { mailing, shard: 'tous', seq: 0 };
    const adapter: BulkMailAdapter<Person> = {
      mailing,
      suppression: 'bulk',
      async audience(cursor, limit) {
        const page = await Audience.query.byList({ list }).go({ cursor, limit });
        return { recipients: page.data, next: page.cursor ?? null };
      },
      recipient: (p) => ({ id: p.personId, email: p.email }),
      mails: (page) =>
        mapReading(mailPreferencesOf(page.map((p) => ({ userId: userId(p) }))), async (made) => {
          const preferences = await made;
          return (p: Person): BulkMail | undefined => {
            const preference = preferences.get(userId(p))!;
            if (!subscribed(preference, spaceKey, 'messages')) return undefined;
            return { to: p.email, template: 'notification', data: { givenName: p.givenName, text: `Message d’essai ${list}`, url: `https://coopol.example/desinscription/messages/${preference.unsubscribeToken}`, settingsUrl: 'https://coopol.example/notifications' } };
          };
        }),
      receipts: bulkReceipts(mailing, 3600),
      ...bulkTaskProgress(key),
    };
    assert.equal(await createBulkTask(key), true);

    const batchGets = { count: 0 };
    const counter = `bulkTestBatchGets-${name}`;
    dynamodb.middlewareStack.add((next, context) => (args) => ((batchGets.count += context.commandName === 'BatchGetItemCommand' ? 1 : 0), next(args)), { step: 'initialize', name: counter });
    const results = await Promise.all(Array.from({ length: senders }, () => runBulkTask(adapter, null, () => 10 * 60_000)));
    dynamodb.middlewareStack.remove(counter);

    const wanted = people.filter((_, i) => !left(i));
    const task = await loadBulkTask(key);
    assert.deepEqual({ done: task?.done, sent: task?.sent, skipped: task?.skipped }, { done: true, sent: wanted.length, skipped: PEOPLE - wanted.length });
    // Each mail's link carries the secret stored in its person's preference: made once, whoever made it.
    const { data: stored } = await MailPreferenceEntity.get(people.map((p) => ({ userId: userId(p) }))).go({ consistent: true });
    const tokenOf = new Map(stored.map((s) => [s.userId.slice(list.length + 1), s.unsubscribeToken]));
    assert.equal(tokenOf.size, PEOPLE, 'everyone has a preference now');
    const received = new Map<string, string[]>();
    for (const mail of await allMails(stack)) {
      for (const to of mail.destination.to) if (to.startsWith(`prefs-${list}-`)) received.set(to, [...(received.get(to) ?? []), mail.body.html ?? '']);
    }
    assert.equal(received.size, wanted.length, 'who left this list’s messages got none');
    for (const p of wanted) {
      const mails = received.get(p.email) ?? [];
      assert.equal(mails.length, 1, `${p.email}: one mail`);
      assert.ok(mails[0]!.includes(`/desinscription/messages/${tokenOf.get(p.personId)}`), `${p.email}: the link carries the stored secret`);
    }
    return { results, batchGets: batchGets.count, pages: Math.ceil(PEOPLE / BULK_PAGE_SIZE) };
  }

  test(`${PEOPLE} people, one sender: 2 BatchGetItem a page (receipts with preferences, suppressions)`, { timeout: 60_000 }, async () => {
    const { results, batchGets, pages } = await scenario('seul', 1);
    assert.deepEqual(results, ['done']);
    assert.equal(batchGets, 2 * pages, `${batchGets} BatchGetItem for ${pages} pages`);
  });

  test(`${PEOPLE} people, two senders racing to make the missing preferences: each made once, one mail each`, { timeout: 60_000 }, async () => {
    const { results } = await scenario('course', 2);
    assert.deepEqual([...results].sort(), ['done', 'stopped']);
  });
});

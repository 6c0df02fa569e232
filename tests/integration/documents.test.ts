import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { uploadAttachment } from '../support/attachments';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';
import { until } from '../support/until';

// A space's shared documents (issue 17, ADR 0030), against the real handlers, the local S3 and the
// stream jobs: members of the Lille section share files there through the attachments' flow,
// read and download them; outsiders see nothing; the quota (1 MB per space in the tests: tests/run.ts)
// refuses what does not fit, and a removed document frees its room and its file.

const run = randomUUID().slice(0, 6).toUpperCase();
let stack: TestStack;
let member: TestPerson;
let otherMember: TestPerson;
let secretary: TestPerson;
let supporter: TestPerson;
let outsider: TestPerson;
const D = '/api/spaces/section/lille/documents';
const fields = (body: { details?: unknown }) => ((body.details ?? []) as { field: string }[]).map((d) => d.field);

/** A PDF of about `kb` kilobytes: its first bytes pass the server's signature check. */
const pdf = (kb: number, label = 'document') => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${label}\n`), Buffer.alloc(kb * 1024, 0x20)]);

type Doc = { id: string; folder: string; description: string; file: { id: string; name: string; size: number }; uploader: { displayName: string }; mayRemove: boolean };
type Page = { items: Doc[]; storage: { usedBytes: number; quotaBytes: number }; mayShare: boolean };
const list = async (who: TestPerson) => (await call(stack, who, 'GET', D)).body as unknown as Page;

before(async () => {
  stack = testStack();
  const person = (name: string, postalCode: string, extra: Record<string, unknown> = {}) =>
    createTestPerson(stack, { email: `docs-${name.normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase()}-${run.toLowerCase()}@coopol.example`, givenName: name, familyName: 'Documents', postalCode, ...extra });
  [member, otherMember, secretary, supporter, outsider] = await Promise.all([
    person('Agnès', '59000', { member: { memberNumber: `DC${run}1`, sectionId: 'lille' } }),
    person('Bruno', '59000', { member: { memberNumber: `DC${run}2`, sectionId: 'lille' } }),
    person('Chantal', '59000', { member: { memberNumber: `DC${run}3`, sectionId: 'lille' }, grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'lille' }], mfa: true }),
    person('Denis', '59000'),
    person('Estelle', '35000', { member: { memberNumber: `DC${run}4`, sectionId: 'rennes' } }),
  ]);
});

describe('a space’s documents', () => {
  test('a member shares a PDF in a folder; another downloads it; outsiders see nothing of it', async () => {
    const bytes = pdf(8, 'tract');
    const file = await uploadAttachment(stack, member, { name: `Tract marché ${run}.pdf`, contentType: 'application/pdf', bytes });
    const shared = await call(stack, member, 'POST', D, { attachments: [file], folder: 'Tracts', description: 'Le tract du marché de samedi.' });
    assert.equal(shared.status, 201, JSON.stringify(shared.body));
    const [doc] = shared.body.items as Doc[];
    assert.deepEqual([doc!.folder, doc!.description, doc!.file.name, doc!.mayRemove], ['Tracts', 'Le tract du marché de samedi.', `Tract marché ${run}.pdf`, true]);

    const seen = await list(otherMember);
    const listed = seen.items.find((d) => d.id === doc!.id);
    assert.ok(listed, 'another member sees it');
    assert.deepEqual([listed.uploader.displayName, listed.mayRemove, seen.mayShare], ['Agnès Documents', false, true]);
    assert.ok(seen.storage.usedBytes >= bytes.length && seen.storage.quotaBytes === 1024 * 1024, JSON.stringify(seen.storage));
    const link = await call(stack, otherMember, 'GET', `/api/attachments/${file}/link`);
    assert.equal(link.status, 200, JSON.stringify(link.body));
    const downloaded = await fetch(link.body.url as string);
    assert.equal(downloaded.status, 200);
    assert.ok(Buffer.from(await downloaded.arrayBuffer()).equals(bytes), 'the very bytes shared');
    assert.match(downloaded.headers.get('content-disposition') ?? '', /attachment/);

    // A supporter and another section's adhérent: the space and the file do not exist for them.
    for (const who of [supporter, outsider]) {
      assert.equal((await call(stack, who, 'GET', D)).status, 404);
      assert.equal((await call(stack, who, 'GET', `/api/attachments/${file}/link`)).status, 404);
      assert.equal((await call(stack, who, 'DELETE', `${D}/${doc!.id}`)).status, 404);
    }
    // Not a document of this space elsewhere either.
    assert.equal((await call(stack, outsider, 'DELETE', `/api/spaces/section/rennes/documents/${doc!.id}`)).status, 404);
  });

  test('bad input changes nothing: wrong types, an unknown file, someone else’s file, a blocked member', async () => {
    const before = (await list(member)).items.length;
    const malformed = await call(stack, member, 'POST', D, { attachments: 'tract.pdf', folder: 12 });
    assert.deepEqual([malformed.status, fields(malformed.body).sort()], [400, ['body.attachments', 'body.folder']]);
    const unknown = await call(stack, member, 'POST', D, { attachments: ['0'.repeat(20)] });
    assert.deepEqual([unknown.status, fields(unknown.body)], [400, ['body.attachments.0']]);
    const hers = await uploadAttachment(stack, member, { name: 'a-elle.pdf', contentType: 'application/pdf', bytes: pdf(1) });
    const taken = await call(stack, otherMember, 'POST', D, { attachments: [hers] });
    assert.deepEqual([taken.status, fields(taken.body)], [400, ['body.attachments.0']], 'another’s upload is not yours to share');
    const tooLong = await call(stack, member, 'POST', D, { attachments: [hers], folder: 'x'.repeat(81) });
    assert.deepEqual([tooLong.status, fields(tooLong.body)], [400, ['body.folder']]);
    // Someone the section's moderators blocked shares nothing there.
    assert.equal((await call(stack, secretary, 'PUT', `/api/spaces/section/lille/blocks/${member.userId}`)).status, 200);
    const blocked = await call(stack, member, 'POST', D, { attachments: [hers] });
    assert.deepEqual([blocked.status, blocked.body.code], [403, 'space.blocked']);
    assert.equal((await call(stack, secretary, 'DELETE', `/api/spaces/section/lille/blocks/${member.userId}`)).status, 200);
    assert.equal((await list(member)).items.length, before, 'nothing shared');
    // A supporter of the city is not a member of the section's space: the space is not his.
    assert.equal((await call(stack, supporter, 'POST', D, { attachments: [hers] })).status, 404);
  });

  test('the quota: what does not fit is refused with the room left, nothing written; a removed document frees its room and its file', async () => {
    const start = (await list(member)).storage.usedBytes;
    const big = await uploadAttachment(stack, member, { name: 'affiche.pdf', contentType: 'application/pdf', bytes: pdf(600, 'affiche') });
    const fits = await call(stack, member, 'POST', D, { attachments: [big], folder: 'Affiches' });
    assert.equal(fits.status, 201, JSON.stringify(fits.body));
    const second = await uploadAttachment(stack, otherMember, { name: 'affiche-2.pdf', contentType: 'application/pdf', bytes: pdf(600, 'affiche 2') });
    const refused = await call(stack, otherMember, 'POST', D, { attachments: [second] });
    assert.deepEqual([refused.status, refused.body.code, fields(refused.body)], [409, 'document.quota-exceeded', ['body.attachments']]);
    assert.match(refused.body.message as string, /Mo encore libres/);
    const after = await list(otherMember);
    assert.ok(!after.items.some((d) => d.file.id === second), 'nothing written');
    assert.equal(after.storage.usedBytes, start + pdf(600, 'affiche').length, 'the storage counts the one that fitted');

    // A member removes nobody else's document; the secretary (TOTP) removes any.
    const bigDoc = (fits.body.items as Doc[])[0]!;
    const notHers = await call(stack, otherMember, 'DELETE', `${D}/${bigDoc.id}`);
    assert.deepEqual([notHers.status, notHers.body.code], [403, 'document.not-yours']);
    const link = await call(stack, otherMember, 'GET', `/api/attachments/${big}/link`);
    assert.equal(link.status, 200);
    assert.equal((await call(stack, secretary, 'DELETE', `${D}/${bigDoc.id}`)).status, 200);
    assert.equal((await call(stack, otherMember, 'GET', `/api/attachments/${big}/link`)).status, 404);
    // The stream frees the room and takes the object out of the bucket.
    await until('the room is freed', () => list(otherMember), (page) => page.storage.usedBytes === start);
    await until('the file is gone', async () => (await fetch(link.body.url as string)).status, (status) => status === 404);
    // Now the second one fits: the refused upload was left as it was, still one's own to share.
    assert.equal((await call(stack, otherMember, 'POST', D, { attachments: [second] })).status, 201);
  });

  test('a secret group’s documents are « not found » outside it', async () => {
    const group = await call(stack, member, 'POST', '/api/groups', { name: `Documents secrets ${run}`, kind: 'secret', audience: 'all' });
    assert.equal(group.status, 201, JSON.stringify(group.body));
    const G = `/api/spaces/group/${group.body.id as string}/documents`;
    const file = await uploadAttachment(stack, member, { name: 'secret.pdf', contentType: 'application/pdf', bytes: pdf(1) });
    const shared = await call(stack, member, 'POST', G, { attachments: [file] });
    assert.equal(shared.status, 201, JSON.stringify(shared.body));
    for (const who of [otherMember, secretary]) {
      assert.equal((await call(stack, who, 'GET', G)).status, 404);
      assert.equal((await call(stack, who, 'GET', `/api/attachments/${file}/link`)).status, 404);
    }
  });
});

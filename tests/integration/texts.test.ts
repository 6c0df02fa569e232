import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Texts written together (issue 17, ADR 0030), against the real handlers behind the local gateway:
// a motion of the Mulhouse section, written by its secretary, amended by its members, decided and
// merged into new versions.

const run = randomUUID().slice(0, 6).toUpperCase();
let stack: TestStack;
let secretary: TestPerson;
let member: TestPerson;
let otherMember: TestPerson;
let supporter: TestPerson;
let outsider: TestPerson; // an adhérent of another section
let officer: TestPerson; // the Haut-Rhin federation's officer: reads Mulhouse's texts and runs them from above, amends them not

type Block = { id: string; kind: string; text: string; lines: { number: number; text: string }[] };
type Text = { id: string; state: string; version: number; blocks: Block[]; owner: boolean; mayAmend: boolean };
type Amendment = { id: string; number: number; version: number; state: string; note: string | null; changes: { op: string; blockId?: string; text?: string }[] };
const fields = (body: { details?: unknown }) => ((body.details ?? []) as { field: string }[]).map((d) => d.field);
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

const motion = {
  space: { type: 'section', id: 'mulhouse' },
  title: `Motion transports ${run}`,
  blocks: [
    { kind: 'heading', text: 'Pour des transports accessibles' },
    { kind: 'paragraph', text: 'Nous voulons des transports gratuits pour les moins de vingt-six ans dans toute l’agglomération.' },
    { kind: 'item', text: 'Une ligne de bus la nuit.' },
    { kind: 'item', text: 'Des vélos en libre-service dans chaque quartier.' },
  ],
};

/** A motion written and opened by the secretary: its id and its version 1. */
async function openMotion(): Promise<Text> {
  const created = await call(stack, secretary, 'POST', '/api/texts', motion);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const opened = await call(stack, secretary, 'POST', `/api/texts/${created.body.id as string}/open`, { deadline: inAWeek() });
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  return opened.body as unknown as Text;
}

const amend = (who: TestPerson, text: Text, changes: unknown[], version = text.version) =>
  call(stack, who, 'POST', `/api/texts/${text.id}/amendments`, { version, changes, justification: 'Pour être plus juste.' });

before(async () => {
  stack = testStack();
  const person = (name: string, postalCode: string, extra: Record<string, unknown> = {}) =>
    createTestPerson(stack, { email: `textes-${name.toLowerCase()}-${run.toLowerCase()}@coopol.example`, givenName: name, familyName: 'Textes', postalCode, ...extra });
  [secretary, member, otherMember, supporter, outsider, officer] = await Promise.all([
    person('Monique', '68100', { member: { memberNumber: `TX${run}1`, sectionId: 'mulhouse' }, grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfa: true }),
    person('Marie', '68100', { member: { memberNumber: `TX${run}2`, sectionId: 'mulhouse' } }),
    person('Paul', '68100', { member: { memberNumber: `TX${run}3`, sectionId: 'mulhouse' } }),
    person('Sami', '68100'),
    person('Yann', '35000', { member: { memberNumber: `TX${run}4`, sectionId: 'rennes' } }),
    person('Odile', '68000', { member: { memberNumber: `TX${run}5`, sectionId: 'colmar' }, grants: [{ role: 'federation-officer', scopeType: 'federation', scopeId: '68' }], mfa: true }),
  ]);
});

describe('a text and its amendments', () => {
  test('draft → open → amendments → accepted and rejected → a new version with its history and its diff', async () => {
    const created = await call(stack, secretary, 'POST', '/api/texts', motion);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draft = created.body as unknown as Text;
    assert.deepEqual([draft.state, draft.version, draft.owner], ['draft', 1, true]);
    assert.deepEqual(draft.blocks.map((b) => b.lines.map((l) => l.number)), [[1], [2, 3], [4], [5]], 'lines of 80 characters, numbered through the text');
    // A draft is its owners' alone.
    assert.equal((await call(stack, member, 'GET', `/api/texts/${draft.id}`)).status, 404);
    const listed = await call(stack, member, 'GET', '/api/spaces/section/mulhouse/texts');
    assert.ok(!(listed.body.items as { id: string }[]).some((t) => t.id === draft.id));
    assert.equal((await amend(member, draft, [{ op: 'delete', blockId: draft.blocks[3]!.id }])).status, 404);

    const opened = await call(stack, secretary, 'POST', `/api/texts/${draft.id}/open`, { deadline: inAWeek() });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const text = (await call(stack, member, 'GET', `/api/texts/${draft.id}`)).body as unknown as Text;
    assert.deepEqual([text.state, text.owner, text.mayAmend], ['open', false, true]);
    assert.equal((await call(stack, member, 'POST', `/api/texts/${draft.id}/open`, { deadline: inAWeek() })).status, 403, 'a member does not open it');

    const [b1, b2, b3, b4] = text.blocks;
    const first = await amend(member, text, [{ op: 'replace', blockId: b2!.id, text: 'Nous voulons des transports gratuits pour les moins de vingt-six ans et les chômeurs dans toute l’agglomération.' }]);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal((first.body as unknown as Amendment).number, 1);
    const second = await amend(otherMember, text, [{ op: 'delete', blockId: b4!.id }]);
    assert.equal((second.body as unknown as Amendment).number, 2);
    const third = await amend(otherMember, text, [{ op: 'insert', after: b3!.id, blocks: [{ kind: 'item', text: 'Des tarifs sociaux pour les familles.' }] }]);
    assert.equal(third.status, 201, JSON.stringify(third.body));
    // Amending is for the section's adhérents: the federation's officer reads the text but does not amend it;
    // a supporter and another section's adhérent do not see it (a section's texts are its members').
    assert.equal((await amend(officer, text, [{ op: 'delete', blockId: b1!.id }])).body.code, 'text.members-only');
    for (const who of [supporter, outsider]) assert.equal((await amend(who, text, [{ op: 'delete', blockId: b1!.id }])).status, 404);
    assert.equal((await call(stack, officer, 'GET', `/api/texts/${text.id}`)).body.owner, true, 'the officer runs the section from above');

    // The owners decide; members may not.
    const path = (a: { body: Record<string, unknown> }, verb: string) => `/api/texts/${text.id}/amendments/${a.body.id as string}/${verb}`;
    assert.equal((await call(stack, member, 'POST', path(first, 'accept'), {})).body.code, 'text.owners-only');
    assert.equal((await call(stack, secretary, 'POST', path(first, 'accept'), {})).status, 200);
    const rejected = await call(stack, secretary, 'POST', path(second, 'reject'), { note: 'Les vélos restent.' });
    assert.deepEqual([rejected.body.state, rejected.body.note], ['rejected', 'Les vélos restent.']);
    assert.equal((await call(stack, secretary, 'POST', path(third, 'accept'), {})).status, 200);

    const published = await call(stack, secretary, 'POST', `/api/texts/${text.id}/versions`, { from: 1 });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    const v2 = published.body as unknown as Text;
    assert.equal(v2.version, 2);
    assert.deepEqual(v2.blocks.map((b) => b.text), [
      'Pour des transports accessibles',
      'Nous voulons des transports gratuits pour les moins de vingt-six ans et les chômeurs dans toute l’agglomération.',
      'Une ligne de bus la nuit.',
      'Des tarifs sociaux pour les familles.',
      'Des vélos en libre-service dans chaque quartier.',
    ]);
    const versions = await call(stack, member, 'GET', `/api/texts/${text.id}/versions`);
    assert.deepEqual((versions.body.items as { number: number; amendmentIds: string[] }[]).map((v) => [v.number, v.amendmentIds.length]), [[1, 0], [2, 2]]);
    const amendments = (await call(stack, member, 'GET', `/api/texts/${text.id}/amendments`)).body.items as Amendment[];
    assert.deepEqual(amendments.map((a) => [a.number, a.state]), [[1, 'merged'], [2, 'rejected'], [3, 'merged']]);

    const diff = await call(stack, member, 'GET', `/api/texts/${text.id}/diff?from=1&to=2`);
    assert.equal(diff.status, 200, JSON.stringify(diff.body));
    const changed = (diff.body.blocks as { kind: string; segments?: { kind: string; text: string }[]; text?: string }[]).filter((d) => d.kind !== 'same' && d.kind !== 'gap');
    assert.deepEqual(changed.map((d) => d.kind), ['changed', 'added']);
    assert.deepEqual(changed[0]!.segments!.filter((s) => s.kind !== 'same'), [{ kind: 'ins', text: 'et les chômeurs ' }]);
    assert.equal((await call(stack, secretary, 'POST', `/api/texts/${text.id}/versions`, { from: 2 })).body.code, 'text.nothing-to-publish');
  });

  test('two publications at once: one wins, the other is told the version changed', async () => {
    const text = await openMotion();
    const a = await amend(member, text, [{ op: 'replace', blockId: text.blocks[2]!.id, text: 'Deux lignes de bus la nuit.' }]);
    assert.equal((await call(stack, secretary, 'POST', `/api/texts/${text.id}/amendments/${a.body.id as string}/accept`, {})).status, 200);
    const both = await Promise.all([1, 2].map(() => call(stack, secretary, 'POST', `/api/texts/${text.id}/versions`, { from: 1 })));
    assert.deepEqual(both.map((r) => r.status).sort(), [201, 409]);
    assert.equal(both.find((r) => r.status === 409)!.body.code, 'text.version-changed');
    const versions = await call(stack, secretary, 'GET', `/api/texts/${text.id}/versions`);
    assert.equal((versions.body.items as unknown[]).length, 2, 'one new version, not two');
  });

  test('accepted amendments on the same passage are a conflict: nothing is published until it is settled', async () => {
    const text = await openMotion();
    const block = text.blocks[1]!.id;
    const a = await amend(member, text, [{ op: 'replace', blockId: block, text: 'Des transports gratuits pour tous.' }]);
    const b = await amend(otherMember, text, [{ op: 'replace', blockId: block, text: 'Des transports gratuits le week-end.' }]);
    for (const x of [a, b]) assert.equal((await call(stack, secretary, 'POST', `/api/texts/${text.id}/amendments/${x.body.id as string}/accept`, {})).status, 200);
    const refused = await call(stack, secretary, 'POST', `/api/texts/${text.id}/versions`, { from: 1 });
    assert.deepEqual([refused.status, refused.body.code], [409, 'text.conflicts']);
    assert.match(JSON.stringify(refused.body.details), /n° 1 et n° 2/);
    assert.equal((await call(stack, secretary, 'GET', `/api/texts/${text.id}`)).body.version, 1, 'nothing published');
    // Settled: one of them rejected, the other goes in.
    assert.equal((await call(stack, secretary, 'POST', `/api/texts/${text.id}/amendments/${b.body.id as string}/reject`, { note: 'Moins large.' })).status, 200);
    assert.equal((await call(stack, secretary, 'POST', `/api/texts/${text.id}/versions`, { from: 1 })).status, 201);
  });

  test('after a publication the pending amendments are carried onto the new version, or marked « à mettre à jour »', async () => {
    const text = await openMotion();
    const [, b2, b3] = text.blocks;
    const accepted = await amend(member, text, [{ op: 'replace', blockId: b2!.id, text: 'Nous voulons des transports gratuits pour les moins de vingt-six ans dans toute la métropole.' }]);
    const elsewhere = await amend(otherMember, text, [{ op: 'replace', blockId: b3!.id, text: 'Une ligne de tram la nuit.' }]);
    const sameWords = await amend(otherMember, text, [{ op: 'replace', blockId: b2!.id, text: 'Nous voulons des transports gratuits pour les moins de vingt-six ans dans toute la région.' }]);
    const start = await amend(otherMember, text, [{ op: 'replace', blockId: b2!.id, text: 'Nous exigeons des transports gratuits pour les moins de vingt-six ans dans toute l’agglomération.' }]);
    assert.equal((await call(stack, secretary, 'POST', `/api/texts/${text.id}/amendments/${accepted.body.id as string}/accept`, {})).status, 200);
    assert.equal((await call(stack, secretary, 'POST', `/api/texts/${text.id}/versions`, { from: 1 })).status, 201);
    const all = new Map(((await call(stack, member, 'GET', `/api/texts/${text.id}/amendments`)).body.items as Amendment[]).map((a) => [a.id, a]));
    assert.deepEqual([all.get(elsewhere.body.id as string)!.state, all.get(elsewhere.body.id as string)!.version], ['pending', 2]);
    assert.equal(all.get(sameWords.body.id as string)!.state, 'outdated');
    const carried = all.get(start.body.id as string)!;
    assert.deepEqual([carried.state, carried.version, carried.changes[0]!.text], ['pending', 2, 'Nous exigeons des transports gratuits pour les moins de vingt-six ans dans toute la métropole.']);
    // An amendment filed on the old version now is refused as such.
    const late = await amend(member, text, [{ op: 'delete', blockId: b3!.id }], 1);
    assert.deepEqual([late.status, late.body.code, fields(late.body)], [409, 'text.version-changed', ['body.version']]);
  });

  test('bad input changes nothing: an unknown block, a past deadline, a deadline passed on the server, a secret group’s text outside it', async () => {
    const text = await openMotion();
    const unknown = await amend(member, text, [{ op: 'replace', blockId: text.blocks[0]!.id, text: 'ok' }, { op: 'delete', blockId: 'zzzzzzzzzz' }]);
    assert.deepEqual([unknown.status, fields(unknown.body)], [400, ['body.changes.1.blockId']]);
    const noChange = await call(stack, member, 'POST', `/api/texts/${text.id}/amendments`, { version: 1, changes: [], justification: 'x' });
    assert.deepEqual([noChange.status, fields(noChange.body)], [400, ['body.changes']]);
    const badOp = await call(stack, member, 'POST', `/api/texts/${text.id}/amendments`, { version: 1, changes: [{ op: 'move' }], justification: 'x' });
    assert.equal(badOp.status, 400);
    assert.equal(((await call(stack, member, 'GET', `/api/texts/${text.id}/amendments`)).body.items as unknown[]).length, 0, 'nothing filed');

    const created = await call(stack, secretary, 'POST', '/api/texts', motion);
    const past = await call(stack, secretary, 'POST', `/api/texts/${created.body.id as string}/open`, { deadline: '2020-01-01T00:00:00Z' });
    assert.deepEqual([past.status, fields(past.body)], [400, ['body.deadline']]);

    // Someone the section's moderators blocked amends nothing there.
    assert.equal((await call(stack, secretary, 'PUT', `/api/spaces/section/mulhouse/blocks/${otherMember.userId}`)).status, 200);
    const blocked = await amend(otherMember, text, [{ op: 'delete', blockId: text.blocks[3]!.id }]);
    assert.deepEqual([blocked.status, blocked.body.code], [403, 'space.blocked']);
    assert.equal((await call(stack, secretary, 'DELETE', `/api/spaces/section/mulhouse/blocks/${otherMember.userId}`)).status, 200);

    // The deadline passes (set in the table: the clock is the server's).
    const { TextEntity } = await import('../../functions/src/domain/texts/entities');
    await TextEntity.patch({ textId: text.id }).set({ deadline: new Date(Date.now() - 1000).toISOString() }).go();
    const tooLate = await amend(member, text, [{ op: 'delete', blockId: text.blocks[3]!.id }]);
    assert.deepEqual([tooLate.status, tooLate.body.code], [409, 'text.deadline-passed']);
    assert.equal((await call(stack, member, 'GET', `/api/texts/${text.id}`)).body.mayAmend, false);

    // A secret group's texts are « not found » to anyone outside it.
    const group = await call(stack, member, 'POST', '/api/groups', { name: `Textes secrets ${run}`, kind: 'secret', audience: 'all' });
    assert.equal(group.status, 201, JSON.stringify(group.body));
    const secret = await call(stack, member, 'POST', '/api/texts', { ...motion, space: { type: 'group', id: group.body.id } });
    assert.equal(secret.status, 201, JSON.stringify(secret.body));
    for (const who of [otherMember, secretary]) {
      assert.equal((await call(stack, who, 'GET', `/api/texts/${secret.body.id as string}`)).status, 404);
      assert.equal((await call(stack, who, 'GET', `/api/spaces/group/${group.body.id as string}/texts`)).status, 404);
    }
    // Writing a text in the section is for those who run it.
    assert.equal((await call(stack, member, 'POST', '/api/texts', motion)).body.code, 'text.organizers-only');
  });
});

describe('what the pages show', () => {
  test('a draft rewritten before it opens; an amendment drawn from itself: its lines, one word as one <del> and one <ins>, its conflicts', async () => {
    const created = await call(stack, secretary, 'POST', '/api/texts', motion);
    const id = created.body.id as string;
    const rewritten = await call(stack, secretary, 'PUT', `/api/texts/${id}`, { title: `Motion réécrite ${run}`, blocks: [...motion.blocks, { kind: 'paragraph', text: 'Adoptée en assemblée générale de section.' }] });
    assert.equal(rewritten.status, 200, JSON.stringify(rewritten.body));
    assert.deepEqual([rewritten.body.title, (rewritten.body.blocks as unknown[]).length, rewritten.body.version], [`Motion réécrite ${run}`, 5, 1]);
    assert.equal((await call(stack, member, 'PUT', `/api/texts/${id}`, { title: 'x', blocks: [{ kind: 'paragraph', text: 'x' }] })).status, 404, 'a draft is its owners’ alone');
    const bad = await call(stack, secretary, 'PUT', `/api/texts/${id}`, { title: '', blocks: [] });
    assert.deepEqual([bad.status, fields(bad.body).sort()], [400, ['body.blocks', 'body.title']]);

    // Who may write here is told by the list (the button), the others not.
    assert.equal((await call(stack, secretary, 'GET', '/api/spaces/section/mulhouse/texts')).body.mayWrite, true);
    assert.equal((await call(stack, member, 'GET', '/api/spaces/section/mulhouse/texts')).body.mayWrite, false);

    await call(stack, secretary, 'POST', `/api/texts/${id}/open`, { deadline: inAWeek() });
    assert.equal((await call(stack, secretary, 'PUT', `/api/texts/${id}`, { title: 'x', blocks: [{ kind: 'paragraph', text: 'x' }] })).body.code, 'text.not-draft', 'an open text is amended, not rewritten');
    const text = (await call(stack, member, 'GET', `/api/texts/${id}`)).body as unknown as Text;
    const b2 = text.blocks[1]!;
    const oneWord = await amend(member, text, [{ op: 'replace', blockId: b2.id, text: b2.text.replace('gratuits', 'accessibles') }]);
    assert.equal(oneWord.status, 201, JSON.stringify(oneWord.body));
    assert.deepEqual(oneWord.body.lines, { from: 2, to: 3 }, 'the lines of the block it rewrites');
    const [diff] = oneWord.body.diff as { kind: string; segments: { kind: string; text: string }[] }[];
    assert.deepEqual(diff!.segments.filter((s) => s.kind !== 'same'), [{ kind: 'del', text: 'gratuits' }, { kind: 'ins', text: 'accessibles' }]);
    const inserted = await amend(otherMember, text, [{ op: 'insert', after: text.blocks[3]!.id, blocks: [{ kind: 'item', text: 'Un abonnement unique.' }] }]);
    assert.deepEqual([inserted.body.lines, (inserted.body.diff as { kind: string }[]).map((d) => d.kind)], [{ from: 5, to: 5 }, ['added']]);
    const rival = await amend(otherMember, text, [{ op: 'delete', blockId: b2.id }]);
    for (const a of [oneWord, rival, inserted]) await call(stack, secretary, 'POST', `/api/texts/${id}/amendments/${a.body.id as string}/accept`, {});
    const listed = (await call(stack, member, 'GET', `/api/texts/${id}/amendments`)).body.items as (Amendment & { conflictsWith: number[] })[];
    assert.deepEqual(listed.map((a) => [a.number, a.conflictsWith]), [[1, [3]], [2, []], [3, [1]]]);

    // Closed by its owners (not by a member): no amendment any more, the ones filed still decided and published.
    assert.equal((await call(stack, member, 'POST', `/api/texts/${id}/close`)).body.code, 'text.owners-only');
    const closed = await call(stack, secretary, 'POST', `/api/texts/${id}/close`);
    assert.deepEqual([closed.status, closed.body.state], [200, 'closed']);
    assert.equal((await call(stack, secretary, 'POST', `/api/texts/${id}/close`)).body.code, 'text.not-open');
    assert.equal((await call(stack, member, 'GET', `/api/texts/${id}`)).body.mayAmend, false);
    const late = await amend(member, text, [{ op: 'delete', blockId: text.blocks[0]!.id }]);
    assert.deepEqual([late.status, late.body.code], [409, 'text.not-open']);
    assert.equal((await call(stack, secretary, 'POST', `/api/texts/${id}/amendments/${rival.body.id as string}/reject`, {})).status, 200);
    assert.equal((await call(stack, secretary, 'POST', `/api/texts/${id}/versions`, { from: 1 })).status, 201, 'what was accepted is still merged');
  });
});

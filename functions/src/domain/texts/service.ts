import { randomBytes } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { Service } from 'electrodb';
import type { z } from 'zod';
import type { Amendment, AmendmentInput, TextInput, TextView, UpdateTextInput } from '../../contracts/texts';
import { FiledChange, maxTextChars } from '../../contracts/texts';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { policyOptions } from '../access/options';
import { canReadSpace, requirePerson, type PartySpace, type SpaceFacts } from '../access/policy';
import { mayAmend, mayAmendIn, mayDecideOnText, mayWriteTexts, offersTextWriting, ownsText } from '../access/rules/texts';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { badCursor } from '../paging';
import { SpaceBlockEntity } from '../social/entities';
import { displayName } from '../social/spaces';
import { resolveSpaceForRules, spaceKeyOf } from '../spaces/resolve';
import { writtenUnlessRefused } from '../../shared/conditions';
import { checkChanges, conflictsOf, footingOf, mergeAmendments, rebase, UnknownBlockError, type Change, type Originals } from './amendments';
import { numberLines, type Block } from './blocks';
import { changesDiff, versionDiff } from './diff';
import { AmendmentEntity, TextEntity, TextVersionEntity } from './entities';

/**
 * Texts written together (issue 17, ADR 0030): the routes' services. A text is read as its space is
 * (a secret group's texts are « not found » outside it); a draft only by its owners.
 */

type TextItem = EntityItem<typeof TextEntity>;
type AmendmentItem = EntityItem<typeof AmendmentEntity>;
type PartySpaceRef = { type: PartySpace['type']; id: string };

const texts = new Service({ text: TextEntity, version: TextVersionEntity, amendment: AmendmentEntity });

/** Ids that sort by creation time (ms in base 36, then random): « amendement n° 3 » is the third filed. */
const sortableId = () => `${Date.now().toString(36).padStart(9, '0')}${BigInt(`0x${randomBytes(8).toString('hex')}`).toString(36).padStart(11, '0').slice(-11)}`;
const blockId = () => BigInt(`0x${randomBytes(7).toString('hex')}`).toString(36).padStart(10, '0').slice(-10);
const withIds = (blocks: readonly { kind: Block['kind']; text: string }[]): Block[] => blocks.map((b) => ({ id: blockId(), kind: b.kind, text: b.text }));

const notFound = () => new NotFoundError('text.not-found', 'params.textId');

/**
 * The text, its space and the caller's facts there — or « not found » for who may not read it.
 * `alongside` reads what the route needs of the text while its space is resolved (one level less);
 * nothing of it is answered before the check.
 */
async function readableText<T = undefined>(caller: Caller, textId: string, alongside?: (text: TextItem) => Promise<T>) {
  const person = requirePerson(caller);
  const { data: text } = await TextEntity.get({ textId }).go();
  if (!text) throw notFound();
  const [{ space, facts }, extra] = await Promise.all([
    resolveSpaceForRules(caller, { type: text.spaceType, id: text.spaceId }, 'params.textId').catch(() => {
      throw notFound();
    }),
    alongside?.(text),
  ]);
  const partySpace = space as PartySpace;
  if (!canReadSpace(caller, space, facts)) throw notFound();
  const owner = ownsText(person, text, partySpace, facts.group);
  if (text.state === 'draft' && !owner) throw notFound();
  return { person, text, space: partySpace, facts, owner, extra: extra as T };
}

async function versionOf(textId: string, number: number) {
  const { data } = await TextVersionEntity.get({ textId, number }).go();
  return data;
}

/** Open to amendments: opened, and its deadline not passed (checked here, on the server's clock). */
function amendable(text: TextItem): boolean {
  return text.state === 'open' && (!text.deadline || new Date(text.deadline).getTime() > Date.now());
}

const summaryOf = (text: TextItem) => ({
  id: text.textId,
  space: { type: text.spaceType, id: text.spaceId },
  title: text.title,
  state: text.state,
  deadline: text.deadline ?? null,
  version: text.currentVersion,
  author: { userId: text.authorId, displayName: text.authorName },
  updatedAt: text.updatedAt,
});

type VersionItem = Awaited<ReturnType<typeof versionOf>>;

async function textView(caller: Caller, text: TextItem, space: PartySpace, facts: SpaceFacts, owner: boolean, read?: VersionItem): Promise<z.input<typeof TextView>> {
  const version = read ?? (await versionOf(text.textId, text.currentVersion));
  return {
    ...summaryOf(text),
    blocks: numberLines((version?.blocks ?? []) as Block[]),
    owner,
    mayAmend: amendable(text) && mayAmendIn(caller, space, facts),
  };
}

/** A new text, a draft: its version 1 (POST /api/texts; X1, X3). */
export async function createText(caller: Caller, input: z.output<typeof TextInput>) {
  const { space, facts, resolved } = await resolveSpaceForRules(caller, input.space, 'body.space');
  const partySpace = space as PartySpace;
  const person = mayWriteTexts(caller, partySpace, policyOptions, facts.group);
  const me = await callerItem(person);
  const at = new Date().toISOString();
  const textId = sortableId();
  const authorName = me ? displayName(me) : '';
  const text = {
    textId,
    spaceKey: spaceKeyOf(input.space),
    spaceType: input.space.type,
    spaceId: input.space.id,
    ...(resolved.type === 'section' && { spaceFederation: resolved.federationCode }),
    title: input.title,
    state: 'draft' as const,
    currentVersion: 1,
    authorId: person.userId,
    authorName,
    createdAt: at,
    updatedAt: at,
  };
  await texts.transaction
    .write(({ text: t, version }) => [
      t.create(text).commit(),
      version.create({ textId, number: 1, blocks: withIds(input.blocks), authorId: person.userId, authorName, at, amendmentIds: [] }).commit(),
    ])
    .go();
  return textView(caller, text as TextItem, partySpace, facts, true);
}

/** A space's texts, newest first; drafts for their owners only (X2: one Query page). */
export async function listSpaceTexts(caller: Caller, ref: PartySpaceRef, page: { cursor?: string; limit: number }) {
  const person = requirePerson(caller);
  const { space, facts } = await resolveSpaceForRules(caller, ref, 'params.spaceId');
  if (!canReadSpace(caller, space, facts)) throw new NotFoundError('space.not-found', 'params.spaceId');
  const result = await TextEntity.query
    .bySpace({ spaceKey: spaceKeyOf(ref) })
    .go({ order: 'desc', cursor: page.cursor ?? null, limit: page.limit })
    .catch(badCursor(page.cursor));
  const shown = result.data.filter((t) => t.state !== 'draft' || ownsText(person, t, space as PartySpace, facts.group));
  return { items: shown.map(summaryOf), nextCursor: result.cursor ?? null, mayWrite: offersTextWriting(caller, space as PartySpace, policyOptions, facts.group) };
}

/** One text, its current version with line numbers (X1 + X3). */
export async function getText(caller: Caller, textId: string) {
  const { text, space, facts, owner, extra: version } = await readableText(caller, textId, (t) => versionOf(textId, t.currentVersion));
  return textView(caller, text, space, facts, owner, version);
}

/** A draft opened to amendments until its deadline (its owners). */
export async function openText(caller: Caller, textId: string, deadline: string) {
  const { text, space, facts } = await readableText(caller, textId);
  mayDecideOnText(caller, text, space, policyOptions, facts.group);
  if (new Date(deadline).getTime() <= Date.now()) throw new ValidationError([{ field: 'body.deadline', message: 'la date limite doit être à venir' }]);
  if (text.state !== 'draft') throw new ConflictError('text.not-draft');
  const updatedAt = new Date().toISOString();
  const opened = await writtenUnlessRefused(
    TextEntity.patch({ textId }).set({ state: 'open', deadline, updatedAt }).where(({ state }, { eq }) => eq(state, 'draft')).go(),
  );
  if (!opened) throw new ConflictError('text.not-draft');
  return textView(caller, { ...text, state: 'open', deadline, updatedAt }, space, facts, true);
}

/**
 * A text closed by its owners: no amendment is filed any more, whatever its deadline; those already
 * filed may still be decided and published (the last version is the text adopted).
 */
export async function closeText(caller: Caller, textId: string) {
  const { text, space, facts } = await readableText(caller, textId);
  mayDecideOnText(caller, text, space, policyOptions, facts.group);
  if (text.state !== 'open') throw new ConflictError('text.not-open');
  const updatedAt = new Date().toISOString();
  const closed = await writtenUnlessRefused(
    TextEntity.patch({ textId }).set({ state: 'closed', updatedAt }).where(({ state }, { eq }) => eq(state, 'open')).go(),
  );
  if (!closed) throw new ConflictError('text.not-open');
  return textView(caller, { ...text, state: 'closed', updatedAt }, space, facts, true);
}

/** A draft rewritten by its owners before it is opened: its title and version 1, replaced together. */
export async function updateText(caller: Caller, textId: string, input: z.output<typeof UpdateTextInput>) {
  const { text, space, facts } = await readableText(caller, textId);
  const person = mayDecideOnText(caller, text, space, policyOptions, facts.group);
  if (text.state !== 'draft') throw new ConflictError('text.not-draft');
  const me = await callerItem(person);
  const updatedAt = new Date().toISOString();
  const result = await texts.transaction
    .write(({ text: t, version }) => [
      t.patch({ textId }).set({ title: input.title, updatedAt }).where(({ state }, { eq }) => eq(state, 'draft')).commit(),
      version.put({ textId, number: 1, blocks: withIds(input.blocks), authorId: person.userId, authorName: me ? displayName(me) : text.authorName, at: updatedAt, amendmentIds: [] }).commit(),
    ])
    .go();
  if (result.canceled) throw new ConflictError('text.not-draft');
  return textView(caller, { ...text, title: input.title, updatedAt }, space, facts, true);
}

/** The versions, oldest first (X3: one Query). */
export async function listTextVersions(caller: Caller, textId: string) {
  await readableText(caller, textId);
  const { data } = await TextVersionEntity.query.byText({ textId }).go({ pages: 'all' });
  return { items: data.map((v) => ({ number: v.number, at: v.at, authorName: v.authorName, amendmentIds: v.amendmentIds ?? [] })) };
}

/** What changed between two versions, word by word (2 GetItem). */
export async function diffText(caller: Caller, textId: string, from: number, to: number) {
  const { extra: [a, b] } = await readableText(caller, textId, () => Promise.all([versionOf(textId, from), versionOf(textId, to)]));
  if (!a) throw new ValidationError([{ field: 'query.from', message: 'pas de version de ce numéro' }]);
  if (!b) throw new ValidationError([{ field: 'query.to', message: 'pas de version de ce numéro' }]);
  return { from, to, blocks: versionDiff(a.blocks as Block[], b.blocks as Block[]) };
}

const changesOf = (item: AmendmentItem): Change[] => FiledChange.array().parse(JSON.parse(item.changes));
const originalsOf = (item: AmendmentItem): Originals => JSON.parse(item.originals) as Originals;

/** An amendment as its page shows it: everything from its own item (its diff, its lines), nothing else read. */
function amendmentView(item: AmendmentItem, conflictsWith: number[] = []): z.input<typeof Amendment> {
  const changes = changesOf(item);
  return {
    id: item.amendmentId,
    textId: item.textId,
    number: item.number,
    version: item.version,
    changes,
    justification: item.justification,
    author: { userId: item.authorId, displayName: item.authorName },
    state: item.state,
    note: item.note ?? null,
    createdAt: item.createdAt,
    lines: { from: item.lineFrom ?? 1, to: item.lineTo ?? item.lineFrom ?? 1 },
    diff: changesDiff(originalsOf(item), changes),
    conflictsWith,
  };
}

/** What an amendment keeps of the version it amends, as its item stores it. */
function footingItem(blocks: readonly Block[], changes: readonly Change[]) {
  const { originals, lines } = footingOf(blocks, changes);
  return { originals: JSON.stringify(originals), lineFrom: lines.from, lineTo: lines.to };
}

async function amendmentsOf(textId: string) {
  const { data } = await AmendmentEntity.query.byText({ textId }).go({ pages: 'all' });
  return data;
}

/** The accepted amendments of the current version that touch the same passages, by amendment id: the others' numbers. */
function conflictsByAmendment(items: readonly AmendmentItem[], version: number): Map<string, number[]> {
  const accepted = items.filter((a) => a.state === 'accepted' && a.version === version);
  const number = new Map(accepted.map((a) => [a.amendmentId, a.number]));
  const found = new Map<string, number[]>();
  for (const { amendmentIds: [a, b] } of conflictsOf(accepted.map((a) => ({ amendmentId: a.amendmentId, changes: changesOf(a) })))) {
    found.set(a, [...(found.get(a) ?? []), number.get(b)!]);
    found.set(b, [...(found.get(b) ?? []), number.get(a)!]);
  }
  return found;
}

/** The text's amendments, in their filing order, each with its diff and its conflicts (X4: one Query). */
export async function listAmendments(caller: Caller, textId: string) {
  const { text, extra: all } = await readableText(caller, textId, () => amendmentsOf(textId));
  const conflicts = conflictsByAmendment(all, text.currentVersion);
  return { items: all.map((a) => amendmentView(a, conflicts.get(a.amendmentId))) };
}

/**
 * Propose an amendment to the current version (a member of the space, while the text is open and
 * before its deadline). Its blocks must be in that version; the new blocks it inserts get their ids.
 */
export async function proposeAmendment(caller: Caller, textId: string, input: z.output<typeof AmendmentInput>) {
  const { person: reader, text, space, facts } = await readableText(caller, textId);
  // Someone the space's moderators blocked amends nothing there (S20: 1 GetItem).
  const { data: block } = await SpaceBlockEntity.get({ spaceKey: text.spaceKey, userId: reader.userId }).go();
  const person = mayAmend(caller, space, { ...facts, blocked: Boolean(block) });
  if (text.state !== 'open') throw new ConflictError('text.not-open');
  if (!amendable(text)) throw new ConflictError('text.deadline-passed');
  if (input.version !== text.currentVersion) {
    throw new ConflictError('text.version-changed', [{ field: 'body.version', message: `la version courante est la ${text.currentVersion}` }]);
  }
  const version = await versionOf(textId, text.currentVersion);
  const changes: Change[] = input.changes.map((c) => (c.op === 'insert' ? { ...c, blocks: withIds(c.blocks) } : c));
  try {
    checkChanges((version?.blocks ?? []) as Block[], changes);
  } catch (error) {
    if (error instanceof UnknownBlockError) {
      throw new ValidationError([{ field: `body.changes.${error.index}.${changes[error.index]!.op === 'insert' ? 'after' : 'blockId'}`, message: 'pas de bloc de ce nom dans cette version' }]);
    }
    throw error;
  }
  const me = await callerItem(person);
  // Its number: the text's count of amendments, moved by one (1 UpdateItem; a failed filing leaves a number unused).
  const { data: counted } = await TextEntity.update({ textId }).add({ amendmentCount: 1 }).go({ response: 'updated_new' });
  const item = {
    textId,
    amendmentId: sortableId(),
    number: counted.amendmentCount ?? 1,
    version: text.currentVersion,
    changes: JSON.stringify(changes),
    ...footingItem((version?.blocks ?? []) as Block[], changes),
    justification: input.justification,
    authorId: person.userId,
    authorName: me ? displayName(me) : '',
    state: 'pending' as const,
    createdAt: new Date().toISOString(),
  };
  await AmendmentEntity.create(item).go();
  return amendmentView(item as AmendmentItem);
}

/** Accept or reject a pending amendment (the text's owners); an accepted one is merged at the next publication. */
export async function decideAmendment(caller: Caller, textId: string, amendmentId: string, decision: 'accepted' | 'rejected', note?: string) {
  const { text, space, facts } = await readableText(caller, textId);
  mayDecideOnText(caller, text, space, policyOptions, facts.group);
  const { data: item } = await AmendmentEntity.get({ textId, amendmentId }).go();
  if (!item) throw new NotFoundError('amendment.not-found', 'params.amendmentId');
  if (item.state !== 'pending' && item.state !== 'accepted' && item.state !== 'rejected') throw new ConflictError('amendment.decided');
  const decided = await writtenUnlessRefused(
    AmendmentEntity.patch({ textId, amendmentId })
      .set({ state: decision, ...(note && { note }) })
      .where(({ state }, { eq }) => eq(state, item.state))
      .go(),
  );
  if (!decided) throw new ConflictError('amendment.decided');
  return amendmentView({ ...item, state: decision, ...(note && { note }) });
}

/**
 * « Publier la nouvelle version »: every accepted amendment merged into the next version, in one
 * transaction conditioned on the current version (two publications at once: one wins, the other 409);
 * then the pending amendments are carried onto it, or marked « à mettre à jour » (ADR 0030).
 */
export async function publishTextVersion(caller: Caller, textId: string, from: number) {
  const { text, space, facts } = await readableText(caller, textId);
  const person = mayDecideOnText(caller, text, space, policyOptions, facts.group);
  if (from !== text.currentVersion) throw new ConflictError('text.version-changed', [{ field: 'body.from', message: `la version courante est la ${text.currentVersion}` }]);
  const [version, all, me] = await Promise.all([versionOf(textId, from), amendmentsOf(textId), callerItem(person)]);
  const base = (version?.blocks ?? []) as Block[];
  const accepted = all.filter((a) => a.state === 'accepted' && a.version === from);
  if (!accepted.length) {
    // Merged by a publication that has just happened: say so, not « nothing to publish ».
    const { data: now } = await TextEntity.get({ textId }).go({ consistent: true });
    if (now && now.currentVersion !== from) throw new ConflictError('text.version-changed', [{ field: 'body.from', message: 'une autre publication vient d’avoir lieu' }]);
    throw new ConflictError('text.nothing-to-publish');
  }
  const merged = mergeAmendments(base, accepted.map((a) => ({ amendmentId: a.amendmentId, changes: changesOf(a) })));
  if ('conflicts' in merged) {
    const number = (id: string) => all.find((a) => a.amendmentId === id)?.number;
    throw new ConflictError(
      'text.conflicts',
      merged.conflicts.map((c) => ({ field: 'body.from', message: `les amendements n° ${number(c.amendmentIds[0])} et n° ${number(c.amendmentIds[1])} modifient les mêmes passages` })),
    );
  }
  // Amendments grow a text: a version stays one item (contracts `maxTextChars`).
  if (merged.blocks.reduce((sum, b) => sum + b.text.length, 0) > maxTextChars) throw new ConflictError('text.too-long', [{ field: 'body.from', message: `au plus ${maxTextChars} caractères par version` }]);
  const at = new Date().toISOString();
  const next = from + 1;
  const result = await texts.transaction
    .write(({ text: t, version: v, amendment }) => [
      t.patch({ textId }).set({ currentVersion: next, updatedAt: at }).where(({ currentVersion }, { eq }) => eq(currentVersion, from)).commit(),
      v.create({ textId, number: next, blocks: merged.blocks, authorId: person.userId, authorName: me ? displayName(me) : '', at, amendmentIds: accepted.map((a) => a.amendmentId) }).commit(),
      ...accepted.map((a) => amendment.patch({ textId, amendmentId: a.amendmentId }).set({ state: 'merged' }).commit()),
    ])
    .go();
  if (result.canceled) throw new ConflictError('text.version-changed', [{ field: 'body.from', message: 'une autre publication vient d’avoir lieu' }]);
  // The pending amendments of the old version, carried onto the new one or « à mettre à jour ».
  await Promise.all(
    all
      .filter((a) => a.state === 'pending' && a.version === from)
      .map((a) => {
        const carried = rebase(changesOf(a), base, merged.blocks);
        return AmendmentEntity.patch({ textId, amendmentId: a.amendmentId })
          .set(carried.status === 'rebased' ? { version: next, changes: JSON.stringify(carried.changes), ...footingItem(merged.blocks, carried.changes) } : { state: 'outdated' })
          .where(({ state }, { eq }) => eq(state, 'pending'))
          .go()
          .catch(() => undefined); // decided meanwhile: left as decided
      }),
  );
  return textView(caller, { ...text, currentVersion: next, updatedAt: at }, space, facts, true);
}


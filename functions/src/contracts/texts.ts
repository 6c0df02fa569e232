import * as z from 'zod';
import { Instant, lineText, pageOf, proseText, UserId } from './common';
import { PartySpaceType, SpaceId } from './spaces';

// Texts written together (issue 17, ADR 0030): a text in a space, its immutable versions of blocks,
// amendments to a version, decided by the text's owners and merged into the next version.

export const TextId = z.string().regex(/^[0-9a-z]{20}$/, 'identifiant de texte');
export const AmendmentId = z.string().regex(/^[0-9a-z]{20}$/, 'identifiant d’amendement');
export const BlockId = z.string().regex(/^[0-9a-z]{8,20}$/, 'identifiant de bloc');
export const BlockKind = z.enum(['heading', 'paragraph', 'item']);
export const maxBlocks = 1000;
/** A version is one item (DynamoDB: 400 KB at most): its words, all blocks together, stay well under it. */
export const maxTextChars = 150_000;

const BlockText = proseText({ min: 1, max: 5000 });
export const NewBlock = z.object({ kind: BlockKind, text: BlockText }).meta({ id: 'NewBlock' });
export const TextSpace = z.object({ type: PartySpaceType, id: SpaceId }).meta({ id: 'TextSpace' });

export const TextInput = z
  .object({
    space: TextSpace,
    title: lineText({ min: 1, max: 200 }),
    blocks: z
      .array(NewBlock)
      .min(1, 'au moins un paragraphe')
      .max(maxBlocks)
      .refine((blocks) => blocks.reduce((sum, b) => sum + b.text.length, 0) <= maxTextChars, `au plus ${maxTextChars.toLocaleString('fr-FR')} caractères en tout`),
  })
  .meta({ id: 'TextInput' });

/** A draft rewritten before it is opened: its title and its blocks, all of them. */
export const UpdateTextInput = TextInput.omit({ space: true }).meta({ id: 'UpdateTextInput' });

/** Open to amendments until the deadline (then closed to them: the owners decide and publish). */
export const OpenTextInput = z.object({ deadline: Instant }).meta({ id: 'OpenTextInput' });

export const Block = z.object({ id: BlockId, kind: BlockKind, text: z.string() }).meta({ id: 'Block' });

export const Change = z
  .discriminatedUnion('op', [
    z.object({ op: z.literal('replace'), blockId: BlockId, text: BlockText }),
    z.object({ op: z.literal('delete'), blockId: BlockId }),
    z.object({ op: z.literal('insert'), after: BlockId.nullable().describe('null : en tête du texte'), blocks: z.array(NewBlock).min(1).max(50) }),
  ])
  .meta({ id: 'Change' });
/** A change as filed: the blocks it inserts have their ids (they keep them once merged). */
export const FiledChange = z
  .discriminatedUnion('op', [
    z.object({ op: z.literal('replace'), blockId: BlockId, text: z.string() }),
    z.object({ op: z.literal('delete'), blockId: BlockId }),
    z.object({ op: z.literal('insert'), after: BlockId.nullable(), blocks: z.array(Block) }),
  ])
  .meta({ id: 'FiledChange' });

export const AmendmentInput = z
  .object({
    /** The version amended: the text's current one. */
    version: z.number().int().min(1),
    changes: z.array(Change).min(1, 'au moins une modification').max(50),
    justification: proseText({ min: 1, max: 5000 }),
  })
  .meta({ id: 'AmendmentInput' });
export const DecisionInput = z.object({ note: proseText({ max: 1000 }).optional() }).meta({ id: 'DecisionInput' });
export const PublishInput = z.object({ from: z.number().int().min(1).describe('la version courante, que la nouvelle remplace') }).meta({ id: 'PublishInput' });
export const DiffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

export const NumberedBlock = Block.extend({ lines: z.array(z.object({ number: z.number().int(), text: z.string() })) }).meta({ id: 'NumberedBlock' });
export const TextState = z.enum(['draft', 'open', 'closed']);

export const TextSummary = z
  .object({
    id: TextId,
    space: TextSpace,
    title: z.string(),
    state: TextState,
    deadline: z.string().nullable(),
    version: z.number().int(),
    author: z.object({ userId: UserId.nullable(), displayName: z.string() }),
    updatedAt: z.string(),
  })
  .meta({ id: 'TextSummary' });
export const TextPage = pageOf(TextSummary, 'TextSummaryPage')
  .extend({
    /** Whether the caller may write a text in this space (the button; the API checks again). */
    mayWrite: z.boolean(),
  })
  .meta({ id: 'TextPage' });
export const TextView = TextSummary.extend({
  blocks: z.array(NumberedBlock),
  /** Whether the caller decides on amendments and publishes versions (the buttons; the API checks again). */
  owner: z.boolean(),
  /** Whether the caller may propose amendments now. */
  mayAmend: z.boolean(),
}).meta({ id: 'TextView' });

export const VersionSummary = z
  .object({ number: z.number().int(), at: z.string(), authorName: z.string(), amendmentIds: z.array(AmendmentId) })
  .meta({ id: 'VersionSummary' });
export const VersionList = z.object({ items: z.array(VersionSummary) }).meta({ id: 'VersionList' });

export const DiffSegment = z.object({ kind: z.enum(['same', 'ins', 'del']), text: z.string() });
export const BlockDiff = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('same'), blockId: BlockId, blockKind: BlockKind, text: z.string() }),
    z.object({ kind: z.literal('changed'), blockId: BlockId, blockKind: BlockKind, segments: z.array(DiffSegment) }),
    z.object({ kind: z.enum(['added', 'removed']), blockId: BlockId, blockKind: BlockKind, text: z.string() }),
    z.object({ kind: z.literal('gap'), count: z.number().int() }),
  ])
  .meta({ id: 'BlockDiff' });
export const AmendmentState = z.enum(['pending', 'accepted', 'rejected', 'merged', 'outdated']);
export const Amendment = z
  .object({
    id: AmendmentId,
    textId: TextId,
    /** « Amendement n° 3 »: its rank among the text's amendments. */
    number: z.number().int(),
    version: z.number().int(),
    changes: z.array(FiledChange),
    justification: z.string(),
    author: z.object({ userId: UserId.nullable(), displayName: z.string() }),
    state: AmendmentState,
    note: z.string().nullable(),
    createdAt: z.string(),
    /** The lines of its version it bears on (« lignes 12 à 15 »). */
    lines: z.object({ from: z.number().int(), to: z.number().int() }),
    /** What it changes, word by word: the blocks it rewrites, deletes or inserts. */
    diff: z.array(BlockDiff),
    /** The numbers of the other accepted amendments it cannot be merged with as they are. */
    conflictsWith: z.array(z.number().int()),
  })
  .meta({ id: 'Amendment' });
export const AmendmentList = z.object({ items: z.array(Amendment) }).meta({ id: 'AmendmentList' });

export const TextDiff = z.object({ from: z.number().int(), to: z.number().int(), blocks: z.array(BlockDiff) }).meta({ id: 'TextDiff' });

export const TextParams = z.object({ textId: TextId });
export const AmendmentParams = z.object({ textId: TextId, amendmentId: AmendmentId });
export const SpaceTextsParams = z.object({ spaceType: PartySpaceType, spaceId: SpaceId });

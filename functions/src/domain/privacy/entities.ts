import { createHash } from 'node:crypto';
import { Entity } from 'electrodb';
import { entityConfig } from '../../shared/dynamodb';

/**
 * A sweep of the whole table for one person (ADR 0024): an erasure or an export. Its creation (stream
 * INSERT) starts the job; `cursors` holds where each segment of the Scan stopped, so a run that nears
 * its timeout hands over to `seq + 1` from there. While it runs it holds what identifies the person (the
 * needles the sweep looks for); once done, an erasure keeps only its pseudonym and dates.
 */
export const SweepTaskEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'sweepTask', version: '1' },
    attributes: {
      sweepId: { type: 'string', required: true },
      seq: { type: 'number', required: true },
      kind: { type: ['erasure', 'export'] as const, required: true },
      /** The person; removed from a finished erasure. */
      userId: { type: 'string' },
      email: { type: 'string' },
      givenName: { type: 'string' },
      familyName: { type: 'string' },
      /** « compte supprimé n° … »: the stable pseudonym of an erased person in the records that outlive them. */
      pseudonym: { type: 'string', required: true },
      /** Posts and comments of an erased person: deleted, or kept under « compte supprimé ». */
      content: { type: ['delete', 'keep'] as const },
      /** Who asked: the person (`self`) or the privacy officer on their behalf (their userId). */
      requestedBy: { type: 'string', required: true },
      requestedAt: { type: 'string', required: true },
      /** JSON: per segment of the Scan, its LastEvaluatedKey (null: not started; `done`). */
      cursors: { type: 'string', required: true },
      state: { type: ['running', 'done'] as const, required: true },
      /** Items looked at and items changed so far, for the progress shown. */
      scanned: { type: 'number', required: true, default: 0 },
      matched: { type: 'number', required: true, default: 0 },
      finishedAt: { type: 'string' },
      /** Export: the archive's key in the files bucket, once built. */
      archiveKey: { type: 'string' },
      expiresAt: { type: 'number' },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['sweepId'] }, sk: { field: 'sk', composite: ['seq'] } },
      // A person's exports, newest first (the profile's progress); sparse: a finished erasure has no userId.
      byPerson: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['userId'] }, sk: { field: 'gsi1sk', composite: ['kind', 'requestedAt'] } },
    },
  },
  entityConfig,
);

/** The hash of a member number that the member-file import checks (the tombstone's key). */
export const memberHash = (memberNumber: string) => createHash('sha256').update(`member:${memberNumber}`).digest('hex').slice(0, 32);

/**
 * The member-file row of an erased person, by a hash of its member number: the next import does not
 * link that row to an account by its address; signing up again (registration links by the row) does.
 */
export const MemberTombstoneEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'memberTombstone', version: '1' },
    attributes: {
      memberHash: { type: 'string', required: true },
      erasedAt: { type: 'string', required: true },
    },
    indexes: { byHash: { pk: { field: 'pk', composite: ['memberHash'] }, sk: { field: 'sk', composite: [] } } },
  },
  entityConfig,
);

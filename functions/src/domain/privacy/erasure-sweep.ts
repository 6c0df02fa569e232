import type { EntityItem } from 'electrodb';
import { DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import { filesBucket, s3 } from '../../shared/files';
import { isConditionFailure } from '../../shared/conditions';
import { logger } from '../../shared/logger';
import { hashedAddress, SuppressionEntity } from '../mail/suppression';
import { deleteCognitoUser } from './cognito-account';
import { deleteCounted } from './counters';
import { SweepTaskEntity } from './entities';
import { isSubjectOf, ruleOfItem, type DataRule, type ErasureRule } from './inventory';
import { namesPerson, needlesOf, rewritten, runSweep, type Needles, type RawItem, type SweepTask } from './sweep';

/**
 * The erasure job's part (ADR 0024): every item that names the erased person deleted, anonymised or
 * pseudonymised as the inventory says, their files removed, the Cognito account gone.
 */

/** What the content of an erased person becomes when kept: no name, no link. */
export const ERASED_AUTHOR = 'compte supprimé';
const ERASED_ID = 'compte-supprime';


const keyAttributes = (item: RawItem) => Object.keys(item).filter((k) => k === 'pk' || k === 'sk' || /^gsi\d+(pk|sk)$/.test(k));

/** What the sweep does to one item that names the person. */
function actionFor(item: RawItem, rule: DataRule | undefined, task: SweepTask, userId: string): ErasureRule | 'unlink-member' | 'hash-suppression' {
  if (!rule) return 'delete';
  if (item.__edb_e__ === 'memberRecord') return 'unlink-member';
  if (item.__edb_e__ === 'mailSuppression') return 'hash-suppression';
  const isSubject = isSubjectOf(rule, item, [userId.toLowerCase(), task.email!.toLowerCase()]);
  // An item in the person's own partition or index goes with them, whatever else it is (a post on their profile).
  const inTheirKeys = keyAttributes(item).some((k) => String(item[k]).toLowerCase().includes(userId.toLowerCase()));
  switch (rule.erasure) {
    case 'delete':
      return isSubject || rule.namedElsewhere === 'delete' ? 'delete' : 'anonymise';
    // Left to its short TTL: hashes, or the « sessions valid after » instant that refuses old tokens.
    case 'expire':
      return 'none';
    case 'author-choice':
      if (!isSubject) return 'anonymise';
      return task.content === 'keep' && !inTheirKeys ? 'anonymise' : 'delete';
    case 'anonymise':
      return inTheirKeys ? 'delete' : 'anonymise';
    case 'pseudonymise':
      return 'pseudonymise';
    case 'none':
      return 'none';
  }
}

async function deleteItem(item: RawItem): Promise<void> {
  await deleteCounted(item);
  // The files an item stood for leave the bucket with it.
  const fileKey = item.__edb_e__ === 'attachment' ? item.key : item.__edb_e__ === 'person' ? item.photoKey : undefined;
  if (typeof fileKey === 'string') await deleteObjects([fileKey]);
}

async function replaceItem(item: RawItem, next: RawItem): Promise<void> {
  if (next.pk === item.pk && next.sk === item.sk) return setChanged(item, next);
  await documentClient.send(
    new TransactWriteCommand({
      TransactItems: [{ Delete: { TableName: tableName, Key: { pk: item.pk, sk: item.sk } } }, { Put: { TableName: tableName, Item: next } }],
    }),
  );
}

/**
 * Writes back only the attributes the rewrite changed, on the item as it is now: a whole put of the
 * scanned copy would undo what happened since the Scan read it (a comment deleted meanwhile, its
 * post's count gone down).
 */
async function setChanged(item: RawItem, next: RawItem): Promise<void> {
  const changed = Object.keys(next).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(item[k]));
  if (!changed.length) return;
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: `SET ${changed.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: Object.fromEntries(changed.map((k, i) => [`#a${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(changed.map((k, i) => [`:v${i}`, next[k]])),
    }),
  ).catch((error: unknown) => {
    if (!isConditionFailure(error)) throw error; // gone meanwhile: nothing left to rewrite
  });
}

async function deleteObjects(keys: string[]): Promise<void> {
  if (!keys.length) return;
  await s3.send(new DeleteObjectsCommand({ Bucket: filesBucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
}

/** Every object under the person's own prefixes: photos, uploads, files of posts. */
async function deletePersonFiles(userId: string): Promise<void> {
  for (const prefix of [`photos/${userId}/`, `uploads/pending/${userId}/`, `attachments/${userId}/`]) {
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: filesBucket, Prefix: prefix, ContinuationToken: token }));
      await deleteObjects((page.Contents ?? []).map((o) => o.Key!));
      token = page.NextContinuationToken;
    } while (token);
  }
}

/** One item the sweep came across: left alone, or deleted, anonymised, pseudonymised per the inventory. */
async function eraseFromItem(item: RawItem, task: SweepTask, needles: Needles): Promise<boolean> {
  if (!namesPerson(item, needles)) return false;
  const userId = task.userId!;
  const action = actionFor(item, ruleOfItem(item), task, userId);
  switch (action) {
    case 'delete':
      await deleteItem(item);
      return true;
    case 'anonymise':
      await replaceItem(item, rewritten(item, needles, { id: ERASED_ID, name: ERASED_AUTHOR }));
      return true;
    case 'pseudonymise':
      await replaceItem(item, rewritten(item, needles, { id: pseudonymIdOf(task), name: task.pseudonym }));
      return true;
    case 'hash-suppression': {
      // Still suppressed, under the hash of the address (mail/suppression.ts reads both).
      const { reason, scope, at } = item as unknown as EntityItem<typeof SuppressionEntity>;
      await SuppressionEntity.put({ email: hashedAddress(String(item.email)), reason, scope, at }).go();
      await deleteItem(item);
      return true;
    }
    case 'unlink-member':
      // The party's own row keeps its data, unlinked from the account; its tombstone was written at the request.
      await documentClient.send(new UpdateCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk }, UpdateExpression: 'REMOVE userId' }));
      return true;
    default:
      if (action === 'none' && ruleOfItem(item)?.data === 'none') logger.warn('erasure: an item said impersonal names the person', { entity: item.__edb_e__ });
      return false;
  }
}

/** The id that stands for the erased person in pseudonymised records: stable, and linked to nothing. */
const pseudonymIdOf = (task: SweepTask) => `compte-supprime-${task.pseudonym.replace(/\D/g, '')}`;

/**
 * The erasure job's work on one task: the sweep (every item naming the person deleted, anonymised or
 * pseudonymised per the inventory), the person's files, and, once every segment is done, the task
 * itself rid of what identified the person: only its pseudonym and dates stay, as proof.
 */
export async function runErasure(task: SweepTask, remainingMs: () => number): Promise<void> {
  if (task.state !== 'running' || !task.userId || !task.email) return;
  const needles = needlesOf({ userId: task.userId, email: task.email, givenName: task.givenName ?? '', familyName: task.familyName ?? '' });
  await deleteCognitoUser(task.userId);
  const outcome = await runSweep(task, (item) => eraseFromItem(item, task, needles), remainingMs);
  if (outcome === 'handed-over') {
    await settleTask(task, 'running');
    return;
  }
  await deletePersonFiles(task.userId);
  await settleTask(task, 'done');
}

/** A task's item without the person's identifiers (a handed-over one, or the last one when done). */
async function settleTask(task: SweepTask, state: 'running' | 'done'): Promise<void> {
  const { data: current } = await SweepTaskEntity.get({ sweepId: task.sweepId, seq: task.seq }).go({ consistent: true });
  if (!current) return;
  const { userId: _u, email: _e, givenName: _g, familyName: _f, ...kept } = current;
  await SweepTaskEntity.put({ ...kept, state, ...(state === 'done' ? { finishedAt: new Date().toISOString() } : {}) }).go();
}

import { DeleteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import { goingCounter, slotCounter } from '../events/capacity';
import { CapacityShardEntity } from '../events/entities';
import { GroupEntity, NotificationStateEntity, PostEntity } from '../social/entities';
import type { RawItem } from './sweep';

/**
 * The counters an item counts in (ADR 0024): when the erasure sweep deletes a group membership, an
 * answer « je viens », a slot's sign-up, a comment or an unread notification, the group's members,
 * the event's places, the post's comments or the bell go down with it — in the same transaction as
 * the delete, as the features themselves do, so that a redelivered sweep changes nothing twice.
 */

type Update = Record<string, unknown>;

/** The counter updates (as UpdateItem inputs, built by ElectroDB) that deleting this item must make. */
export function countersOf(item: RawItem): Update[] {
  const i = item as Record<string, unknown>;
  switch (item.__edb_e__) {
    case 'groupMember':
      if (i.state !== 'member') return [];
      return [GroupEntity.patch({ groupId: String(i.groupId) }).add({ memberCount: -1, ...(i.role === 'manager' ? { managerCount: -1 } : {}) }).params()];
    case 'attendance':
      if (i.state !== 'going' || typeof i.shard !== 'number') return [];
      return [freePlace(goingCounter(String(i.eventId)), i.shard)];
    case 'slotSignup':
      return typeof i.shard === 'number' ? [freePlace(slotCounter(String(i.eventId), String(i.slotId)), i.shard)] : [];
    case 'comment':
      return [PostEntity.patch({ postId: String(i.postId) }).add({ commentCount: -1 }).where((attr, op) => op.gt(attr.commentCount, 0)).params()];
    case 'notification':
      // Unread: not opened, and newer than the last « tout marquer comme lu » (as markKeyRead counts it).
      if (i.readAt) return [];
      return [
        NotificationStateEntity.patch({ userId: String(i.userId) })
          .add({ unread: -1 })
          .where((attr, op) => `${op.gt(attr.unread, 0)} AND (${op.notExists(attr.readAt)} OR ${op.lt(attr.readAt, String(i.at))})`)
          .params(),
      ];
    default:
      return [];
  }
}

const freePlace = (counterId: string, shard: number) =>
  CapacityShardEntity.patch({ counterId, shard }).subtract({ taken: 1 }).where((attr, op) => op.gt(attr.taken, 0)).params();

/**
 * Deletes an item the sweep found, and takes it off its counters in one transaction. When a counter's
 * condition fails (the group is gone, the bell was cleared since) the item is deleted alone; when the
 * item is gone already (a redelivered run) nothing is counted again.
 */
export async function deleteCounted(item: RawItem): Promise<void> {
  const key = { pk: item.pk, sk: item.sk };
  const updates = countersOf(item);
  if (!updates.length) {
    await documentClient.send(new DeleteCommand({ TableName: tableName, Key: key }));
    return;
  }
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: tableName, Key: key, ConditionExpression: 'attribute_exists(pk)' } },
          ...updates.map((update) => ({ Update: update as never })),
        ],
      }),
    );
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (!reasons) throw error;
    if (reasons[0]?.Code === 'ConditionalCheckFailed') return; // deleted already, and counted then
    await documentClient.send(new DeleteCommand({ TableName: tableName, Key: key }));
  }
}

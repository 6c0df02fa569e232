import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { notifyComment, notifyFriendRequest, notifyGroupInvitation, notifyGroupRequest, notifyMentions } from '../domain/social/notifications';

/**
 * The table stream, filtered to what people are told of (infra/jobs.ts): new posts and comments (the
 * people they mention; the post's followers), friend requests, requests to join a group (its managers), invitations. Each cause
 * notifies each person once, whatever is redelivered.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  for (const record of event.Records) {
    const item = unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>);
    switch (item.__edb_e__) {
      case 'post':
        await notifyMentions(item as Parameters<typeof notifyMentions>[0]);
        break;
      case 'comment':
        await notifyComment(item as Parameters<typeof notifyComment>[0]);
        await notifyMentions(item as Parameters<typeof notifyMentions>[0]);
        break;
      case 'friendship':
        await notifyFriendRequest(item as Parameters<typeof notifyFriendRequest>[0]);
        break;
      case 'groupMember':
        await notifyGroupRequest(item as Parameters<typeof notifyGroupRequest>[0]);
        break;
      case 'groupInvitation':
        await notifyGroupInvitation(item as Parameters<typeof notifyGroupInvitation>[0]);
        break;
    }
  }
};

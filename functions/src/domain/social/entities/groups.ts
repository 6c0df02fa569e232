import { Entity } from 'electrodb';
import { entityConfig } from '../../../shared/dynamodb';

/** Thematic groups, their members and invitations. */

export const groupKinds = ['open', 'closed', 'secret'] as const;
export const groupAudiences = ['all', 'members'] as const;

/** A thematic group (« section virtuelle »). Secret groups are absent from the listing index. */
export const GroupEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'group', version: '1' },
    attributes: {
      groupId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      /** Accent-free lower-case name: sorting and search. */
      sortName: { type: 'string', required: true },
      description: { type: 'string', required: true },
      kind: { type: groupKinds, required: true },
      audience: { type: groupAudiences, required: true },
      /** Set on open and closed groups only: secret groups stay out of the listing (sparse gsi1). */
      listed: { type: 'string' },
      createdBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      memberCount: { type: 'number', required: true, default: 0 },
      /** Its managers: a manager leaves only if another remains (no read of the members). */
      managerCount: { type: 'number' },
    },
    indexes: {
      byId: { pk: { field: 'pk', composite: ['groupId'] }, sk: { field: 'sk', composite: [] } },
      // Groups anyone may discover, by name (S2).
      listed: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['listed'] }, sk: { field: 'gsi1sk', composite: ['sortName', 'groupId'] } },
    },
  },
  entityConfig,
);

/**
 * One person in one group: a member (manager or not), a pending request or an invitation accepted
 * later. Both ways: by group (S3) and, inverted, by person (S4).
 */
export const GroupMemberEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'groupMember', version: '1' },
    attributes: {
      groupId: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      state: { type: ['member', 'requested'] as const, required: true },
      role: { type: ['manager', 'member'] as const, required: true },
      /** Denormalized for the member list and « my groups ». */
      displayName: { type: 'string', required: true },
      groupName: { type: 'string', required: true },
      at: { type: 'string', required: true },
      /** Set on pending requests only: the managers' list of requests (sparse gsi2). */
      pendingGroupId: { type: 'string' },
    },
    indexes: {
      // One person's standing in a group is one strongly consistent GetItem.
      byGroup: { pk: { field: 'pk', composite: ['groupId'] }, sk: { field: 'sk', composite: ['userId'] } },
      byPerson: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['userId'] }, sk: { field: 'gsi1sk', composite: ['groupId'] } },
      requests: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['pendingGroupId'] }, sk: { field: 'gsi2sk', composite: ['at', 'userId'] } },
    },
  },
  entityConfig,
);

/** An invitation to a group sent by email: its link holds `token`; it works once, for that address. */
export const GroupInvitationEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'groupInvitation', version: '1' },
    attributes: {
      token: { type: 'string', required: true },
      groupId: { type: 'string', required: true },
      email: { type: 'string', required: true },
      invitedBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: {
      byToken: { pk: { field: 'pk', composite: ['token'] }, sk: { field: 'sk', composite: [] } },
      // Is this address invited to this group (secret groups: may they see it?).
      byEmail: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['email'] }, sk: { field: 'gsi1sk', composite: ['groupId'] } },
    },
  },
  entityConfig,
);

import type { EntityItem } from 'electrodb';
import { PersonEntity } from '../people/entities';
import { GroupMemberEntity, NotificationStateEntity } from '../social/entities';

/**
 * The people of one shard of a space, a page at a time: what bulk mail to a space reads (an event's
 * announcement, a message to the space's members — ADR 0013, 0028). A section's adhérents (P2: supporters
 * have no section), a federation's adhérents and supporters (P3), a group's members who did not mute it
 * (S3, then one BatchGet of them and one of their notification settings). The national level is read
 * as its federations, one shard each.
 */
export type SpaceShard = { scopeType: 'section' | 'federation' | 'group'; scopeId: string };
export type SpacePerson = EntityItem<typeof PersonEntity>;

export async function spacePeoplePage(shard: SpaceShard, cursor: string | null, limit: number): Promise<{ people: SpacePerson[]; cursor: string | null }> {
  const options = { cursor, limit };
  switch (shard.scopeType) {
    case 'section': {
      const page = await PersonEntity.query.bySection({ sectionId: shard.scopeId }).go(options);
      return { people: page.data, cursor: page.cursor };
    }
    case 'federation': {
      const page = await PersonEntity.query.byFederation({ federationCode: shard.scopeId }).go(options);
      return { people: page.data, cursor: page.cursor };
    }
    case 'group': {
      const groupId = shard.scopeId;
      const page = await GroupMemberEntity.query.byGroup({ groupId }).where(({ state }, { eq }) => eq(state, 'member')).go(options);
      const keys = page.data.map(({ userId }) => ({ userId }));
      if (!keys.length) return { people: [], cursor: page.cursor };
      const [people, settings] = await Promise.all([PersonEntity.get(keys).go(), NotificationStateEntity.get(keys).go()]);
      const muted = new Set(settings.data.filter((n) => n.mutedGroups?.includes(groupId)).map((n) => n.userId));
      return { people: people.data.filter((p) => !muted.has(p.userId)), cursor: page.cursor };
    }
  }
}

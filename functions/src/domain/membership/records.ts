import type { EntityItem } from 'electrodb';
import { MemberRecordEntity } from './entities';

type MemberRecord = EntityItem<typeof MemberRecordEntity>;

/** The active member-file record with this email, if any (one Query on gsi1). */
export async function findActiveMemberByEmail(email: string): Promise<MemberRecord | undefined> {
  const { data } = await MemberRecordEntity.query.byEmail({ email }).go();
  return data.find((record) => record.active);
}

/** Remembers which person signed up with a member record (one update). */
export async function linkMemberRecord(memberNumber: string, userId: string): Promise<void> {
  await MemberRecordEntity.patch({ memberNumber }).set({ userId }).go();
}

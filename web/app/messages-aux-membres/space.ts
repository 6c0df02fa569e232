import type { ApiResult } from '../../lib/api';
import type { routes, SpaceType } from '@coopol/contracts';
import { notFound } from 'next/navigation';
import { federationHref, sectionHref } from '../../components/territory/hrefs';
import { t, tc } from '../../i18n';
import type { Session } from '../../lib/session';
import { spaceName } from '../../lib/space-name';

export type Mailing = ApiResult<typeof routes.getMailing>;

/** The spaces that write to their people: a section, a federation, the national level, a group. */
const writers = ['section', 'federation', 'national', 'group'] as const;

export interface WritingSpace {
  type: SpaceType;
  id: string;
  name: string;
  /** The space's own page (none for the national level). */
  href: string | null;
}

/** The space named by the address, with its name; the not-found page for anything else. */
export async function writingSpace(session: Session, here: string, spaceType: string, spaceId: string): Promise<WritingSpace> {
  if (!(writers as readonly string[]).includes(spaceType)) notFound();
  const type = spaceType as SpaceType;
  const name = await spaceName(session, here, type, spaceId);
  const href = type === 'section' ? sectionHref(spaceId) : type === 'federation' ? federationHref(spaceId) : type === 'group' ? `/groupes/${encodeURIComponent(spaceId)}` : null;
  return { type, id: spaceId, name, href };
}

/** Who a message goes to, in words: the whole space, or the parts its segment keeps. */
export function audienceText(space: Pick<WritingSpace, 'type'>, segment: Mailing['segment'], excludedTitle?: string): string {
  if (!segment) return t(space.type === 'section' ? 'mailings.whole.section' : space.type === 'group' ? 'mailings.whole.group' : 'mailings.whole.space');
  const who =
    space.type === 'section'
      ? t('mailings.part.everyone')
      : t(segment.status === 'adherents' ? 'mailings.part.adherents' : segment.status === 'sympathisants' ? 'mailings.part.sympathisants' : 'mailings.part.both');
  const parts = [who];
  if (segment.interests?.length) parts.push(t('mailings.part.interests', { list: segment.interests.join(', ') }));
  if (segment.volunteersWithinMonths) parts.push(tc('mailings.part.volunteers', segment.volunteersWithinMonths));
  if (segment.excludeVolunteersWithinMonths) parts.push(tc('mailings.part.exceptVolunteers', segment.excludeVolunteersWithinMonths));
  if (segment.inactiveForMonths) parts.push(tc('mailings.part.inactive', segment.inactiveForMonths));
  if (segment.excludeEventId) parts.push(excludedTitle ? t('mailings.part.exceptEvent', { title: excludedTitle }) : t('mailings.part.exceptAnEvent'));
  return parts.join(', ');
}

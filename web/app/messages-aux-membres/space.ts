import type { ApiResult } from '../../lib/api';
import type { routes } from '@coopol/contracts';
import { t, tc } from '../../i18n';
import { namedSpace, type NamedSpace } from '../../lib/space-name';

export type Mailing = ApiResult<typeof routes.getMailing>;

/** The spaces that write to their people: a section, a federation, the national level, a group (`namedSpace`). */
export type WritingSpace = NamedSpace;
export const writingSpace = namedSpace;

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

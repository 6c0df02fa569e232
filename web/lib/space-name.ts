import { routes, type SpaceType } from '@coopol/contracts';
import { notFound } from 'next/navigation';
import { federationHref, sectionHref } from '../components/territory/hrefs';
import { callApi } from './api';
import { orNotFound } from './or-not-found';
import { callAsSignedIn, type Session } from './session';

/**
 * The name of a party space or group, for a page's heading (its agenda, its messages): the not-found
 * page for one that does not exist — or, for a group, that the person may not know of (a secret one).
 */
export async function spaceName(session: Session, here: string, type: SpaceType, id: string): Promise<string> {
  if (type === 'section') return (await orNotFound(callApi(routes.getSection, { params: { sectionId: id } }))).name;
  if (type === 'federation') return (await orNotFound(callApi(routes.getFederation, { params: { federationCode: id } }))).name;
  if (type === 'national' && id === 'national') return 'National';
  if (type === 'group') return (await orNotFound(callAsSignedIn(session, here, routes.getGroup, { params: { groupId: id } }))).name;
  notFound();
}

/** A party space or group named by a page's address: its type, id, name and own page (none for the national level). */
export interface NamedSpace {
  type: SpaceType;
  id: string;
  name: string;
  href: string | null;
}

const namedTypes = ['section', 'federation', 'national', 'group'] as const;

/** The space named by the address (its messages, its texts), with its name; the not-found page for anything else. */
export async function namedSpace(session: Session, here: string, spaceType: string, spaceId: string): Promise<NamedSpace> {
  if (!(namedTypes as readonly string[]).includes(spaceType)) notFound();
  const type = spaceType as SpaceType;
  const name = await spaceName(session, here, type, spaceId);
  const href = type === 'section' ? sectionHref(spaceId) : type === 'federation' ? federationHref(spaceId) : type === 'group' ? `/groupes/${encodeURIComponent(spaceId)}` : null;
  return { type, id: spaceId, name, href };
}

import { routes, type SpaceType } from '@coopol/contracts';
import { notFound } from 'next/navigation';
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

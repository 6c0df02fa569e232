import { routes } from '@coopol/contracts';
import { redirect } from 'next/navigation';
import { sectionHref } from '../../components/territory/hrefs';
import { callAsSignedIn, requireSession } from '../../lib/session';

export const dynamic = 'force-dynamic';

/**
 * « Ma section » of the navigation: a member goes to their section; anyone else (a supporter
 * belongs to no section) to the finder, which shows the section of a postal code and its events.
 * The header links here so that it needs no API call of its own.
 */
export default async function MySectionPage() {
  const session = await requireSession('/ma-section');
  const profile = await callAsSignedIn(session, '/ma-section', routes.getMyProfile, {});
  redirect(profile.sectionId ? sectionHref(profile.sectionId) : '/trouver-ma-section');
}

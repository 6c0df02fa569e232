import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { t } from '../i18n';
import { isApiError } from '../lib/api';
import { FeedHome } from '../components/social/FeedHome';
import { callAsSignedIn, getSession, type Session } from '../lib/session';
import { MyNextActions, SpaceActions } from './evenements/SpaceActions';
import events from './evenements/events.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { absolute: t('site.titleDefault') },
};

/**
 * Signed in: action first — the open volunteer slots and next actions of one's section (a supporter:
 * of their federation), one's own next answers, then the feed; no marketing. Signed out, the visitor
 * sees `/decouvrir` at this address (`proxy.ts`); a session that turned out to be gone is sent there.
 */
export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { apres } = await searchParams;
  const session = await getSession();
  if (!session) redirect('/decouvrir');
  return <SignedInHome session={session} after={typeof apres === 'string' ? apres : undefined} />;
}

async function SignedInHome({ session, after }: { session: Session; after?: string }) {
  const profile = await callAsSignedIn(session, '/', routes.getMyProfile, {}).catch((error: unknown) => {
    // A confirmed account whose person is not created yet has no profile: the feed alone.
    if (isApiError(error, 404)) return null;
    throw error;
  });
  if (!profile) {
    const me = await callAsSignedIn(session, '/', routes.me, {});
    return <FeedHome session={session} userId={me.sub} after={after} />;
  }
  const space = profile.sectionId ? { type: 'section' as const, id: profile.sectionId } : { type: 'federation' as const, id: profile.federationCode };
  return (
    <>
      <div className={`container ${events.page}`}>
        <header className={events.head}>
          <h1>{profile.givenName ? t('actions.greeting', { name: profile.givenName }) : t('actions.greetingAnonymous')}</h1>
          <p className={events.muted}>{t('actions.intro')}</p>
        </header>
        <div className={events.columns}>
          <div className={events.facts}>
            <SpaceActions session={session} space={space} returnTo="/" needsHeading={profile.sectionId ? undefined : t('actions.needsHeadingNear')} />
          </div>
          <div className={events.facts}>
            <MyNextActions session={session} />
          </div>
        </div>
      </div>
      <FeedHome session={session} userId={profile.userId} after={after} />
    </>
  );
}

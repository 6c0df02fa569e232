import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { ActionForm } from '../../../components/forms/ActionForm';
import { Hidden } from '../../../components/forms/Hidden';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { TextField } from '../../../components/forms/TextField';
import { Composer } from '../../../components/social/Composer';
import { PostCard } from '../../../components/social/PostCard';
import styles from '../../../components/social/social.module.css';
import { t, tc } from '../../../i18n';
import { orNotFound } from '../../../lib/or-not-found';
import { callAsSignedIn, getSession, requireSession } from '../../../lib/session';
import { SalonCard } from '../../../components/messaging/SalonCard';
import { EventList } from '../../evenements/EventList';
import { agendaHref, newEventHref } from '../../evenements/hrefs';
import { SpaceMailingsCard } from '../../messages-aux-membres/SpaceMailingsCard';
import { SpaceTextsCard } from '../../textes/SpaceTextsCard';
import { changeStanding, decideMember, invite } from '../actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

// A group the caller may not know of (secret) is a 404, as for one that does not exist.
const getGroup = cache(async (groupId: string) => {
  const session = await requireSession(`/groupes/${groupId}`);
  return { session, group: await orNotFound(callAsSignedIn(session, `/groupes/${groupId}`, routes.getGroup, { params: { groupId } })) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await getSession())) return { title: t('groups.title') };
  return { title: (await getGroup((await params).id)).group.name };
}

export default async function GroupPage({ params }: Props) {
  const groupId = (await params).id;
  const { session, group } = await getGroup(groupId);
  const back = `/groupes/${groupId}`;
  const member = group.myStanding === 'member' || group.myStanding === 'manager';
  const manager = group.myStanding === 'manager';
  const [posts, requests, members, agenda] = await Promise.all([
    member ? callAsSignedIn(session, back, routes.listSpacePosts, { params: { spaceType: 'group', spaceId: groupId }, query: { limit: 30 } }) : null,
    manager ? callAsSignedIn(session, back, routes.listGroupMembers, { params: { groupId }, query: { state: 'requested', limit: 50 } }) : null,
    manager ? callAsSignedIn(session, back, routes.listGroupMembers, { params: { groupId }, query: { state: 'member', limit: 100 } }) : null,
    // Its agenda: the group's events the person may see (public ones only, for someone outside it).
    callAsSignedIn(session, back, routes.listSpaceAgenda, { params: { spaceType: 'group', spaceId: groupId }, query: { limit: 5 } }),
  ]);

  return (
    <div className={`container section-block ${styles.stack}`}>
      <div className="section-intro">
        <h1>{group.name}</h1>
        <p>
          {t(`groups.kind.${group.kind}`)} · {t(`groups.audience.${group.audience}`)} · {tc('groups.members', group.memberCount)}
        </p>
        {group.description && <p>{group.description}</p>}
      </div>

      {group.myStanding === 'none' && (
        <form action={changeStanding}>
          <Hidden name="groupId" value={groupId} />
          <Hidden name="action" value="join" />
          <button type="submit" className="button button-primary">
            {group.kind === 'open' ? t('groups.join') : t('groups.request')}
          </button>
        </form>
      )}
      {group.myStanding === 'requested' && <p role="status">{t('groups.requested')}</p>}
      {!member && <p>{t('groups.closedNotice')}</p>}
      {manager && (
        <p>
          {t('groups.manager')} <Link href={`/moderation/group/${groupId}`}>{t('groups.reports')}</Link>
        </p>
      )}

      {manager && <SpaceMailingsCard session={session} space={{ type: 'group', id: groupId }} returnTo={back} known />}
      {member && <SalonCard session={session} space={{ type: 'group', id: groupId }} back={back} />}
      {member && <SpaceTextsCard session={session} space={{ type: 'group', id: groupId }} returnTo={back} />}

      {requests && requests.items.length > 0 && (
        <section aria-labelledby="requests">
          <h2 id="requests">{t('groups.requests')}</h2>
          <ul className={styles.requests}>
            {requests.items.map((request) => (
              <li key={request.userId} className={styles.request}>
                <span>{request.displayName}</span>
                {(['approve', 'refuse'] as const).map((action) => (
                  <form key={action} action={decideMember} className={styles.inline}>
                    <Hidden name="groupId" value={groupId} />
                    <Hidden name="userId" value={request.userId} />
                    <Hidden name="action" value={action} />
                    <button type="submit" className={`button ${action === 'approve' ? 'button-primary' : 'button-secondary'}`} aria-label={`${t(`groups.${action}`)} : ${request.displayName}`}>
                      {t(`groups.${action}`)}
                    </button>
                  </form>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      {members && (
        <section aria-labelledby="group-members">
          <h2 id="group-members">{t('groups.membersHeading')}</h2>
          <ul className={styles.memberList}>
            {members.items.map((person) => (
              <li key={person.userId} className={styles.request}>
                <span>
                  {person.displayName}
                  {person.role === 'manager' && ` (${t('groups.roleManager')})`}
                </span>
                {person.role === 'member' &&
                  (['make-manager', 'remove'] as const).map((action) => (
                    <form key={action} action={decideMember} className={styles.inline}>
                      <Hidden name="groupId" value={groupId} />
                      <Hidden name="userId" value={person.userId} />
                      <Hidden name="action" value={action} />
                      <button type="submit" className="button button-secondary" aria-label={`${t(action === 'remove' ? 'groups.remove' : 'groups.makeManager')} : ${person.displayName}`}>
                        {t(action === 'remove' ? 'groups.remove' : 'groups.makeManager')}
                      </button>
                    </form>
                  ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      {manager && (
        <section aria-labelledby="invite">
          <h2 id="invite">{t('groups.invite')}</h2>
          <ActionForm action={invite}>
            <Hidden name="groupId" value={groupId} />
            <TextField name="email" type="email" label={t('groups.inviteEmail')} required autoComplete="off" />
            <SubmitButton>{t('groups.inviteSubmit')}</SubmitButton>
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="group-agenda">
        <h2 id="group-agenda">{t('agenda.groupHeading')}</h2>
        <EventList events={agenda.items} empty={t('agenda.empty')} />
        <p className={styles.inline}>
          <Link href={agendaHref('group', groupId)}>{t('agenda.groupAll')}</Link>
          {manager && (
            <>
              {' · '}
              <Link href={newEventHref('group', groupId)} className="button button-primary">
                {t('agenda.groupNew')}
              </Link>
            </>
          )}
        </p>
      </section>

      {member && <Composer spaceType="group" spaceId={groupId} back={back} />}
      {posts && (
        <section aria-labelledby="group-posts">
          <h2 id="group-posts">{t('groups.posts')}</h2>
          <ul className={styles.feed}>
            {posts.items.map((post) => (
              <li key={post.id}>
                <PostCard post={post} back={back} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {member && !manager && (
        <form action={changeStanding}>
          <Hidden name="groupId" value={groupId} />
          <Hidden name="action" value="leave" />
          <button type="submit" className="button button-secondary">
            {t('groups.leave')}
          </button>
        </form>
      )}
    </div>
  );
}

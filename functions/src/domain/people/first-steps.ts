import type { FirstSteps } from '../../contracts/identity';
import { requirePerson } from '../access/authority';
import type { Caller } from '../access/caller';
import { callerItem } from '../access/load-caller';
import { AttendanceEntity, SlotSignupEntity } from '../events/entities';
import { FriendshipEntity } from '../social/entities/friends';
import { PostEntity } from '../social/entities/posts';

/**
 * « Premiers pas », read from what the person did rather than ticked by hand: the person item loaded
 * with the caller gives the photo, their groups and whether they closed the list; four one-item
 * Queries, in parallel, tell whether they asked or have a coopain, answered an event, took a slot,
 * posted (ACCESS_PATTERNS P11).
 */
export async function getFirstSteps(caller: Caller): Promise<FirstSteps> {
  const person = requirePerson(caller);
  const { userId } = person;
  const [item, friendships, answers, slots, posts] = await Promise.all([
    callerItem(person),
    // Received requests do not count: the step is reaching out. A page of 20 is enough to find one.
    FriendshipEntity.query.byPerson({ userId }).go({ limit: 20, attributes: ['state'] }),
    AttendanceEntity.query.byAttendee({ attendeeId: userId }).go({ limit: 1, attributes: ['eventId'] }),
    SlotSignupEntity.query.byPerson({ userId }).go({ limit: 1, attributes: ['eventId'] }),
    PostEntity.query.byAuthor({ authorId: userId }).go({ limit: 1, attributes: ['postId'] }),
  ]);
  return {
    photo: Boolean(item?.photoKey),
    group: (person.groupIds?.length ?? 0) > 0,
    coopain: friendships.data.some((friendship) => friendship.state !== 'received'),
    action: answers.data.length > 0 || slots.data.length > 0,
    post: posts.data.length > 0,
    dismissed: item?.firstStepsDismissed === true,
  };
}

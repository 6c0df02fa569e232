import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { htmlPage, startLinkFixture } from '../support/link-fixture';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';
import { until } from '../support/until';

// Conversations one can follow, through the real handlers and the worker's stream jobs: replies and
// who is told of them, authors editing and deleting, every derived copy following (the post's copy of
// its newest comment, notifications, the search index, the feed), the bell read one item at a time
// and once a friend request is answered, friend suggestions' reasons, and search of sections and their
// next events. Everyone here is new (unique addresses).

let stack: TestStack;
const run = randomUUID().slice(0, 6);
let nina: TestPerson; // member, Lille: writes the posts
let oscar: TestPerson; // member, Lille
let paula: TestPerson; // member, Lille

type Notification = { id: string; kind: string; text: string; path: string; read: boolean };
type Comment = { id: string; parentId?: string; html: string; text?: string; editedAt?: string };

const notificationsOf = (person: TestPerson) => call(stack, person, 'GET', '/api/me/notifications').then((r) => r.body as unknown as { items: Notification[]; unread: number });
const unreadOf = (person: TestPerson) => call(stack, person, 'GET', '/api/me/notifications/unread').then((r) => r.body.unread as number);
const commentsOf = (person: TestPerson, postId: string) => call(stack, person, 'GET', `/api/posts/${postId}/comments`).then((r) => r.body.items as Comment[]);
const postOf = (person: TestPerson, postId: string) => call(stack, person, 'GET', `/api/posts/${postId}`);
const feedOf = (person: TestPerson) => call(stack, person, 'GET', '/api/feed?limit=50').then((r) => r.body.items as { id: string; html: string }[]);
const searchOf = (person: TestPerson, q: string) => call(stack, person, 'GET', `/api/search?q=${encodeURIComponent(q)}`).then((r) => r.body as Record<string, { id?: string; userId?: string; title?: string; name?: string }[]>);
const newPost = async (author: TestPerson, text: string, space = { type: 'section', id: 'lille' }) => {
  const created = await call(stack, author, 'POST', '/api/posts', { space, text });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id as string;
};
const comment = async (author: TestPerson, postId: string, text: string, parentId?: string) => {
  const created = await call(stack, author, 'POST', `/api/posts/${postId}/comments`, { text, ...(parentId && { parentId }) });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as unknown as Comment;
};

before(async () => {
  stack = testStack();
  const member = (name: string, n: number) =>
    createTestPerson(stack, { email: `${name.toLowerCase()}-${run}@coopol.example`, givenName: name, familyName: 'Conversation', postalCode: '59000', member: { memberNumber: `CV${run.toUpperCase()}${n}`, sectionId: 'lille' } });
  [nina, oscar, paula] = await Promise.all([member('Nina', 1), member('Oscar', 2), member('Paula', 3)]);
});

describe('posting in one box', () => {
  test('an address in the text is previewed, a video shown as its player; one whose preview cannot be had is posted without it, never refused', async () => {
    const fixture = await startLinkFixture(stack, { '/tract': htmlPage('<meta property="og:title" content="Le tract des transports">') });
    try {
      const page = await call(stack, nina, 'POST', '/api/posts', { space: { type: 'section', id: 'lille' }, text: `À lire avant samedi : ${fixture.origin}/tract.` });
      assert.equal(page.status, 201, JSON.stringify(page.body));
      assert.deepEqual(page.body.link, { url: `${fixture.origin}/tract`, title: 'Le tract des transports' }, 'the address without the final full stop');
      assert.equal(page.body.spaceName, 'Section de Lille');
    } finally {
      await fixture.close();
    }
    const video = await call(stack, nina, 'POST', '/api/posts', { space: { type: 'section', id: 'lille' }, text: 'La vidéo : https://youtu.be/dQw4w9WgXcQ' });
    assert.equal(video.status, 201);
    assert.equal((video.body.embed as { embedUrl: string }).embedUrl, 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    assert.equal(video.body.link, undefined);
    // An address our servers must never fetch: the post goes out, without preview (nothing was fetched).
    const refused = await call(stack, nina, 'POST', '/api/posts', { space: { type: 'section', id: 'lille' }, text: 'Regardez http://169.254.169.254/latest/meta-data/' });
    assert.equal(refused.status, 201, JSON.stringify(refused.body));
    assert.equal(refused.body.link, undefined);
    assert.match(refused.body.html as string, /169\.254\.169\.254/, 'the text keeps it');
  });
});

describe('replies', () => {
  test('a reply answers its comment (one level), tells the comment’s author even once they stopped following, and the followers once', async () => {
    const postId = await newPost(nina, `Qui vient au marché de Wazemmes ${run} ?`);
    const oscarsComment = await comment(oscar, postId, `Moi, dès 9 h ${run}`);
    await comment(paula, postId, 'Moi aussi');
    // Oscar follows by commenting; he stops, and a reply to him still reaches him.
    assert.deepEqual((await call(stack, oscar, 'DELETE', `/api/posts/${postId}/follow`)).body, { following: false });
    assert.equal((await postOf(oscar, postId)).body.following, false);
    assert.equal((await postOf(paula, postId)).body.following, true, 'commenting follows');

    const reply = await comment(nina, postId, `Super, je t’attends devant la halle ${run}`, oscarsComment.id);
    assert.equal(reply.parentId, oscarsComment.id);
    // Answering a reply answers its comment: still one level.
    const second = await comment(paula, postId, 'Je vous rejoins', reply.id);
    assert.equal(second.parentId, oscarsComment.id);

    const told = await until('Oscar is told of the reply', () => notificationsOf(oscar), (n) => n.items.some((i) => i.text.includes('a répondu à votre commentaire')));
    const replies = told.items.filter((i) => i.text.includes(`Nina Conversation a répondu à votre commentaire : « Super, je t’attends devant la halle ${run} »`));
    assert.equal(replies.length, 1, JSON.stringify(told.items));
    assert.equal(replies[0]!.path, `/publications/${postId}`);
    // Paula, a follower whose comment was not answered, hears of Nina's reply as of any comment; Nina, once, of Paula's.
    const paulas = await until('Paula is told', () => notificationsOf(paula), (n) => n.items.some((i) => i.text.includes('Super, je t’attends')));
    assert.ok(paulas.items.every((i) => !i.text.includes('a répondu à votre commentaire')));
    const ninas = await until('Nina is told of Paula’s reply', () => notificationsOf(nina), (n) => n.items.some((i) => i.text.includes('Je vous rejoins')));
    assert.equal(ninas.items.filter((i) => i.text.includes('Je vous rejoins')).length, 1, 'the author of the reply answered is told once, not twice');

    const listed = await commentsOf(nina, postId);
    assert.deepEqual(listed.map((c) => c.parentId ?? null), [null, null, oscarsComment.id, oscarsComment.id]);
  });

  test('a reply to a comment that is not in the conversation is a 404 on body.parentId, and nothing is written', async () => {
    const postId = await newPost(nina, 'Une conversation');
    const elsewhere = await comment(oscar, await newPost(nina, 'Une autre conversation'), 'Ailleurs');
    const refused = await call(stack, oscar, 'POST', `/api/posts/${postId}/comments`, { text: 'Perdu', parentId: elsewhere.id });
    assert.equal(refused.status, 404);
    assert.equal(refused.body.details?.[0]?.field, 'body.parentId');
    const malformed = await call(stack, oscar, 'POST', `/api/posts/${postId}/comments`, { text: 'Perdu', parentId: 'pas-un-identifiant' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.details?.[0]?.field, 'body.parentId');
    assert.equal((await postOf(oscar, postId)).body.commentCount, 0);
    assert.deepEqual(await commentsOf(oscar, postId), []);
  });
});

describe('edit and delete: every derived copy follows', () => {
  test('an edited comment: its author only; the post’s copy, the notification and the list show the new words', async () => {
    const postId = await newPost(nina, `Réunion publique ${run}`);
    const mine = await comment(oscar, postId, `Je ramène les chaises bleues ${run}`);
    await until('Nina is told', () => notificationsOf(nina), (n) => n.items.some((i) => i.text.includes('chaises bleues')));

    assert.equal((await call(stack, paula, 'PATCH', `/api/posts/${postId}/comments/${mine.id}`, { text: 'Pas à toi' })).status, 403);
    const empty = await call(stack, oscar, 'PATCH', `/api/posts/${postId}/comments/${mine.id}`, { text: '' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.details?.[0]?.field, 'body.text');

    const edited = await call(stack, oscar, 'PATCH', `/api/posts/${postId}/comments/${mine.id}`, { text: `Je ramène les chaises rouges ${run}` });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.ok(edited.body.editedAt);
    assert.equal(edited.body.text, `Je ramène les chaises rouges ${run}`, 'its author gets the source back');

    const [listed] = await commentsOf(paula, postId);
    assert.match(listed!.html, /chaises rouges/);
    assert.equal(listed!.text, undefined, 'the source is its author’s');
    const post = (await postOf(paula, postId)).body as { lastComment: { html: string } };
    assert.match(post.lastComment.html, /chaises rouges/, 'the post’s copy of its newest comment');
    const feed = await until('the post is in Nina’s feed', () => feedOf(nina), (items) => items.some((p) => p.id === postId));
    const feedCopy = feed.find((p) => p.id === postId) as unknown as { lastComment: { html: string } };
    assert.match(feedCopy.lastComment.html, /chaises rouges/, 'the feed reads the post');
    const told = (await notificationsOf(nina)).items.find((i) => i.path === `/publications/${postId}`)!;
    assert.match(told.text, /chaises rouges/);
    assert.doesNotMatch(told.text, /chaises bleues/, 'the old words are not shown again');
  });

  test('a deleted comment leaves the post’s copy and its notification; a reply to it stays in the conversation', async () => {
    const postId = await newPost(nina, 'Tractage samedi');
    const first = await comment(paula, postId, 'Je viens');
    const last = await comment(oscar, postId, `Un mot regretté ${run}`);
    await comment(nina, postId, 'Merci', first.id);
    await until('Nina is told', () => notificationsOf(nina), (n) => n.items.some((i) => i.text.includes('Un mot regretté')));
    assert.equal((await call(stack, paula, 'DELETE', `/api/posts/${postId}/comments/${last.id}`)).status, 403);

    assert.equal((await call(stack, paula, 'DELETE', `/api/posts/${postId}/comments/${first.id}`)).status, 200);
    const remaining = await commentsOf(nina, postId);
    assert.deepEqual(remaining.map((c) => c.parentId ?? null), [null, first.id], 'the reply stays, still pointing at what it answered');

    assert.equal((await call(stack, oscar, 'DELETE', `/api/posts/${postId}/comments/${last.id}`)).status, 200);
    const post = (await postOf(nina, postId)).body as { commentCount: number; lastComment?: { html: string } };
    assert.equal(post.commentCount, 1);
    assert.doesNotMatch(post.lastComment?.html ?? '', /regretté/);
    const texts = (await notificationsOf(nina)).items.map((i) => i.text);
    assert.ok(!texts.some((t) => t.includes('regretté')), JSON.stringify(texts));
  });

  test('an edited post is found by its new words only, in the feed as edited; deleted, it leaves the feed, the search and its notifications', async () => {
    const oldWord = `ancienmot${run}`;
    const newWord = `nouveaumot${run}`;
    const postId = await newPost(nina, `Rendez-vous ${oldWord} place Rihour`);
    await until('found by its word', () => searchOf(oscar, oldWord), (r) => r.posts!.some((p) => p.id === postId));
    assert.equal((await call(stack, oscar, 'PATCH', `/api/posts/${postId}`, { text: 'Pas à toi' })).status, 403);
    const edited = await call(stack, nina, 'PATCH', `/api/posts/${postId}`, { text: `Rendez-vous ${newWord} place Rihour` });
    assert.equal(edited.status, 200);
    assert.ok(edited.body.editedAt);
    await until('found by its new word', () => searchOf(oscar, newWord), (r) => r.posts!.some((p) => p.id === postId));
    await until('not by the old one', () => searchOf(oscar, oldWord), (r) => !r.posts!.some((p) => p.id === postId));
    const inFeed = await until('in Oscar’s feed', () => feedOf(oscar), (items) => items.some((p) => p.id === postId));
    assert.match(inFeed.find((p) => p.id === postId)!.html, new RegExp(newWord));

    await comment(oscar, postId, `J’y serai ${run}`);
    await until('Nina is told', () => notificationsOf(nina), (n) => n.items.some((i) => i.text.includes(`J’y serai ${run}`)));
    assert.equal((await call(stack, oscar, 'DELETE', `/api/posts/${postId}`)).status, 403);
    assert.equal((await call(stack, nina, 'DELETE', `/api/posts/${postId}`)).status, 200);
    assert.equal((await postOf(oscar, postId)).status, 404);
    assert.ok(!(await feedOf(oscar)).some((p) => p.id === postId), 'gone from the feed');
    await until('gone from the search', () => searchOf(oscar, newWord), (r) => !r.posts!.some((p) => p.id === postId));
    assert.ok(!(await notificationsOf(nina)).items.some((i) => i.text.includes(`J’y serai ${run}`)), 'its notification no longer quotes it');
  });
});

describe('the bell', () => {
  test('opening a notification reads it (one less unread, once); an accepted friend request’s notification is read', async () => {
    const before = await unreadOf(nina);
    const postId = await newPost(nina, `La cloche ${run}`);
    await comment(paula, postId, `Un commentaire pour la cloche ${run}`);
    const told = await until('Nina is told', () => notificationsOf(nina), (n) => n.items.some((i) => i.text.includes(`Un commentaire pour la cloche ${run}`)));
    const item = told.items.find((i) => i.text.includes(`Un commentaire pour la cloche ${run}`))!;
    assert.equal(item.read, false);
    assert.equal(told.unread, before + 1);

    const opened = await call(stack, nina, 'POST', `/api/me/notifications/${item.id}/read`);
    assert.deepEqual(opened.body, { unread: before });
    assert.deepEqual((await call(stack, nina, 'POST', `/api/me/notifications/${item.id}/read`)).body, { unread: before }, 'twice changes nothing');
    assert.equal((await notificationsOf(nina)).items.find((i) => i.id === item.id)!.read, true);
    assert.equal((await call(stack, oscar, 'POST', `/api/me/notifications/${item.id}/read`)).status, 404, 'not someone else’s');
    assert.equal((await call(stack, nina, 'POST', '/api/me/notifications/pas-une-notification/read')).status, 400);

    // A friend request: told, then read once accepted.
    const quentin = await createTestPerson(stack, { email: `quentin-${run}@coopol.example`, givenName: 'Quentin', familyName: 'Conversation', postalCode: '59000' });
    assert.deepEqual((await call(stack, quentin, 'POST', `/api/friends/${nina.userId}`)).body, { state: 'sent' });
    assert.deepEqual((await call(stack, quentin, 'GET', `/api/friends/${nina.userId}`)).body, { state: 'sent' });
    assert.deepEqual((await call(stack, nina, 'GET', `/api/friends/${quentin.userId}`)).body, { state: 'received' });
    await until('Nina is told of the request', () => notificationsOf(nina), (n) => n.items.some((i) => i.kind === 'friend-request' && i.text.includes('Quentin')));
    assert.equal(await unreadOf(nina), before + 1);
    assert.deepEqual((await call(stack, nina, 'POST', `/api/friends/${quentin.userId}/accept`)).body, { state: 'friends' });
    assert.equal(await unreadOf(nina), before, 'answered, it no longer counts');
    assert.equal((await notificationsOf(nina)).items.find((i) => i.kind === 'friend-request' && i.text.includes('Quentin'))!.read, true);
    assert.deepEqual((await call(stack, quentin, 'GET', `/api/friends/${nina.userId}`)).body, { state: 'friends' });
  });
});

describe('the bell: answered requests are read', () => {
  test('a request to join, once approved, is read for every manager; an invitation, once accepted, for its guest', async () => {
    // People of their own: no other test's notifications reach them meanwhile.
    const [manager, asker, guest] = await Promise.all(
      ['Rachel', 'Simon', 'Tania'].map((name, n) => createTestPerson(stack, { email: `${name.toLowerCase()}-${run}@coopol.example`, givenName: name, familyName: 'Cloche', postalCode: '59000', member: { memberNumber: `CL${run.toUpperCase()}${n}`, sectionId: 'lille' } })),
    );
    const group = await call(stack, manager!, 'POST', '/api/groups', { name: `Cloche fermée ${run}`, kind: 'closed', audience: 'all' });
    const id = group.body.id as string;
    const joined = await call(stack, asker!, 'POST', `/api/groups/${id}/join`);
    assert.deepEqual(joined.body, { standing: 'requested' });
    const asked = await until('the manager is told of the request', () => notificationsOf(manager!), (n) => n.items.some((i) => i.kind === 'group-request' && i.path === `/groupes/${id}`));
    const before = asked.unread;
    assert.equal((await call(stack, manager!, 'PUT', `/api/groups/${id}/members/${asker!.userId}`, { action: 'approve' })).status, 200);
    const after = await notificationsOf(manager!);
    assert.equal(after.items.find((i) => i.kind === 'group-request' && i.path === `/groupes/${id}`)!.read, true);
    assert.equal(after.unread, before - 1);

    const invited = await call(stack, manager!, 'POST', `/api/groups/${id}/invitations`, { email: guest!.email });
    assert.equal(invited.status, 201);
    const told = await until('the guest is told of the invitation', () => notificationsOf(guest!), (n) => n.items.some((i) => i.kind === 'group-invitation' && i.text.includes(`Cloche fermée ${run}`)));
    const invitation = told.items.find((i) => i.kind === 'group-invitation' && i.text.includes(`Cloche fermée ${run}`))!;
    assert.equal(invitation.read, false);
    assert.equal((await call(stack, guest!, 'POST', `/api/group-invitations/${invitation.path.split('/').pop()}/accept`)).status, 200);
    const answered = await notificationsOf(guest!);
    assert.equal(answered.items.find((i) => i.id === invitation.id)!.read, true);
    assert.equal(answered.unread, told.unread - 1);
  });
});

describe('friend suggestions', () => {
  test('each comes with the best reason the viewer may be told; « même section » is withheld from whom the person hides their membership', async () => {
    const berliner = (name: string, n: number) =>
      createTestPerson(stack, { email: `${name.toLowerCase()}-${run}@coopol.example`, givenName: name, familyName: `Suggestion${run}`, postalCode: '59000', member: { memberNumber: `SG${run.toUpperCase()}${n}`, sectionId: 'berlin' } });
    const [viewer, friendOne, friendTwo, common, sameSection, discreet, hidden] = await Promise.all(
      ['Victor', 'Une', 'Deux', 'Commun', 'Voisine', 'Discrete', 'Cachee'].map((name, n) => berliner(name, n)),
    );
    const befriend = async (a: TestPerson, b: TestPerson) => {
      assert.equal((await call(stack, a, 'POST', `/api/friends/${b.userId}`)).status, 200);
      assert.deepEqual((await call(stack, b, 'POST', `/api/friends/${a.userId}/accept`)).body, { state: 'friends' });
    };
    await Promise.all([befriend(viewer!, friendOne!), befriend(viewer!, friendTwo!), befriend(friendOne!, common!), befriend(friendTwo!, common!)]);
    // Two members of the section hide their membership from everyone; one shares a group with the viewer.
    for (const person of [discreet!, hidden!]) {
      assert.equal((await call(stack, person, 'PATCH', '/api/me/profile', { visibility: { membership: 'only-me' } })).status, 200);
    }
    const group = await call(stack, viewer!, 'POST', '/api/groups', { name: `Jardins partagés ${run}`, kind: 'open', audience: 'all' });
    assert.equal((await call(stack, discreet!, 'POST', `/api/groups/${group.body.id as string}/join`)).status, 200);

    const { items } = (await call(stack, viewer!, 'GET', '/api/me/friend-suggestions')).body as { items: { userId: string; reason: string; mutualFriends?: number; groupName?: string }[] };
    const of = (person: TestPerson) => items.find((s) => s.userId === person.userId);
    assert.deepEqual(of(common!), { userId: common!.userId, displayName: `Commun Suggestion${run}`, reason: 'friend-of-friend', mutualFriends: 2 });
    assert.equal(of(sameSection!)?.reason, 'section');
    assert.deepEqual(of(discreet!), { userId: discreet!.userId, displayName: `Discrete Suggestion${run}`, reason: 'group', groupName: `Jardins partagés ${run}` }, 'the group, never the section');
    assert.equal(of(hidden!), undefined, 'nothing to say but the section they hide: not suggested');
    assert.ok(!items.some((s) => [friendOne!.userId, friendTwo!.userId, viewer!.userId].includes(s.userId)));
  });
});

describe('search of sections and their next events', () => {
  test('« Mulhouse » finds the section and its next events, as each may see them', async () => {
    const secretary = await createTestPerson(stack, {
      email: `secretaire-${run}@coopol.example`, givenName: 'Sonia', familyName: 'Recherche', postalCode: '68100',
      member: { memberNumber: `SR${run.toUpperCase()}`, sectionId: 'mulhouse' },
      grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfa: true,
    });
    const member = await createTestPerson(stack, { email: `membre-mulhouse-${run}@coopol.example`, postalCode: '68100', member: { memberNumber: `SM${run.toUpperCase()}`, sectionId: 'mulhouse' } });
    const supporter = await createTestPerson(stack, { email: `sympathisant-${run}@coopol.example`, postalCode: '75011' });
    const event = async (title: string, visibility: string, day: string) => {
      const created = await call(stack, secretary, 'POST', '/api/events', {
        space: { type: 'section', id: 'mulhouse' }, kind: 'tractage', title, description: 'Tracts', start: `${day}T09:00:00+02:00`, end: `${day}T12:00:00+02:00`,
        place: { address: 'Marché du Canal couvert, Mulhouse' }, visibility,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body.id as string;
    };
    const open = await event(`Tractage ouvert ${run}`, 'supporters', '2031-06-07');
    const internal = await event(`Réunion de section ${run}`, 'section', '2031-06-08');

    const found = await until('the section is indexed', () => searchOf(member, 'Mulhouse'), (r) => (r.sections ?? []).some((s) => s.id === 'mulhouse'));
    assert.deepEqual(found.sections!.find((s) => s.id === 'mulhouse'), { id: 'mulhouse', name: 'Section de Mulhouse', federationName: 'Fédération du Haut-Rhin' });
    const ids = found.events!.map((e) => e.id);
    assert.ok(ids.includes(open) && ids.includes(internal), JSON.stringify(found.events));
    assert.ok(ids.indexOf(open) < ids.indexOf(internal), 'soonest first');
    assert.equal(found.events!.find((e) => e.id === open)!.title, `Tractage ouvert ${run}`);

    // A supporter from Paris finds the section and the action open to supporters, never the section's own meeting.
    const theirs = await searchOf(supporter, 'mulh');
    assert.ok(theirs.sections!.some((s) => s.id === 'mulhouse'));
    assert.ok(theirs.events!.some((e) => e.id === open));
    assert.ok(!theirs.events!.some((e) => e.id === internal), 'not a hit for who may not see it');
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { sendToForm, tinyPng, uploadAttachment } from '../support/attachments';
import { linkIn, mailsTo, waitForMail } from '../support/mail';
import { call, createTestPerson, untilFindable, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';
import { until } from '../support/until';

// Groups, friends, conversations and notifications through the real handlers and the worker's
// stream jobs. Everyone here is new (unique addresses); Rennes (35) is their section.

let stack: TestStack;
const run = randomUUID().slice(0, 6);
let alice: TestPerson; // member, Rennes
let bruno: TestPerson; // member, Rennes
let chloe: TestPerson; // member, Rennes
let dan: TestPerson; // supporter, Paris

const notificationsOf = (person: TestPerson) =>
  call(stack, person, 'GET', '/api/me/notifications').then((r) => r.body as unknown as { items: { kind: string; text: string; path: string }[]; unread: number });
const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();
const feedOf = (person: TestPerson) => call(stack, person, 'GET', '/api/feed?limit=50').then((r) => (r.body.items as { id: string }[]).map((p) => p.id));

before(async () => {
  stack = testStack();
  const member = (name: string, n: number) =>
    createTestPerson(stack, { email: `${name}-${run}@coopol.example`, givenName: name, familyName: 'Social', postalCode: '35000', member: { memberNumber: `SO${run.toUpperCase()}${n}`, sectionId: 'rennes' } });
  [alice, bruno, chloe] = await Promise.all([member('alice', 1), member('bruno', 2), member('chloe', 3)]);
  dan = await createTestPerson(stack, { email: `dan-${run}@coopol.example`, givenName: 'Dan', familyName: 'Social', postalCode: '75011' });
});

describe('groups', () => {
  test('a closed group: a request waits for a manager; the requester sees nothing of its posts until approved', async () => {
    const group = await call(stack, alice, 'POST', '/api/groups', { name: `Soignants ${run}`, kind: 'closed', audience: 'all', description: 'Les métiers du soin' });
    assert.equal(group.status, 201);
    const id = group.body.id as string;
    const post = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'group', id }, text: 'Bienvenue dans le groupe' });
    assert.equal(post.status, 201);

    const join = await call(stack, dan, 'POST', `/api/groups/${id}/join`);
    assert.deepEqual(join.body, { standing: 'requested' });
    assert.equal((await call(stack, dan, 'GET', `/api/spaces/group/${id}/posts`)).status, 403);
    assert.equal((await call(stack, dan, 'GET', `/api/posts/${post.body.id as string}`)).status, 404);
    assert.ok(!(await feedOf(dan)).includes(post.body.id as string));

    // The manager is told, sees the request, approves.
    await until('alice is told of the request', () => notificationsOf(alice), (n) => n.items.some((i) => i.kind === 'group-request' && i.text.includes('Dan Social')));
    const requests = await call(stack, alice, 'GET', `/api/groups/${id}/members?state=requested`);
    assert.deepEqual((requests.body.items as { userId: string }[]).map((m) => m.userId), [dan.userId]);
    assert.equal((await call(stack, alice, 'PUT', `/api/groups/${id}/members/${dan.userId}`, { action: 'approve' })).status, 200);
    assert.equal((await call(stack, dan, 'GET', `/api/spaces/group/${id}/posts`)).status, 200);
    assert.equal((await call(stack, dan, 'GET', `/api/groups/${id}`)).body.memberCount, 2);

    // New posts reach him through the fan-out; leaving takes them away at once.
    const later = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'group', id }, text: 'Réunion mardi' });
    await until('the post reaches dan’s feed', () => feedOf(dan), (ids) => ids.includes(later.body.id as string));
    assert.equal((await call(stack, dan, 'POST', `/api/groups/${id}/leave`)).status, 200);
    assert.ok(!(await feedOf(dan)).includes(later.body.id as string), 'gone from the feed of who left');
  });

  test('a secret group is nowhere for outsiders: not listed, not found, its posts in no outsider’s feed', async () => {
    const group = await call(stack, alice, 'POST', '/api/groups', { name: `Secret ${run}`, kind: 'secret', audience: 'members' });
    const id = group.body.id as string;
    const post = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'group', id }, text: 'Entre nous' });
    const listed = await call(stack, bruno, 'GET', '/api/groups?limit=100');
    assert.ok(!(listed.body.items as { id: string }[]).some((g) => g.id === id));
    assert.equal((await call(stack, bruno, 'GET', `/api/groups/${id}`)).status, 404);
    assert.equal((await call(stack, bruno, 'POST', `/api/groups/${id}/join`)).status, 404);
    assert.equal((await call(stack, bruno, 'POST', '/api/posts', { space: { type: 'group', id }, text: 'Je force' })).status, 404);
    await until('alice’s feed has it', () => feedOf(alice), (ids) => ids.includes(post.body.id as string));
    assert.ok(!(await feedOf(bruno)).includes(post.body.id as string));

    // Invited by mail, bruno accepts with his account; dan (a supporter) could not, even invited.
    assert.equal((await call(stack, alice, 'POST', `/api/groups/${id}/invitations`, { email: bruno.email })).status, 201);
    const mail = await waitForMail(stack, bruno.email, /vous invite dans le groupe/);
    const token = linkIn(mail, /\/groupes\/invitation\/([\w-]+)/).split('/').at(-1)!;
    assert.equal((await call(stack, chloe, 'POST', `/api/group-invitations/${token}/accept`)).status, 403, 'another account cannot use it');
    const accepted = await call(stack, bruno, 'POST', `/api/group-invitations/${token}/accept`);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.myStanding, 'member');
    assert.equal((await call(stack, bruno, 'POST', `/api/group-invitations/${token}/accept`)).status, 404, 'the link works once');
    await call(stack, alice, 'POST', `/api/groups/${id}/invitations`, { email: dan.email });
    const danMail = await waitForMail(stack, dan.email, /vous invite dans le groupe/);
    const danToken = linkIn(danMail, /\/groupes\/invitation\/([\w-]+)/).split('/').at(-1)!;
    assert.equal((await call(stack, dan, 'POST', `/api/group-invitations/${danToken}/accept`)).status, 403);
  });
});

describe('group managers', () => {
  test('a manager leaves only if another remains, counted without reading the members', async () => {
    const group = await call(stack, alice, 'POST', '/api/groups', { name: `Relais ${run}`, kind: 'open', audience: 'all' });
    const id = group.body.id as string;
    await call(stack, bruno, 'POST', `/api/groups/${id}/join`);
    await call(stack, chloe, 'POST', `/api/groups/${id}/join`);
    const alone = await call(stack, alice, 'POST', `/api/groups/${id}/leave`);
    assert.equal(alone.status, 409);
    assert.match(String(alone.body.message), /Nommez un·e autre animateur·rice/);
    assert.equal((await call(stack, alice, 'PUT', `/api/groups/${id}/members/${bruno.userId}`, { action: 'make-manager' })).status, 200);

    // Alice leaves: her standing and the group's counts change in one transaction, no member list read.
    const { loadCaller } = await import('../../functions/src/domain/access/load-caller');
    const { leaveGroup } = await import('../../functions/src/domain/social/groups');
    const { runWithRequestStats } = await import('../../functions/src/shared/request-context');
    const left = runWithRequestStats(async () => leaveGroup(await loadCaller({ kind: 'user', sub: alice.userId, email: alice.email }), id));
    await left.result;
    assert.ok(left.stats.dynamodbCalls <= 4, `${left.stats.dynamodbCalls} requests`);
    const after = await call(stack, bruno, 'GET', `/api/groups/${id}`);
    assert.equal(after.body.memberCount, 2);
    assert.equal((await call(stack, bruno, 'POST', `/api/groups/${id}/leave`)).status, 409, 'the last manager stays');
    assert.equal((await call(stack, chloe, 'POST', `/api/groups/${id}/leave`)).status, 200, 'a member leaves when she wants');
  });

  test('a group made before the manager count gets it at its first change of standing, once', async () => {
    const { GroupEntity } = await import('../../functions/src/domain/social/entities');
    const managerCountOf = async (groupId: string) => (await GroupEntity.get({ groupId }).go({ consistent: true })).data?.managerCount;
    const older = async (name: string) => {
      const id = (await call(stack, alice, 'POST', '/api/groups', { name: `${name} ${run}`, kind: 'open', audience: 'all' })).body.id as string;
      await GroupEntity.patch({ groupId: id }).remove(['managerCount']).go();
      assert.equal(await managerCountOf(id), undefined);
      return id;
    };

    // Bruno joins a group without the count: it is counted (Alice) and kept (Bruno is no manager).
    const joined = await older('Ancien relais');
    assert.equal((await call(stack, bruno, 'POST', `/api/groups/${joined}/join`)).status, 200);
    assert.equal(await managerCountOf(joined), 1);
    assert.equal((await call(stack, alice, 'PUT', `/api/groups/${joined}/members/${bruno.userId}`, { action: 'make-manager' })).status, 200);
    assert.equal(await managerCountOf(joined), 2);
    assert.equal((await call(stack, alice, 'POST', `/api/groups/${joined}/leave`)).status, 200);
    assert.equal(await managerCountOf(joined), 1);
    assert.equal((await call(stack, bruno, 'POST', `/api/groups/${joined}/leave`)).status, 409, 'the last manager stays');

    // The last manager of a group without the count tries to leave: counted, refused, and the count stays.
    const alone = await older('Ancien groupe');
    assert.equal((await call(stack, alice, 'POST', `/api/groups/${alone}/leave`)).status, 409);
    assert.equal(await managerCountOf(alone), 1);
  });
});

describe('friends', () => {
  test('request, notification and mail, accept; profile posts reach friends only; remove', async () => {
    assert.deepEqual((await call(stack, chloe, 'POST', `/api/friends/${dan.userId}`)).body, { state: 'sent' });
    await until('dan is told', () => notificationsOf(dan), (n) => n.items.some((i) => i.kind === 'friend-request'));
    await waitForMail(stack, dan.email, /vous demande en coopain/);
    assert.deepEqual((await call(stack, dan, 'POST', `/api/friends/${chloe.userId}/accept`)).body, { state: 'friends' });
    const friends = await call(stack, chloe, 'GET', '/api/me/friends');
    assert.deepEqual(friends.body.items, [{ userId: dan.userId, displayName: 'Dan Social', state: 'friends', since: (friends.body.items as { since: string }[])[0]!.since }]);

    const wall = await call(stack, chloe, 'POST', '/api/posts', { space: { type: 'profile', id: chloe.userId }, text: 'Mon mur' });
    await until('dan’s feed has chloe’s post', () => feedOf(dan), (ids) => ids.includes(wall.body.id as string));
    assert.ok(!(await feedOf(bruno)).includes(wall.body.id as string));
    assert.equal((await call(stack, bruno, 'GET', `/api/posts/${wall.body.id as string}`)).status, 404);

    assert.deepEqual((await call(stack, dan, 'DELETE', `/api/friends/${chloe.userId}`)).body, { state: 'none' });
    assert.ok(!(await feedOf(dan)).includes(wall.body.id as string), 'no longer a friend, no longer shown');
  });

  test('suggestions: members of my section who allow it, not me, not my friends', async () => {
    const suggestions = await call(stack, alice, 'GET', '/api/me/friend-suggestions');
    const ids = (suggestions.body.items as { userId: string }[]).map((s) => s.userId);
    assert.ok(!ids.includes(alice.userId));
    assert.ok(ids.includes(bruno.userId) || ids.length === 20);
  });
});

describe('conversations and notifications', () => {
  test('followers are told of new comments (the bell counts them), not the commenter, not who unfollowed; only readers may follow', async () => {
    const post = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: 'Qui vient au tractage ?' });
    const id = post.body.id as string;
    assert.deepEqual((await call(stack, chloe, 'PUT', `/api/posts/${id}/follow`)).body, { following: true });
    assert.equal((await call(stack, dan, 'PUT', `/api/posts/${id}/follow`)).status, 404, 'a supporter cannot follow a section post');
    await call(stack, alice, 'POST', '/api/me/notifications/read');

    const comment = await call(stack, bruno, 'POST', `/api/posts/${id}/comments`, { text: 'Moi !' });
    assert.equal(comment.status, 201);
    const seen = await until('alice is told', () => notificationsOf(alice), (n) => n.items.some((i) => i.kind === 'comment' && i.text.includes('Moi !')));
    assert.equal(seen.unread, 1);
    assert.equal(seen.items[0]!.path, `/publications/${id}`);
    await until('chloe is told', () => notificationsOf(chloe), (n) => n.items.some((i) => i.text.includes('Moi !')));
    assert.ok(!(await notificationsOf(bruno)).items.some((i) => i.text.includes('Moi !')), 'not the commenter');
    assert.equal((await call(stack, alice, 'GET', `/api/posts/${id}`)).body.commentCount, 1);

    // Bruno now follows (he commented); he unfollows and is not told of the next comment.
    assert.deepEqual((await call(stack, bruno, 'DELETE', `/api/posts/${id}/follow`)).body, { following: false });
    await call(stack, chloe, 'POST', `/api/posts/${id}/comments`, { text: 'Moi aussi' });
    await until('alice is told again', () => notificationsOf(alice), (n) => n.items.some((i) => i.text.includes('Moi aussi')));
    assert.ok(!(await notificationsOf(bruno)).items.some((i) => i.text.includes('Moi aussi')));
    assert.deepEqual((await call(stack, alice, 'POST', '/api/me/notifications/read')).body, { unread: 0 });
  });

  test('a muted group tells nothing; preferences choose the mail: at once, or a daily digest sent by the hourly job', async () => {
    const group = await call(stack, bruno, 'POST', '/api/groups', { name: `Sourdine ${run}`, kind: 'closed', audience: 'all' });
    const id = group.body.id as string;
    const settings = await call(stack, bruno, 'PATCH', '/api/me/notification-settings', { mutedGroups: [id], email: { comment: 'daily' } });
    assert.equal(settings.status, 200);
    assert.deepEqual(settings.body.mutedGroups, [id]);
    await call(stack, chloe, 'POST', `/api/groups/${id}/join`);
    // The stream is read in order: once the later comment's notification is there, the request's would be too.
    const post = await call(stack, bruno, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: 'Résumé du jour' });
    await call(stack, alice, 'POST', `/api/posts/${post.body.id as string}/comments`, { text: 'Pour le résumé' });
    const told = await until('bruno is told of the comment', () => notificationsOf(bruno), (n) => n.items.some((i) => i.text.includes('Pour le résumé')));
    assert.ok(!told.items.some((i) => i.kind === 'group-request' && i.path === `/groupes/${id}`), 'the muted group told nothing');
    assert.equal((await mailsTo(stack, bruno.email)).filter((m) => /Pour le résumé/.test(m.subject)).length, 0, 'no mail at once for a daily choice');

    // The hourly job, run as EventBridge would at 07:30 UTC the next day, sends the digest once.
    const { handler } = await import('../../functions/src/jobs/notification-digests');
    const next = new Date(Date.now() + 86_400_000);
    const time = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate(), 7, 30)).toISOString();
    const context = { getRemainingTimeInMillis: () => 600_000 } as never;
    await handler({ time }, context);
    const digest = await waitForMail(stack, bruno.email, /nouveauté/);
    assert.match(digest.body.text ?? '', /Pour le résumé/);
    await handler({ time }, context);
    assert.equal((await mailsTo(stack, bruno.email)).filter((m) => /nouveauté/.test(m.subject)).length, 1, 'sent once');
  });
});

describe('mentions', () => {
  test('@Prénom Nom tells the people named who may read the post (bell and mail at once by default), never those who may not', async () => {
    // Dan (a supporter of Paris) may not read Rennes's section; Chloé is not in Alice's secret group.
    await untilFindable(stack, alice, bruno, 'Bruno Social');
    await untilFindable(stack, bruno, chloe, 'Chloé Social');
    const secret = await call(stack, alice, 'POST', '/api/groups', { name: `Mentions secrètes ${run}`, kind: 'secret', audience: 'all' });
    const hidden = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'group', id: secret.body.id }, text: `Secret ${run} : @chloe Social ne doit rien savoir` });
    assert.equal(hidden.status, 201);
    const post = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: `Merci @Bruno Social et @dan social pour le tract ${run}` });
    assert.equal(post.status, 201);
    const comment = await call(stack, bruno, 'POST', `/api/posts/${post.body.id as string}/comments`, { text: `Avec plaisir, @Chloé Social viendra aussi ${run}` });
    assert.equal(comment.status, 201);

    const mentionsOf = async (person: TestPerson) => (await notificationsOf(person)).items.filter((n) => n.kind === 'mention');
    const toBruno = await until('bruno is told', () => mentionsOf(bruno), (items) => items.length > 0);
    assert.equal(toBruno.length, 1);
    assert.match(toBruno[0]!.text, /alice Social vous a mentionné·e dans une publication/);
    assert.equal(toBruno[0]!.path, `/publications/${post.body.id as string}`);
    const toChloe = await until('chloé is told of the comment', () => mentionsOf(chloe), (items) => items.length > 0);
    assert.deepEqual(toChloe.map((n) => n.path), [`/publications/${post.body.id as string}`], 'the comment only, not the secret group’s post');
    assert.match(toChloe[0]!.text, /dans un commentaire/);
    await waitForMail(stack, bruno.email, /vous a mentionné·e/);
    // The stream is read in order: Chloé's notification came after the posts Dan and she were named in.
    assert.deepEqual(await mentionsOf(dan), []);
    assert.ok(!(await mailsTo(stack, dan.email)).some((m) => /mentionné/.test(m.subject)));
    assert.ok(!(await mailsTo(stack, chloe.email)).some((m) => m.subject.includes('Secret')));

    // Shown: the names resolved to one reader link to their profile; Dan, who may not read it, stays text.
    const shown = await call(stack, chloe, 'GET', `/api/posts/${post.body.id as string}`);
    assert.match(shown.body.html as string, new RegExp(`<a href="/personnes/${bruno.userId}">@Bruno Social</a>`));
    assert.match(shown.body.html as string, /@dan social pour/);
    assert.doesNotMatch(shown.body.html as string, new RegExp(dan.userId));
    const comments = await call(stack, alice, 'GET', `/api/posts/${post.body.id as string}/comments`);
    assert.match((comments.body.items as { html: string }[])[0]!.html, new RegExp(`<a href="/personnes/${chloe.userId}">@Chloé Social</a>`));
    // Nothing is linked in the secret group, nobody there being named who may read it.
    assert.doesNotMatch((await call(stack, alice, 'GET', `/api/posts/${hidden.body.id as string}`)).body.html as string, /personnes/);
    // An edit keeps the links of the names it still has.
    const edited = await call(stack, alice, 'PATCH', `/api/posts/${post.body.id as string}`, { text: `Encore merci @Bruno Social ${run}` });
    assert.match(edited.body.html as string, new RegExp(`<a href="/personnes/${bruno.userId}">@Bruno Social</a>`));
  });
});

describe('search', () => {
  const searchAs = (person: TestPerson, q: string) =>
    call(stack, person, 'GET', `/api/search?q=${encodeURIComponent(q)}`).then((r) => r.body as unknown as { people: { userId: string }[]; groups: { id: string }[]; posts: { id: string }[] });

  test('accent- and case-free, people, groups and posts, each as the rules allow', async () => {
    const word = `hôpitàl${run}`;
    const open = await call(stack, alice, 'POST', '/api/groups', { name: `Santé Publique ${run}`, kind: 'open', audience: 'all' });
    const secret = await call(stack, alice, 'POST', '/api/groups', { name: `Santé Secrète ${run}`, kind: 'secret', audience: 'all' });
    const sectionPost = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: `Manifestation pour l’${word} samedi` });
    const secretPost = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'group', id: secret.body.id as string }, text: `Réunion secrète sur l’${word}` });

    // The index is written by a stream job: wait until Alice (who may see everything here) finds it all.
    const query = `SANTE ${run}`;
    await until('alice finds both groups', () => searchAs(alice, query), (r) => r.groups.length >= 1);
    const byAlice = await until('alice finds both posts', () => searchAs(alice, word.toUpperCase().replace('À', 'A')), (r) => r.posts.length === 2);
    assert.deepEqual(new Set(byAlice.posts.map((p) => p.id)), new Set([sectionPost.body.id, secretPost.body.id]));

    // Secret groups are never found (not even by their members: they are not indexed); open ones are.
    const groupsFound = (await searchAs(dan, query)).groups.map((g) => g.id);
    assert.ok(groupsFound.includes(open.body.id as string));
    assert.ok(!groupsFound.includes(secret.body.id as string));
    // A member of the section finds its post, not the secret group's; a supporter of Paris finds neither.
    assert.deepEqual((await searchAs(bruno, `hopital${run}`)).posts.map((p) => p.id), [sectionPost.body.id]);
    assert.deepEqual((await searchAs(dan, `hopital${run}`)).posts, []);

    // People by name, whatever the accents and case (Bruno shares Chloé's section: he may find her).
    const people = await searchAs(bruno, 'CHLOE SOCIAL');
    assert.ok(people.people.some((p) => p.userId === chloe.userId));
    assert.equal((await call(stack, dan, 'GET', '/api/search?q=a')).status, 400);
  });
});

describe('search index', () => {
  test('a deleted post’s words leave the index at once (a hidden one’s already left on its change)', async () => {
    const { SearchEntryEntity } = await import('../../functions/src/domain/social/entities');
    const entries = (word: string) => SearchEntryEntity.query.byToken({ token: `w:${word}` }).go().then((r) => r.data.length);
    const word = `effacable${run}`;
    const post = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: `Mot ${word} et ${word}bis` });
    await until('the post is indexed', () => entries(word), (n) => n === 1);
    assert.equal((await call(stack, alice, 'DELETE', `/api/posts/${post.body.id as string}`)).status, 200);
    await until('its entries are gone', () => Promise.all([entries(word), entries(`${word}bis`)]), ([a, b]) => a === 0 && b === 0);
  });
});

describe('moderation', () => {
  test('a report reaches the section’s moderators; a person blocked in one space posts nowhere there and everywhere else', async () => {
    const secretary = await createTestPerson(stack, {
      email: `secretaire-${run}@coopol.example`,
      postalCode: '35000',
      member: { memberNumber: `SO${run.toUpperCase()}9`, sectionId: 'rennes' },
      grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'rennes' }],
      mfa: true,
    });
    const post = await call(stack, bruno, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: 'Un message déplacé' });
    const report = await call(stack, chloe, 'POST', `/api/posts/${post.body.id as string}/reports`, { reason: 'Insultant' });
    assert.equal(report.status, 201);
    const reports = await call(stack, secretary, 'GET', '/api/spaces/section/rennes/reports');
    assert.ok((reports.body.items as { id: string }[]).some((r) => r.id === report.body.id));
    assert.equal((await call(stack, alice, 'GET', '/api/spaces/section/rennes/reports')).status, 403);

    // Hidden by the secretary: gone for the section, still there for its author.
    assert.equal((await call(stack, secretary, 'POST', `/api/posts/${post.body.id as string}/hide`)).status, 200);
    assert.equal((await call(stack, alice, 'GET', `/api/posts/${post.body.id as string}`)).status, 404);
    assert.equal((await call(stack, bruno, 'GET', `/api/posts/${post.body.id as string}`)).body.hidden, true);

    // Blocked in the section: Bruno posts and comments there no more, but still reads it and posts on his profile.
    assert.deepEqual((await call(stack, secretary, 'PUT', `/api/spaces/section/rennes/blocks/${bruno.userId}`)).body, { blocked: true });
    // The secretary sees who is blocked there, by whom and since when; other readers do not.
    const blocks = await call(stack, secretary, 'GET', '/api/spaces/section/rennes/blocks');
    const entry = (blocks.body.items as { userId: string; displayName: string; blockedBy: { userId: string; displayName: string }; at: string }[]).find((b) => b.userId === bruno.userId);
    assert.equal(entry?.displayName, 'bruno Social');
    assert.equal(entry?.blockedBy.userId, secretary.userId);
    assert.equal(entry?.blockedBy.displayName, 'Test Personne');
    assert.ok(entry && Date.now() - Date.parse(entry.at) < 5 * 60_000);
    assert.equal((await call(stack, alice, 'GET', '/api/spaces/section/rennes/blocks')).status, 403);
    const bad = await call(stack, secretary, 'GET', '/api/spaces/section/rennes/blocks?limit=0');
    assert.equal(bad.status, 400);
    assert.deepEqual(fields(bad.body as { details?: { field: string }[] }), ['query.limit']);
    assert.equal((await call(stack, bruno, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: 'Encore' })).status, 403);
    const other = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: 'Sujet' });
    assert.equal((await call(stack, bruno, 'POST', `/api/posts/${other.body.id as string}/comments`, { text: 'Moi' })).status, 403);
    assert.equal((await call(stack, bruno, 'GET', '/api/spaces/section/rennes/posts')).status, 200);
    assert.equal((await call(stack, bruno, 'POST', '/api/posts', { space: { type: 'profile', id: bruno.userId }, text: 'Sur mon mur' })).status, 201);
    await call(stack, secretary, 'DELETE', `/api/spaces/section/rennes/blocks/${bruno.userId}`);
    assert.equal((await call(stack, bruno, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: 'De retour' })).status, 201);
    const after = await call(stack, secretary, 'GET', '/api/spaces/section/rennes/blocks');
    assert.ok(!(after.body.items as { userId: string }[]).some((b) => b.userId === bruno.userId));

    // A comment hidden by the secretary: gone for readers, still there for its author; its author may delete it.
    const comment = await call(stack, chloe, 'POST', `/api/posts/${other.body.id as string}/comments`, { text: 'Hors sujet' });
    assert.equal((await call(stack, secretary, 'POST', `/api/posts/${other.body.id as string}/comments/${comment.body.id as string}/hide`)).status, 200);
    const commentsFor = (person: TestPerson) =>
      call(stack, person, 'GET', `/api/posts/${other.body.id as string}/comments`).then((r) => (r.body.items as { id: string }[]).map((c) => c.id));
    assert.ok(!(await commentsFor(alice)).includes(comment.body.id as string));
    assert.ok((await commentsFor(chloe)).includes(comment.body.id as string));
    assert.equal((await call(stack, alice, 'DELETE', `/api/posts/${other.body.id as string}/comments/${comment.body.id as string}`)).status, 404);
    assert.equal((await call(stack, chloe, 'DELETE', `/api/posts/${other.body.id as string}/comments/${comment.body.id as string}`)).status, 200);
    assert.deepEqual(await commentsFor(chloe), []);

    // Escalated, the report reaches national admins' list.
    assert.equal((await call(stack, secretary, 'POST', `/api/reports/${report.body.id as string}/escalate`)).body.escalated, true);
  });
});

describe('attachments', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  type PostBody = { attachments?: { id: string; name: string; kind: string; size: number; alt?: string; contentType: string }[] };

  test('an image and a document: uploaded, checked, attached; shown to readers, a 404 to everyone else', async () => {
    const secret = await call(stack, alice, 'POST', '/api/groups', { name: `Fichiers secrets ${run}`, kind: 'secret', audience: 'all' });
    assert.equal(secret.status, 201);
    const image = await uploadAttachment(stack, alice, { name: 'affiche.png', contentType: 'image/png', bytes: tinyPng, alt: 'L’affiche du meeting' });
    const document = await uploadAttachment(stack, alice, { name: 'Compte rendu réunion.pdf', contentType: 'application/pdf', bytes: pdf });

    const post = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'group', id: secret.body.id }, text: 'Le compte rendu et l’affiche', attachments: [image, document] });
    assert.equal(post.status, 201, JSON.stringify(post.body));
    const shown = (await call(stack, alice, 'GET', `/api/posts/${post.body.id}`)).body as PostBody;
    assert.deepEqual(
      shown.attachments?.map(({ id, kind, name, size, alt }) => ({ id, kind, name, size, alt })),
      [
        { id: image, kind: 'image', name: 'affiche.png', size: tinyPng.length, alt: 'L’affiche du meeting' },
        { id: document, kind: 'document', name: 'Compte rendu réunion.pdf', size: pdf.length, alt: undefined },
      ],
    );

    // The member downloads through a short-lived link; a document comes as a download under its name.
    const link = await call(stack, alice, 'GET', `/api/attachments/${document}/link`);
    assert.equal(link.status, 200, JSON.stringify(link.body));
    const file = await fetch(link.body.url as string);
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), pdf);
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment;.*filename\*=UTF-8''Compte%20rendu%20r%C3%A9union\.pdf/);
    const picture = await fetch((await call(stack, alice, 'GET', `/api/attachments/${image}/link`)).body.url as string);
    assert.deepEqual(Buffer.from(await picture.arrayBuffer()), tinyPng);

    // Bruno is not in the secret group: its files do not exist for him, nor for a supporter.
    for (const outsider of [bruno, dan]) {
      for (const id of [image, document]) assert.equal((await call(stack, outsider, 'GET', `/api/attachments/${id}/link`)).status, 404);
    }

    // In the section, every member of it reads the file.
    const flyer = await uploadAttachment(stack, alice, { name: 'tract.png', contentType: 'image/png', bytes: tinyPng, alt: 'Le tract' });
    const sectionPost = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: 'Le tract', attachments: [flyer] });
    assert.equal(sectionPost.status, 201, JSON.stringify(sectionPost.body));
    const flyerLink = await call(stack, bruno, 'GET', `/api/attachments/${flyer}/link`);
    assert.equal(flyerLink.status, 200);
    assert.equal((await call(stack, dan, 'GET', `/api/attachments/${flyer}/link`)).status, 404);

    // Its author deletes the post: no more links, and the file itself leaves the bucket (cleanup job).
    assert.equal((await call(stack, alice, 'DELETE', `/api/posts/${sectionPost.body.id as string}`)).status, 200);
    assert.equal((await call(stack, alice, 'GET', `/api/attachments/${flyer}/link`)).status, 404);
    await until('the file is deleted', () => fetch(flyerLink.body.url as string).then((r) => r.status), (status) => status === 404);
  });

  test('refused with the failing field: a type outside the list, a file too big, a file that is not what it claims, someone else’s or a used one', async () => {
    const ask = (body: Record<string, unknown>) => call(stack, bruno, 'POST', '/api/attachments', body);
    const wrongType = await ask({ name: 'virus.exe', contentType: 'application/x-msdownload', size: 1000 });
    assert.equal(wrongType.status, 400);
    assert.deepEqual(fields(wrongType.body), ['body.contentType']);
    const tooBig = await ask({ name: 'film.pdf', contentType: 'application/pdf', size: 21 * 1024 * 1024 });
    assert.equal(tooBig.status, 400);
    assert.deepEqual(fields(tooBig.body), ['body.size']);
    const noName = await ask({ name: ' ', contentType: 'application/pdf', size: 10 });
    assert.deepEqual(fields(noName.body), ['body.name']);

    // Declared a PNG, sent text under that type: the server reads its first bytes and refuses it.
    const fake = Buffer.from('<script>alert(1)</script> pas une image');
    const asked = await ask({ name: 'photo.png', contentType: 'image/png', size: fake.length });
    assert.equal(asked.status, 201);
    const fakeId = (asked.body.attachment as { id: string }).id;
    const notYet = await call(stack, bruno, 'POST', `/api/attachments/${fakeId}/confirm`);
    assert.equal(notYet.status, 400, 'nothing sent yet');
    assert.ok((await sendToForm(asked.body as never, fake, 'image/png')).status < 300);
    const refused = await call(stack, bruno, 'POST', `/api/attachments/${fakeId}/confirm`);
    assert.equal(refused.status, 400);
    assert.deepEqual(fields(refused.body), ['params.attachmentId']);
    const post = (attachments: string[]) => call(stack, bruno, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: 'Avec fichier', attachments });
    assert.deepEqual(fields((await post([fakeId])).body), ['body.attachments.0']);

    // Alice's checked file cannot go into Bruno's post, nor be confirmed or read by him before it is attached.
    const hers = await uploadAttachment(stack, alice, { name: 'à elle.png', contentType: 'image/png', bytes: tinyPng });
    const stolen = await post([hers]);
    assert.equal(stolen.status, 400);
    assert.deepEqual(fields(stolen.body), ['body.attachments.0']);
    assert.equal((await call(stack, bruno, 'POST', `/api/attachments/${hers}/confirm`)).status, 404);
    assert.equal((await call(stack, bruno, 'GET', `/api/attachments/${hers}/link`)).status, 404);

    // One file, one post.
    const mine = await uploadAttachment(stack, bruno, { name: 'à moi.png', contentType: 'image/png', bytes: tinyPng });
    assert.equal((await post([mine])).status, 201);
    const again = await post([mine]);
    assert.equal(again.status, 400);
    assert.deepEqual(fields(again.body), ['body.attachments.0']);
  });
});

describe('derived copies follow moderation', () => {
  let secretary: TestPerson;
  before(async () => {
    secretary = await createTestPerson(stack, {
      email: `copies-secretaire-${run}@coopol.example`,
      postalCode: '35000',
      member: { memberNumber: `SO${run.toUpperCase()}8`, sectionId: 'rennes' },
      grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'rennes' }],
      mfa: true,
    });
  });
  type Shown = { id: string; lastComment?: { html: string } };
  const lastCommentOf = async (person: TestPerson, postId: string) => {
    const [one, list, feed] = await Promise.all([
      call(stack, person, 'GET', `/api/posts/${postId}`).then((r) => r.body as unknown as Shown),
      call(stack, person, 'GET', '/api/spaces/section/rennes/posts?limit=50').then((r) => (r.body.items as Shown[]).find((p) => p.id === postId)),
      call(stack, person, 'GET', '/api/feed?limit=50').then((r) => (r.body.items as Shown[]).find((p) => p.id === postId)),
    ]);
    // The post, its space's list and the feed show the same copy.
    assert.deepEqual(list?.lastComment, one.lastComment);
    if (feed) assert.deepEqual(feed.lastComment, one.lastComment);
    return one.lastComment?.html ?? null;
  };

  test('the post’s last comment: a hidden comment is replaced by the newest one still shown; a deleted one leaves none', async () => {
    const post = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: `Le point sur la fête ${run}` });
    const id = post.body.id as string;
    const first = await call(stack, bruno, 'POST', `/api/posts/${id}/comments`, { text: `Premier avis ${run}` });
    const insult = await call(stack, chloe, 'POST', `/api/posts/${id}/comments`, { text: `Propos injurieux ${run}` });
    assert.match((await lastCommentOf(alice, id)) ?? '', /injurieux/);

    assert.equal((await call(stack, secretary, 'POST', `/api/posts/${id}/comments/${insult.body.id as string}/hide`)).status, 200);
    for (const reader of [alice, bruno]) {
      const shown = await lastCommentOf(reader, id);
      assert.doesNotMatch(shown ?? '', /injurieux/, 'the hidden words are nowhere');
      assert.match(shown ?? '', /Premier avis/);
    }

    assert.equal((await call(stack, bruno, 'DELETE', `/api/posts/${id}/comments/${first.body.id as string}`)).status, 200);
    assert.equal(await lastCommentOf(alice, id), null, 'no comment is shown any more: no copy');
    assert.equal((await call(stack, alice, 'GET', `/api/posts/${id}`)).body.commentCount, 1);
  });

  test('notifications quoting a hidden or deleted post or comment no longer show its words', async () => {
    const texts = async (person: TestPerson) => (await notificationsOf(person)).items.map((n) => n.text).join('\n');
    const post = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: `Sujet des copies ${run}` });
    const id = post.body.id as string;
    // A comment that names Bruno: Alice (who follows her post) and Bruno (named) are told, quoting it.
    const hiddenComment = await call(stack, chloe, 'POST', `/api/posts/${id}/comments`, { text: `Insulte${run} pour @bruno Social` });
    await until('alice is told of the comment', () => texts(alice), (t) => t.includes(`Insulte${run}`));
    await until('bruno is told of the mention', () => texts(bruno), (t) => t.includes(`Insulte${run}`));
    assert.equal((await call(stack, secretary, 'POST', `/api/posts/${id}/comments/${hiddenComment.body.id as string}/hide`)).status, 200);
    assert.doesNotMatch(await texts(alice), new RegExp(`Insulte${run}`));
    assert.doesNotMatch(await texts(bruno), new RegExp(`Insulte${run}`));
    assert.match(await texts(alice), /Ce contenu a été retiré/);

    // A comment its author deletes.
    const regret = await call(stack, chloe, 'POST', `/api/posts/${id}/comments`, { text: `Regret${run}` });
    await until('alice is told of it', () => texts(alice), (t) => t.includes(`Regret${run}`));
    assert.equal((await call(stack, chloe, 'DELETE', `/api/posts/${id}/comments/${regret.body.id as string}`)).status, 200);
    assert.doesNotMatch(await texts(alice), new RegExp(`Regret${run}`));

    // A post that names Chloé, hidden by the secretary.
    const rumour = await call(stack, bruno, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: `Rumeur${run} sur @chloe Social` });
    await until('chloé is told', () => texts(chloe), (t) => t.includes(`Rumeur${run}`));
    assert.equal((await call(stack, secretary, 'POST', `/api/posts/${rumour.body.id as string}/hide`)).status, 200);
    assert.doesNotMatch(await texts(chloe), new RegExp(`Rumeur${run}`));
  });
});

describe('derived copies follow moderation: the digest', () => {
  test('a daily digest leaves out what was hidden since it was told, and keeps the rest', async () => {
    const secretary = await createTestPerson(stack, {
      email: `digest-secretaire-${run}@coopol.example`, postalCode: '35000', member: { memberNumber: `SO${run.toUpperCase()}6`, sectionId: 'rennes' },
      grants: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'rennes' }], mfa: true,
    });
    const eve = await createTestPerson(stack, { email: `eve-${run}@coopol.example`, givenName: 'Eve', familyName: 'Social', postalCode: '35000', member: { memberNumber: `SO${run.toUpperCase()}5`, sectionId: 'rennes' } });
    // Eve's post: she follows it; comments reach her in her daily digest (the default for comments).
    const post = await call(stack, eve, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: `Le résumé d’Eve ${run}` });
    const id = post.body.id as string;
    await call(stack, bruno, 'POST', `/api/posts/${id}/comments`, { text: `Gardé${run}` });
    const hidden = await call(stack, chloe, 'POST', `/api/posts/${id}/comments`, { text: `Masqué${run}` });
    await until('eve is told of both', () => notificationsOf(eve), (n) => n.items.filter((i) => i.kind === 'comment').length === 2);
    assert.equal((await call(stack, secretary, 'POST', `/api/posts/${id}/comments/${hidden.body.id as string}/hide`)).status, 200);

    const { handler } = await import('../../functions/src/jobs/notification-digests');
    const next = new Date(Date.now() + 86_400_000);
    const time = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate(), 7, 30)).toISOString();
    await handler({ time }, { getRemainingTimeInMillis: () => 600_000 } as never);
    const digest = await waitForMail(stack, eve.email, /nouveauté/);
    assert.match(digest.body.text ?? '', new RegExp(`Gardé${run}`));
    assert.doesNotMatch(digest.body.text ?? '', new RegExp(`Masqué${run}`));
  });
});

describe('who can find me', () => {
  const finds = (viewer: TestPerson, target: TestPerson, q: string) =>
    call(stack, viewer, 'GET', `/api/search?q=${encodeURIComponent(q)}`).then((r) => (r.body.people as { userId: string }[]).some((p) => p.userId === target.userId));
  const setFindable = async (person: TestPerson, findableBy: string) => {
    const set = await call(stack, person, 'PATCH', '/api/me/profile', { findableBy });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.findableBy, findableBy);
  };

  test('search: by default those who share a section, a federation, a group or a friendship; then everyone signed in; then nobody', async () => {
    const name = 'alice Social';
    assert.equal((await call(stack, alice, 'GET', '/api/me/profile')).body.findableBy, 'connections');
    await until('bruno (same section) finds alice', () => finds(bruno, alice, name), Boolean);
    assert.equal(await finds(dan, alice, name), false, 'a supporter of Paris, sharing nothing with her, does not');

    // A group in common is enough.
    const group = await call(stack, alice, 'POST', '/api/groups', { name: `Trouvables ${run}`, kind: 'open', audience: 'all' });
    assert.equal((await call(stack, dan, 'POST', `/api/groups/${group.body.id as string}/join`)).status, 200);
    await until('dan, now in her group, finds alice', () => finds(dan, alice, name), Boolean);
    assert.equal((await call(stack, dan, 'POST', `/api/groups/${group.body.id as string}/leave`)).status, 200);
    await until('dan, gone from the group, no longer finds her', () => finds(dan, alice, name), (found) => !found);

    await setFindable(alice, 'signed-in');
    await until('everyone signed in finds her', () => finds(dan, alice, name), Boolean);

    await setFindable(alice, 'nobody');
    await until('even her section no longer finds her', () => finds(bruno, alice, name), (found) => !found);
    assert.equal(await finds(alice, alice, name), true, 'she still finds herself');
    const bad = await call(stack, alice, 'PATCH', '/api/me/profile', { findableBy: 'tout-le-monde' });
    assert.equal(bad.status, 400);
    assert.deepEqual(fields(bad.body), ['body.findableBy']);
  });

  test('« nobody »: not suggested as a coopain, and a mention neither tells her nor links her name', async () => {
    // Alice chose « nobody » in the test above.
    const suggested = await call(stack, bruno, 'GET', '/api/me/friend-suggestions');
    assert.ok(!(suggested.body.items as { userId: string }[]).some((s) => s.userId === alice.userId));
    assert.ok((suggested.body.items as { userId: string }[]).some((s) => s.userId === chloe.userId), 'others still are');

    const post = await call(stack, bruno, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: `Merci @alice Social et @Chloé Social ${run}` });
    const id = post.body.id as string;
    await until('chloé is told', () => notificationsOf(chloe), (n) => n.items.some((i) => i.kind === 'mention' && i.path === `/publications/${id}`));
    // The stream is read in order: Alice would have been told by now.
    assert.ok(!(await notificationsOf(alice)).items.some((i) => i.kind === 'mention' && i.path === `/publications/${id}`));
    const shown = (await call(stack, chloe, 'GET', `/api/posts/${id}`)).body.html as string;
    assert.doesNotMatch(shown, new RegExp(alice.userId));
    assert.match(shown, new RegExp(`/personnes/${chloe.userId}`));
    await setFindable(alice, 'connections');
  });
});

describe('mail flooding', () => {
  const refusedWithWait = (response: { status: number; headers: Headers; body: Record<string, unknown> }, pattern: RegExp) => {
    assert.equal(response.status, 429, JSON.stringify(response.body));
    assert.ok(Number(response.headers.get('retry-after')) > 0, 'Retry-After');
    assert.match(response.body.message as string, pattern);
    assert.match(response.body.message as string, /attendez \d+ (minute|heure|seconde)/);
  };

  test('group invitations: twenty an hour per manager, the next is refused with the wait and mails nobody', async () => {
    const group = await call(stack, chloe, 'POST', '/api/groups', { name: `Invitations ${run}`, kind: 'closed', audience: 'all' });
    const id = group.body.id as string;
    for (let i = 0; i < 20; i += 1) {
      const sent = await call(stack, chloe, 'POST', `/api/groups/${id}/invitations`, { email: `invite-${i}-${run}@coopol.example` });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
    }
    const refused = await call(stack, chloe, 'POST', `/api/groups/${id}/invitations`, { email: `invite-extra-${run}@coopol.example` });
    refusedWithWait(refused, /20 invitations en une heure/);
    await waitForMail(stack, `invite-19-${run}@coopol.example`, /invit/);
    assert.equal((await mailsTo(stack, `invite-extra-${run}@coopol.example`)).length, 0);
  });

  test('friend requests and mentions: past the sender’s ceiling, 429 and nothing is written', async () => {
    const { senderLimits } = await import('../../functions/src/domain/social/sender-limits');
    const { spendRate } = await import('../../functions/src/domain/limits/rate-limits');
    const flooder = await createTestPerson(stack, { email: `flood-${run}@coopol.example`, givenName: 'Flood', familyName: 'Social', postalCode: '35000', member: { memberNumber: `SO${run.toUpperCase()}7`, sectionId: 'rennes' } });
    // Setup: the day's friend requests already spent, as if sent one by one (the limiter's own counter).
    await spendRate(senderLimits['friend-request'].day, flooder.userId, senderLimits['friend-request'].day.max);
    refusedWithWait(await call(stack, flooder, 'POST', `/api/friends/${bruno.userId}`), /60 demandes de coopain aujourd’hui/);
    const brunosFriends = await call(stack, bruno, 'GET', '/api/me/friends?limit=100');
    assert.ok(!(brunosFriends.body.items as { userId: string }[]).some((f) => f.userId === flooder.userId), 'no request was made');

    // Mentions: 29 spent this hour, a text naming two people is refused whole; naming one passes.
    await spendRate(senderLimits.mention.hour, flooder.userId, senderLimits.mention.hour.max - 1);
    const text = `Trop de monde ${run} @bruno Social @Chloé Social`;
    refusedWithWait(await call(stack, flooder, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text }), /30 personnes en une heure/);
    const posts = await call(stack, flooder, 'GET', '/api/spaces/section/rennes/posts?limit=50');
    assert.ok(!(posts.body.items as { html: string }[]).some((p) => p.html.includes(`Trop de monde ${run}`)), 'nothing was posted');
    assert.equal((await call(stack, flooder, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: `Merci @bruno Social ${run}` })).status, 201);
    const other = await call(stack, alice, 'POST', '/api/posts', { space: { type: 'section', id: 'rennes' }, text: `Sujet ${run}` });
    refusedWithWait(await call(stack, flooder, 'POST', `/api/posts/${other.body.id as string}/comments`, { text: 'Et @bruno Social ?' }), /30 personnes en une heure/);
    assert.equal((await call(stack, flooder, 'POST', `/api/posts/${other.body.id as string}/comments`, { text: 'Sans mention' })).status, 201);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Caller, Grant, PersonFacts } from '../../functions/src/domain/access/caller';
import {
  canReadSpace,
  joinOutcome,
  mayBefriend,
  mayComment,
  mayCreateGroup,
  mayDiscoverGroup,
  mayEditPost,
  mayManageGroup,
  mayModerateSpace,
  mayPostIn,
  mayReadGroup,
  mayViewEscalations,
  type GroupFacts,
  type Space,
} from '../../functions/src/domain/access/policy';
import { defaultVisibility } from '../../functions/src/domain/people/visibility';

// The social rules of the authorization module (groups, posts, comments, feed, friends), each as a
// pure function of the caller and the object. The same people as tests/unit/policy.test.ts.
const options = { officialMfaRequired: true };

let next = 0;
function person(overrides: Partial<PersonFacts> = {}): Extract<Caller, { kind: 'person' }> {
  next += 1;
  return { kind: 'person', userId: `user-${next}`, status: 'adherent', sectionId: 'mulhouse', federationCode: '68', roles: [], mfaVerified: true, visibility: defaultVisibility, ...overrides };
}
const official = (grant: Grant, overrides: Partial<PersonFacts> = {}) => person({ roles: [grant], ...overrides });
const secretaryOf = (sectionId: string, federationCode = '68') => official({ role: 'section-secretary', scopeType: 'section', scopeId: sectionId }, { sectionId, federationCode });
const officerOf = (federationCode: string) => official({ role: 'federation-officer', scopeType: 'federation', scopeId: federationCode }, { federationCode, sectionId: 'x' });
const admin = () => official({ role: 'national-admin', scopeType: 'national', scopeId: 'national' }, { sectionId: 'paris-11', federationCode: '75' });
const supporter = (federationCode = '68') => person({ status: 'sympathisant', sectionId: undefined, federationCode });
const anonymous: Caller = { kind: 'anonymous' };

const refuses = (fn: () => unknown, status: number) => assert.throws(fn, (error: { statusCode?: number }) => error.statusCode === status);

const open: GroupFacts = { kind: 'open', audience: 'all' };
const closed: GroupFacts = { kind: 'closed', audience: 'all' };
const secret: GroupFacts = { kind: 'secret', audience: 'all' };
const membersOnly: GroupFacts = { kind: 'open', audience: 'members' };
const member = { state: 'member', role: 'member' } as const;
const manager = { state: 'member', role: 'manager' } as const;
const requested = { state: 'requested', role: 'member' } as const;

const section: Space = { type: 'section', id: 'mulhouse', federationCode: '68' };
const federation: Space = { type: 'federation', id: '68' };
const group: Space = { type: 'group', id: 'g1' };
const national: Space = { type: 'national', id: 'national' };

describe('groups', () => {
  test('any member creates a group, a secretary of another section cannot stop it; supporters and anonymous callers do not', () => {
    assert.ok(mayCreateGroup(person({ sectionId: 'colmar' })));
    refuses(() => mayCreateGroup(supporter()), 403);
    refuses(() => mayCreateGroup(anonymous), 401);
  });
  test('secret groups exist only for their members and the people invited; members-only groups not for supporters', () => {
    assert.equal(mayDiscoverGroup(person(), secret, undefined), false);
    assert.equal(mayDiscoverGroup(admin(), secret, undefined), false);
    assert.equal(mayDiscoverGroup(person(), secret, member), true);
    assert.equal(mayDiscoverGroup(person(), secret, undefined, true), true);
    assert.equal(mayDiscoverGroup(supporter(), membersOnly, undefined), false);
    assert.equal(mayDiscoverGroup(supporter(), open, undefined), true);
    assert.equal(mayDiscoverGroup(person(), closed, undefined), true);
    assert.equal(mayDiscoverGroup(anonymous, open, undefined), false);
  });
  test('open groups are joined at once, closed ones on request, secret ones by invitation only', () => {
    assert.equal(joinOutcome(person(), open, undefined), 'member');
    assert.equal(joinOutcome(person(), closed, undefined), 'requested');
    refuses(() => joinOutcome(person(), secret, undefined), 403);
    assert.equal(joinOutcome(person(), secret, undefined, true), 'member');
    assert.equal(joinOutcome(person(), closed, undefined, true), 'member');
  });
  test('supporters cannot join members-only groups, even invited; nobody joins twice', () => {
    refuses(() => joinOutcome(supporter(), membersOnly, undefined), 403);
    refuses(() => joinOutcome(supporter(), { kind: 'secret', audience: 'members' }, undefined, true), 403);
    refuses(() => joinOutcome(person(), open, member), 409);
    refuses(() => joinOutcome(person(), closed, requested), 409);
  });
  test('managers manage; members, requesters, outsiders and even national admins do not', () => {
    mayManageGroup(person(), manager);
    for (const standing of [member, requested, undefined]) refuses(() => mayManageGroup(person(), standing), 403);
    refuses(() => mayManageGroup(admin(), undefined), 403);
  });
  test('a group is read by its members only: a pending request sees nothing', () => {
    mayReadGroup(person(), member);
    refuses(() => mayReadGroup(person(), requested), 403);
    refuses(() => mayReadGroup(person(), undefined), 403);
    assert.equal(canReadSpace(person(), group, { group: requested }), false);
    assert.equal(canReadSpace(person(), group, { group: member }), true);
  });
});

describe('spaces: who reads', () => {
  test('a section: its members and the officials over it; never supporters, other sections or their secretaries', () => {
    assert.equal(canReadSpace(person(), section), true);
    assert.equal(canReadSpace(secretaryOf('mulhouse'), section), true);
    assert.equal(canReadSpace(officerOf('68'), section), true);
    assert.equal(canReadSpace(admin(), section), true);
    for (const caller of [supporter(), person({ sectionId: 'colmar' }), secretaryOf('paris-11', '75'), officerOf('75'), anonymous]) {
      assert.equal(canReadSpace(caller, section), false);
    }
  });
  test('a federation: its people (supporters too) and officers; not other federations', () => {
    assert.equal(canReadSpace(supporter('68'), federation), true);
    assert.equal(canReadSpace(officerOf('68'), federation), true);
    assert.equal(canReadSpace(person({ federationCode: '75' }), federation), false);
  });
  test('a profile: its owner and friends; national announcements: everyone signed in', () => {
    const owner = person();
    assert.equal(canReadSpace(owner, { type: 'profile', id: owner.userId }), true);
    assert.equal(canReadSpace(person(), { type: 'profile', id: owner.userId }, { friends: true }), true);
    assert.equal(canReadSpace(person(), { type: 'profile', id: owner.userId }), false);
    assert.equal(canReadSpace(supporter(), national), true);
    assert.equal(canReadSpace(anonymous, national), false);
  });
});

describe('spaces: who posts and comments', () => {
  test('section and federation: their members (not supporters)', () => {
    mayPostIn(person(), section, {}, options);
    refuses(() => mayPostIn(supporter(), section, {}, options), 403);
    refuses(() => mayPostIn(person({ sectionId: 'colmar' }), section, {}, options), 403);
    mayPostIn(person(), federation, {}, options);
    refuses(() => mayPostIn(supporter(), federation, {}, options), 403);
  });
  test('groups: members only; profiles: their owner; national: admins with TOTP', () => {
    mayPostIn(supporter(), group, { group: member }, options);
    refuses(() => mayPostIn(person(), group, { group: requested }, options), 403);
    const owner = person();
    mayPostIn(owner, { type: 'profile', id: owner.userId }, {}, options);
    refuses(() => mayPostIn(person(), { type: 'profile', id: owner.userId }, { friends: true }, options), 403);
    mayPostIn(admin(), national, {}, options);
    refuses(() => mayPostIn(person(), national, {}, options), 403);
    refuses(() => mayPostIn(official({ role: 'national-admin', scopeType: 'national', scopeId: 'national' }, { mfaVerified: false }), national, {}, options), 403);
  });
  test('someone blocked in a space neither posts nor comments there, but still reads it', () => {
    refuses(() => mayPostIn(person(), section, { blocked: true }, options), 403);
    refuses(() => mayComment(person(), section, { blocked: true }), 403);
    assert.equal(canReadSpace(person(), section, { blocked: true }), true);
  });
  test('commenting needs reading', () => {
    mayComment(person(), section, {});
    refuses(() => mayComment(supporter(), section, {}), 403);
  });
  test('only authors edit or delete', () => {
    const author = person();
    mayEditPost(author, author.userId);
    refuses(() => mayEditPost(secretaryOf('mulhouse'), author.userId), 403);
  });
});

describe('moderation', () => {
  test('a section: its secretary and officials above; not its members nor other secretaries', () => {
    mayModerateSpace(secretaryOf('mulhouse'), section, {}, options);
    mayModerateSpace(officerOf('68'), section, {}, options);
    mayModerateSpace(admin(), section, {}, options);
    refuses(() => mayModerateSpace(person(), section, {}, options), 403);
    refuses(() => mayModerateSpace(secretaryOf('paris-11', '75'), section, {}, options), 403);
  });
  test('a group: its managers (no TOTP needed: not an official role); a section secretary has no say', () => {
    mayModerateSpace(person({ mfaVerified: false }), group, { group: manager }, options);
    refuses(() => mayModerateSpace(person(), group, { group: member }, options), 403);
    refuses(() => mayModerateSpace(secretaryOf('mulhouse'), group, {}, options), 403);
  });
});

describe('escalations', () => {
  test('national admins with TOTP see escalated reports; officials below do not', () => {
    mayViewEscalations(admin(), options);
    refuses(() => mayViewEscalations(officerOf('68'), options), 403);
    refuses(() => mayViewEscalations(secretaryOf('mulhouse'), options), 403);
    refuses(() => mayViewEscalations(official({ role: 'national-admin', scopeType: 'national', scopeId: 'national' }, { mfaVerified: false }), options), 403);
  });
});

describe('friends', () => {
  test('anyone signed in asks anyone else; not themselves, not anonymously', () => {
    const me = person();
    assert.ok(mayBefriend(me, 'someone-else'));
    refuses(() => mayBefriend(me, me.userId), 400);
    refuses(() => mayBefriend(anonymous, 'x'), 401);
  });
});

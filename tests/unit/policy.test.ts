import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Caller, Grant, PersonFacts } from '../../functions/src/domain/access/caller';
import {
  federationMemberListAccess,
  inAudience,
  grantHolds,
  mayGrantRole,
  mayRevokeRole,
  mayImportMemberFile,
  mayOrganizeEvents,
  mayViewEvent,
  mayViewReports,
  mayManageWaves,
  mayViewRolloutNumbers,
  mayActAsPrivacyOfficer,
  maySeeFederationAccessLog,
  maySeeSectionAccessLog,
  sectionMemberListAccess,
  visibleFields,
  type GroupStanding,
} from '../../functions/src/domain/access/policy';
import { authorityRole } from '../../functions/src/domain/access/authority';
import { defaultVisibility } from '../../functions/src/domain/people/visibility';

// Each rule of the authorization module, as a pure function of the caller and the object.
const options = { officialMfaRequired: true };
const mulhouse = { sectionId: 'mulhouse', federationCode: '68' };

let next = 0;
function person(overrides: Partial<PersonFacts> = {}): Extract<Caller, { kind: 'person' }> {
  next += 1;
  return {
    kind: 'person',
    userId: `user-${next}`,
    status: 'adherent',
    sectionId: 'mulhouse',
    federationCode: '68',
    roles: [],
    mfaVerified: true,
    visibility: defaultVisibility,
    ...overrides,
  };
}
const official = (grant: Grant, overrides: Partial<PersonFacts> = {}) => person({ roles: [grant], ...overrides });
const secretaryOf = (sectionId: string, federationCode = '68') =>
  official({ role: 'section-secretary', scopeType: 'section', scopeId: sectionId }, { sectionId, federationCode });
const officerOf = (federationCode: string) => official({ role: 'federation-officer', scopeType: 'federation', scopeId: federationCode }, { federationCode, sectionId: 'x' });
const admin = () => official({ role: 'national-admin', scopeType: 'national', scopeId: 'national' }, { sectionId: 'paris-11', federationCode: '75' });
const supporter = (federationCode = '68') => person({ status: 'sympathisant', sectionId: undefined, federationCode });

const refuses = (fn: () => unknown, status: number) =>
  assert.throws(fn, (error: { statusCode?: number }) => error.statusCode === status);

describe('section member list', () => {
  test('officials over the section see everyone', () => {
    for (const caller of [secretaryOf('mulhouse'), official({ role: 'web-referent', scopeType: 'section', scopeId: 'mulhouse' }), officerOf('68'), admin()]) {
      assert.equal(sectionMemberListAccess(caller, mulhouse, options), 'full');
    }
  });
  test('its own members see those who allow it', () => assert.equal(sectionMemberListAccess(person(), mulhouse, options), 'as-allowed'));
  test('supporters, other sections, their secretaries and other federations are refused', () => {
    for (const caller of [supporter(), person({ sectionId: 'colmar' }), secretaryOf('paris-11', '75'), officerOf('75')]) {
      refuses(() => sectionMemberListAccess(caller, mulhouse, options), 403);
    }
  });
  test('anonymous callers must sign in; callers without a profile must finish signing up', () => {
    refuses(() => sectionMemberListAccess({ kind: 'anonymous' }, mulhouse, options), 401);
    refuses(() => sectionMemberListAccess({ kind: 'unregistered', userId: 'u' }, mulhouse, options), 403);
  });
  test('an official without TOTP cannot use the power, but keeps a member’s view when MFA is not required', () => {
    const noMfa = official({ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }, { mfaVerified: false });
    refuses(() => sectionMemberListAccess(noMfa, mulhouse, options), 403);
    assert.equal(sectionMemberListAccess(noMfa, mulhouse, { officialMfaRequired: false }), 'full');
  });
});

describe('federation member list', () => {
  test('officers and national admins see everyone; the federation’s own people see as allowed; others are refused', () => {
    assert.equal(federationMemberListAccess(officerOf('68'), '68', options), 'full');
    assert.equal(federationMemberListAccess(admin(), '68', options), 'full');
    assert.equal(federationMemberListAccess(supporter('68'), '68', options), 'as-allowed');
    assert.equal(federationMemberListAccess(person(), '68', options), 'as-allowed');
    refuses(() => federationMemberListAccess(person({ federationCode: '75' }), '68', options), 403);
    refuses(() => federationMemberListAccess(officerOf('67'), '68', options), 403);
  });
});

describe('profile fields', () => {
  const owner = person({ visibility: { ...defaultVisibility, interests: 'signed-in', photo: 'members', email: 'only-me', functions: 'friends' } });
  test('each audience', () => {
    assert.equal(inAudience(supporter(), owner, 'interests'), true, 'signed-in');
    assert.equal(inAudience(supporter(), owner, 'photo'), false, 'members: a supporter is not');
    assert.equal(inAudience(person({ sectionId: 'colmar' }), owner, 'photo'), true, 'members: any member');
    assert.equal(inAudience(person({ sectionId: 'colmar' }), owner, 'membership'), false, 'section: another section is not');
    assert.equal(inAudience(person(), owner, 'membership'), true, 'section: same section');
    assert.equal(inAudience(person(), owner, 'functions'), false, 'friends: not friends');
    assert.equal(inAudience(person(), owner, 'functions', true), true, 'friends: friends');
    assert.equal(inAudience(admin(), owner, 'email'), false, 'only me: not even an admin');
    assert.equal(inAudience(owner, owner, 'email'), true, 'only me: me');
    assert.equal(inAudience({ kind: 'anonymous' }, owner, 'interests'), false, 'anonymous sees nothing');
  });
  test('officials over the space see membership, section and email to run it, nothing more', () => {
    const fields = visibleFields(admin(), owner, 'full');
    assert.deepEqual([...fields].sort(), ['email', 'interests', 'mandates', 'membership', 'photo', 'section']);
    assert.ok(!fields.has('functions'), 'functions are for friends only here');
    assert.ok(!visibleFields(admin(), owner, 'as-allowed').has('email'));
  });
});

describe('member file', () => {
  test('national admins with TOTP only', () => {
    mayImportMemberFile(admin(), options);
    refuses(() => mayImportMemberFile(officerOf('68'), options), 403);
    refuses(() => mayImportMemberFile({ ...admin(), mfaVerified: false }, options), 403);
  });
});

describe('granting roles', () => {
  const member = person();
  const grant = (role: Grant['role'], scopeType: Grant['scopeType'], scopeId: string) => ({ userId: member.userId, role, scopeType, scopeId });
  test('national roles by national admins only', () => {
    mayGrantRole(admin(), grant('national-admin', 'national', 'national'), member, undefined, options);
    refuses(() => mayGrantRole(officerOf('68'), grant('privacy-officer', 'national', 'national'), member, undefined, options), 403);
  });
  test('federation officers by national admins, to members of that federation', () => {
    mayGrantRole(admin(), grant('federation-officer', 'federation', '68'), member, undefined, options);
    refuses(() => mayGrantRole(officerOf('68'), grant('federation-officer', 'federation', '68'), member, undefined, options), 403);
    refuses(() => mayGrantRole(admin(), grant('federation-officer', 'federation', '75'), member, undefined, options), 403);
  });
  test('section secretaries by the federation’s officers or national admins', () => {
    mayGrantRole(officerOf('68'), grant('section-secretary', 'section', 'mulhouse'), member, mulhouse, options);
    refuses(() => mayGrantRole(officerOf('75'), grant('section-secretary', 'section', 'mulhouse'), member, mulhouse, options), 403);
    refuses(() => mayGrantRole(secretaryOf('mulhouse'), grant('section-secretary', 'section', 'mulhouse'), member, mulhouse, options), 403);
  });
  test('web referents also by the section’s secretary, to members of that section', () => {
    mayGrantRole(secretaryOf('mulhouse'), grant('web-referent', 'section', 'mulhouse'), member, mulhouse, options);
    refuses(() => mayGrantRole(secretaryOf('colmar'), grant('web-referent', 'section', 'mulhouse'), member, mulhouse, options), 403);
    refuses(() => mayGrantRole(secretaryOf('mulhouse'), grant('web-referent', 'section', 'mulhouse'), supporter(), mulhouse, options), 403);
  });
  test('a role in the wrong kind of space is refused', () => {
    refuses(() => mayGrantRole(admin(), grant('section-secretary', 'federation', '68'), member, undefined, options), 403);
    refuses(() => mayGrantRole(admin(), grant('national-admin', 'section', 'mulhouse'), member, mulhouse, options), 403);
  });
});

describe('roles follow membership', () => {
  test('territorial roles hold while a member there; national roles hold whatever the membership; nothing holds after erasure', () => {
    const referent = { role: 'web-referent', scopeType: 'section', scopeId: 'mulhouse' } as const;
    const officer = { role: 'federation-officer', scopeType: 'federation', scopeId: '68' } as const;
    const national = { role: 'national-admin', scopeType: 'national', scopeId: 'national' } as const;
    assert.ok(grantHolds(referent, person()));
    assert.ok(!grantHolds(referent, supporter()), 'lapsed');
    assert.ok(!grantHolds(referent, person({ sectionId: 'colmar' })), 'moved');
    assert.ok(grantHolds(officer, person({ sectionId: 'colmar' })), 'moved within the federation');
    assert.ok(!grantHolds(officer, person({ sectionId: 'paris-11', federationCode: '75' })));
    assert.ok(grantHolds(national, supporter()));
    assert.ok(!grantHolds(national, null));
  });
  test('whoever may grant a role may revoke it from anyone; nobody else', () => {
    const grant = { role: 'web-referent', scopeType: 'section', scopeId: 'mulhouse' } as const;
    mayRevokeRole(secretaryOf('mulhouse'), grant, mulhouse, options);
    mayRevokeRole(officerOf('68'), grant, mulhouse, options);
    refuses(() => mayRevokeRole(secretaryOf('colmar'), grant, mulhouse, options), 403);
    refuses(() => mayRevokeRole(person(), grant, mulhouse, options), 403);
    refuses(() => mayRevokeRole({ ...secretaryOf('mulhouse'), mfaVerified: false }, grant, mulhouse, options), 403);
  });
});

describe('rollout waves', () => {
  test('national admins with TOTP only', () => {
    mayManageWaves(admin(), options);
    refuses(() => mayManageWaves(officerOf('68'), options), 403);
    refuses(() => mayManageWaves(secretaryOf('mulhouse'), options), 403);
    refuses(() => mayManageWaves({ ...admin(), mfaVerified: false }, options), 403);
    refuses(() => mayManageWaves({ kind: 'anonymous' }, options), 401);
  });
});

describe('rollout numbers', () => {
  test('national admins see every scope; a federation’s officers their own federation only', () => {
    for (const scope of [{ kind: 'national' }, { kind: 'region', code: '44' }, { kind: 'federation', code: '75' }] as const) mayViewRolloutNumbers(admin(), scope, options);
    mayViewRolloutNumbers(officerOf('68'), { kind: 'federation', code: '68' }, options);
    refuses(() => mayViewRolloutNumbers(officerOf('68'), { kind: 'federation', code: '67' }, options), 403);
    refuses(() => mayViewRolloutNumbers(officerOf('68'), { kind: 'region', code: '44' }, options), 403);
    refuses(() => mayViewRolloutNumbers(officerOf('68'), { kind: 'national' }, options), 403);
    refuses(() => mayViewRolloutNumbers(secretaryOf('mulhouse'), { kind: 'federation', code: '68' }, options), 403);
    refuses(() => mayViewRolloutNumbers({ ...officerOf('68'), mfaVerified: false }, { kind: 'federation', code: '68' }, options), 403);
  });
});

// ——— Events and field reports (issue 6) ———
describe('events', () => {
  const mulhouseSpace = { type: 'section' as const, id: 'mulhouse', federationCode: '68' };
  const seenBy = (caller: Caller, visibility: 'public' | 'supporters' | 'members' | 'section') => mayViewEvent(caller, { space: mulhouseSpace, visibility });

  test('those who run a space organize its events; nobody else, and not without TOTP', () => {
    for (const caller of [secretaryOf('mulhouse'), official({ role: 'web-referent', scopeType: 'section', scopeId: 'mulhouse' }), officerOf('68'), admin()]) {
      mayOrganizeEvents(caller, mulhouseSpace, options);
    }
    for (const caller of [person(), secretaryOf('colmar'), officerOf('75'), supporter()]) refuses(() => mayOrganizeEvents(caller, mulhouseSpace, options), 403);
    refuses(() => mayOrganizeEvents(secretaryOf('mulhouse'), { type: 'federation', id: '68' }, options), 403);
    refuses(() => mayOrganizeEvents(officerOf('68'), { type: 'national', id: 'national' }, options), 403);
    refuses(() => mayOrganizeEvents(person({ roles: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }], mfaVerified: false }), mulhouseSpace, options), 403);
    refuses(() => mayOrganizeEvents({ kind: 'anonymous' }, mulhouseSpace, options), 401);
  });

  test('public events are seen by visitors; supporters’ events by everyone signed in', () => {
    assert.equal(seenBy({ kind: 'anonymous' }, 'public'), true);
    assert.equal(seenBy({ kind: 'anonymous' }, 'supporters'), false);
    assert.equal(seenBy(supporter('75'), 'supporters'), true);
  });

  test('members’ events by adhérents only; section events by the section’s adhérents and those who run it', () => {
    assert.equal(seenBy(supporter(), 'members'), false);
    assert.equal(seenBy(person({ sectionId: 'paris-11', federationCode: '75' }), 'members'), true);
    assert.equal(seenBy(person(), 'section'), true);
    assert.equal(seenBy(person({ sectionId: 'colmar' }), 'section'), false);
    assert.equal(seenBy(secretaryOf('colmar'), 'section'), false);
    assert.equal(seenBy(officerOf('68'), 'section'), true);
    assert.equal(seenBy(supporter(), 'section'), false);
  });

  test('a group’s managers organize its events (without TOTP); its members see them; outside the group nobody does', () => {
    const group = { type: 'group' as const, id: 'sante' };
    const manager = { state: 'member' as const, role: 'manager' as const };
    const member = { state: 'member' as const, role: 'member' as const };
    const requested = { state: 'requested' as const, role: 'member' as const };
    mayOrganizeEvents(person({ mfaVerified: false }), group, options, manager);
    for (const standing of [member, requested, undefined]) refuses(() => mayOrganizeEvents(person(), group, options, standing), 403);
    refuses(() => mayOrganizeEvents(admin(), group, options), 403);
    const seen = (caller: Caller, visibility: 'public' | 'supporters' | 'members', standing?: GroupStanding) => mayViewEvent(caller, { space: group, visibility, group: standing });
    assert.equal(seen(supporter(), 'supporters', member), true);
    assert.equal(seen(supporter(), 'members', member), false);
    assert.equal(seen(person(), 'members', member), true);
    assert.equal(seen(person(), 'supporters', requested), false);
    assert.equal(seen(admin(), 'supporters'), false);
    assert.equal(seen({ kind: 'anonymous' }, 'public'), true);
  });

  test('report dashboards: each level’s officials and those above', () => {
    mayViewReports(secretaryOf('mulhouse'), 'section', { id: 'mulhouse', federationCode: '68' }, options);
    mayViewReports(officerOf('68'), 'section', { id: 'mulhouse', federationCode: '68' }, options);
    mayViewReports(officerOf('68'), 'federation', { id: '68' }, options);
    mayViewReports(admin(), 'region', { id: '44' }, options);
    refuses(() => mayViewReports(secretaryOf('mulhouse'), 'federation', { id: '68' }, options), 403);
    refuses(() => mayViewReports(officerOf('68'), 'region', { id: '44' }, options), 403);
    refuses(() => mayViewReports(person(), 'section', { id: 'mulhouse', federationCode: '68' }, options), 403);
  });
});

describe('transparency log and the DPO’s desk (ADR 0027)', () => {
  const grant = (role: Grant['role'], scopeType: Grant['scopeType'], scopeId: string): Grant[] => [{ role, scopeType, scopeId }];

  test('a section’s log is for its adhérents; anyone else, officials above included, is told it does not exist', () => {
    assert.doesNotThrow(() => maySeeSectionAccessLog(person(), 'mulhouse'));
    for (const caller of [
      person({ sectionId: 'colmar' }),
      person({ status: 'sympathisant', sectionId: undefined }),
      person({ sectionId: 'colmar', roles: grant('federation-officer', 'federation', '68') }),
      person({ sectionId: 'paris-18', federationCode: '75', roles: grant('national-admin', 'national', 'national') }),
    ]) {
      assert.throws(() => maySeeSectionAccessLog(caller, 'mulhouse'), { statusCode: 404 });
    }
    assert.throws(() => maySeeSectionAccessLog({ kind: 'anonymous' }, 'mulhouse'), { statusCode: 401 });
  });

  test('a federation’s log is for the people on its list, members and supporters', () => {
    assert.doesNotThrow(() => maySeeFederationAccessLog(person({ status: 'sympathisant', sectionId: undefined }), '68'));
    assert.throws(() => maySeeFederationAccessLog(person({ federationCode: '75', sectionId: 'paris-11' }), '68'), { statusCode: 404 });
  });

  test('the DPO’s desk is the privacy officer’s alone, with TOTP', () => {
    const officer = person({ roles: grant('privacy-officer', 'national', 'national') });
    assert.doesNotThrow(() => mayActAsPrivacyOfficer(officer, options));
    assert.throws(() => mayActAsPrivacyOfficer({ ...officer, mfaVerified: false }, options), { statusCode: 403 });
    assert.throws(() => mayActAsPrivacyOfficer(person({ roles: grant('national-admin', 'national', 'national') }), options), { statusCode: 403 });
  });

  test('a read is logged under the nearest role that gave it', () => {
    const both = person({ roles: [...grant('section-secretary', 'section', 'mulhouse'), ...grant('federation-officer', 'federation', '68')] });
    assert.equal(authorityRole(both, mulhouse), 'section-secretary');
    assert.equal(authorityRole(both, { federationCode: '68' }), 'federation-officer');
    assert.equal(authorityRole(person({ roles: grant('national-admin', 'national', 'national') }), mulhouse), 'national-admin');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Caller, PersonFacts } from '../../functions/src/domain/access/caller';
import { mayWriteTo, type Recipient } from '../../functions/src/domain/access/policy';
import { DomainError } from '../../functions/src/domain/errors';
import { defaultVisibility } from '../../functions/src/domain/people/visibility';

// Who may write to whom (ADR 0029): coopains · people sharing a section, federation or group · nobody;
// a block stops it both ways. Pure function of the caller and facts loaded once.

let next = 0;
function person(overrides: Partial<PersonFacts> = {}): Extract<Caller, { kind: 'person' }> {
  next += 1;
  return { kind: 'person', userId: `user-${next}`, status: 'adherent', sectionId: 'mulhouse', federationCode: '68', roles: [], mfaVerified: true, visibility: defaultVisibility, groupIds: [], ...overrides };
}
const recipient = (overrides: Partial<Recipient> = {}): Recipient => {
  const { kind: _kind, ...facts } = person({ sectionId: 'lyon-1', federationCode: '69', ...overrides });
  return { ...facts, ...overrides };
};
const strangers = { areFriends: false, blocked: false };
const friends = { areFriends: true, blocked: false };

function refusal(run: () => unknown): { status: number; reason: string; field?: string } {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DomainError);
    return { status: error.statusCode, reason: error.code, field: error.details?.[0]?.field };
  }
  assert.fail('expected a refusal');
}

describe('mayWriteTo', () => {
  test('a coopain may write, whatever space they share, unless the setting is « nobody »', () => {
    const me = person();
    assert.equal(mayWriteTo(me, recipient({ writableBy: 'friends' }), friends).userId, me.userId);
    assert.equal(mayWriteTo(me, recipient({ writableBy: 'shared-space' }), friends).userId, me.userId);
    assert.deepEqual(refusal(() => mayWriteTo(me, recipient({ writableBy: 'nobody' }), friends)), {
      status: 403, reason: 'messaging.recipient-closed', field: 'body.participantIds',
    });
  });

  test('« shared space »: the same federation, a shown section, or a group both belong to', () => {
    const me = person({ sectionId: 'mulhouse', federationCode: '68', groupIds: ['g-velo'] });
    assert.ok(mayWriteTo(me, recipient({ federationCode: '68', sectionId: 'colmar' }), strangers));
    assert.ok(mayWriteTo(me, recipient({ groupIds: ['g-jardin', 'g-velo'] }), strangers));
    // the same section counts only when the recipient shows it to the writer
    const sameSection = recipient({ sectionId: 'mulhouse', federationCode: '00', visibility: { ...defaultVisibility, section: 'signed-in' } });
    assert.ok(mayWriteTo(me, sameSection, strangers));
    const hiddenSection = recipient({ sectionId: 'mulhouse', federationCode: '00', visibility: { ...defaultVisibility, section: 'only-me' } });
    assert.equal(refusal(() => mayWriteTo(me, hiddenSection, strangers)).reason, 'messaging.not-reachable');
  });

  test('a stranger sharing nothing is refused with a clear 403; « friends only » refuses a shared space', () => {
    const me = person({ federationCode: '68', groupIds: ['g-velo'] });
    assert.deepEqual(refusal(() => mayWriteTo(me, recipient(), strangers, 'body.participantIds.2')), {
      status: 403, reason: 'messaging.not-reachable', field: 'body.participantIds.2',
    });
    assert.equal(refusal(() => mayWriteTo(me, recipient({ writableBy: 'friends', federationCode: '68' }), strangers)).reason, 'messaging.not-reachable');
  });

  test('a block stops it both ways, even between coopains', () => {
    const me = person();
    assert.equal(refusal(() => mayWriteTo(me, recipient({ federationCode: '68' }), { areFriends: true, blocked: true })).reason, 'messaging.blocked');
  });

  test('nobody writes to themselves; anonymous and unregistered callers are refused', () => {
    const me = person();
    const { kind: _kind, ...self } = me;
    assert.deepEqual(refusal(() => mayWriteTo(me, self, friends)), { status: 400, reason: 'validation.invalid', field: 'body.participantIds' });
    assert.equal(refusal(() => mayWriteTo({ kind: 'anonymous' }, recipient(), friends)).status, 401);
    assert.equal(refusal(() => mayWriteTo({ kind: 'unregistered', userId: 'u' }, recipient(), friends)).status, 403);
  });
});

describe('salons (ADR 0029 § Salons)', async () => {
  const { mayBeInSalon, mayRunSalon } = await import('../../functions/src/domain/access/policy');
  const { salonRuleSpace, salonsLeftBy } = await import('../../functions/src/domain/messaging/salon-spaces');
  const mulhouse = { spaceType: 'section', spaceId: 'mulhouse', federationCode: '68' };
  const options = { officialMfaRequired: true };

  test('a section’s salon is for its adhérents and those who run it from above; a group’s for its members, from the person’s own groups', () => {
    const inSection = (who: Extract<Caller, { kind: 'person' }>) => {
      const { space, facts } = salonRuleSpace(who, mulhouse);
      return mayBeInSalon(who, space, facts);
    };
    assert.equal(inSection(person()), true);
    assert.equal(inSection(person({ status: 'sympathisant' })), false, 'a supporter of Mulhouse has no section');
    assert.equal(inSection(person({ sectionId: 'colmar' })), false);
    assert.equal(inSection(person({ sectionId: 'colmar', roles: [{ role: 'federation-officer', scopeType: 'federation', scopeId: '68' }] })), true, 'the federation’s officers');
    const group = { spaceType: 'group', spaceId: 'g1' };
    const member = person({ groupIds: ['g1'] });
    assert.equal(mayBeInSalon(member, salonRuleSpace(member, group).space, salonRuleSpace(member, group).facts), true);
    const outsider = person();
    assert.equal(mayBeInSalon(outsider, salonRuleSpace(outsider, group).space, salonRuleSpace(outsider, group).facts), false);
  });

  test('those who run the space open it: a group’s managers without TOTP, a section’s officials with it', () => {
    assert.doesNotThrow(() => mayRunSalon(person(), { type: 'group', id: 'g1' }, options, { state: 'member', role: 'manager' }));
    assert.equal(refusal(() => mayRunSalon(person(), { type: 'group', id: 'g1' }, options, { state: 'member', role: 'member' })).reason, 'salon.runners-only');
    assert.equal(refusal(() => mayRunSalon(person(), { type: 'section', id: 'mulhouse', federationCode: '68' }, options)).reason, 'salon.runners-only');
    const secretary = person({ roles: [{ role: 'section-secretary', scopeType: 'section', scopeId: 'mulhouse' }] });
    assert.doesNotThrow(() => mayRunSalon(secretary, { type: 'section', id: 'mulhouse', federationCode: '68' }, options));
    assert.equal(refusal(() => mayRunSalon({ ...secretary, mfaVerified: false }, { type: 'section', id: 'mulhouse', federationCode: '68' }, options)).status, 403);
  });

  test('the salons a change of a person takes them out of: groups left, a section left or lapsed', () => {
    const before = { userId: 'u', status: 'adherent', sectionId: 'mulhouse', groupIds: new Set(['g1', 'g2']) };
    assert.deepEqual(salonsLeftBy(before, { ...before, groupIds: new Set(['g2']) }), ['s.group:g1']);
    assert.deepEqual(salonsLeftBy(before, { ...before, sectionId: 'colmar' }), ['s.section:mulhouse']);
    assert.deepEqual(salonsLeftBy(before, { ...before, status: 'sympathisant' }), ['s.section:mulhouse'], 'a lapse');
    assert.deepEqual(salonsLeftBy(before, { ...before, givenName: 'Autre' } as typeof before), [], 'a profile edit');
    assert.deepEqual(salonsLeftBy(undefined, before), []);
  });
});

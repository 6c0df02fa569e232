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

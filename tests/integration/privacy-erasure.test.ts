import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { generateSync } from 'otplib';
import { call, TEST_PASSWORD } from '../support/people';
import { bucketKeys, memberWhoDidEverything, scanTable, type Everything } from '../support/privacy';
import { api, testStack, type TestStack } from '../support/stack';
import { until } from '../support/until';

// « Supprimer mon compte » through the real handlers and the privacy-sweep job: a member who did what
// the demo lets one do (tests/support/privacy.ts) erases her account; then the whole table is scanned
// and the whole bucket listed.

let stack: TestStack;
let made: Everything;

before(async () => {
  stack = testStack();
  made = await memberWhoDidEverything(stack, '127.0.0.41');
});

describe('erasure', () => {
  test('« Supprimer mon compte »: sign-in fails at once, then no item names her outside the pseudonymised records, and her files are gone', { timeout: 240_000 }, async () => {
    const { eulalie, basile, name: eulalieName } = made;
    const needles = [eulalie.userId, eulalie.email, `${eulalieName.givenName} ${eulalieName.familyName}`].map((n) => n.toLowerCase());
    const names = (item: unknown) => needles.some((n) => JSON.stringify(item).toLowerCase().includes(n));
    assert.ok((await scanTable()).filter(names).length > 20, 'she is all over the table before');
    assert.ok((await bucketKeys()).some((k) => k.includes(eulalie.userId)), 'and in the bucket');

    // Confirmed with the password, and her TOTP code (she is an official): a wrong one changes nothing.
    const wrong = await call(stack, eulalie, 'DELETE', '/api/me', { password: 'pas le bon mot de passe', content: 'delete' });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body.details?.map((d) => d.field), ['body.password']);
    const noCode = await call(stack, eulalie, 'DELETE', '/api/me', { password: TEST_PASSWORD, content: 'delete' });
    assert.deepEqual(noCode.body.details?.map((d) => d.field), ['body.totpCode']);
    const badContent = await call(stack, eulalie, 'DELETE', '/api/me', { password: TEST_PASSWORD, content: 'maybe' });
    assert.deepEqual(badContent.body.details?.map((d) => d.field), ['body.content']);
    assert.equal((await call(stack, eulalie, 'GET', '/api/me/profile')).status, 200, 'still there after refusals');

    // What she counts in: her group's members, the event's « je viens » and its slot, the comments under his post.
    const counts = async () => {
      const [group, event, post] = await Promise.all([
        call(stack, basile, 'GET', `/api/groups/${made.group}`),
        call(stack, made.secretary, 'GET', `/api/events/${made.event}`),
        call(stack, basile, 'GET', `/api/posts/${made.his}`),
      ]);
      return {
        members: group.body.memberCount as number,
        going: event.body.going as number,
        slotTaken: (event.body.slots as { taken: number }[])[0]!.taken,
        comments: post.body.commentCount as number,
      };
    };
    const before = await counts();
    assert.ok(before.members >= 2 && before.going >= 1 && before.slotTaken >= 1 && before.comments >= 1, JSON.stringify(before));

    const erased = await call(stack, eulalie, 'DELETE', '/api/me', { password: TEST_PASSWORD, totpCode: generateSync({ secret: eulalie.totpSecret! }), content: 'delete' });
    assert.equal(erased.status, 202, JSON.stringify(erased.body));

    // At once: her token is refused, and so is her password.
    assert.equal((await call(stack, eulalie, 'GET', '/api/me/profile')).status, 401);
    const signIn = await api(stack, '/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: eulalie.email, password: TEST_PASSWORD }) });
    assert.equal(signIn.status, 401);
    // Her role ended, audited.
    const officials = await call(stack, basile, 'GET', '/api/sections/colmar/officials');
    assert.ok(!JSON.stringify(officials.body).includes(eulalie.userId));

    // The job sweeps the table and the bucket.
    const { SweepTaskEntity } = await import('../../functions/src/domain/privacy/entities');
    const erasureId = erased.body.erasureId as string;
    const tasks = await until('the erasure finishes', () => SweepTaskEntity.query.byId({ sweepId: erasureId }).go().then((r) => r.data), (d) => d.some((t) => t.state === 'done'), 180_000);
    const pseudonym = tasks[0]!.pseudonym;
    assert.match(pseudonym, /^compte supprimé n° \d+$/);

    const { inventory } = await import('../../functions/src/domain/privacy/inventory');
    // The records that may still name her, each with its reason in ADR 0024: the party's member-file row
    // (unlinked), and what is left to a short TTL (the « sessions valid after » instant refusing old tokens).
    const mayName = new Set(['memberRecord', ...inventory.filter((r) => r.erasure === 'expire').map((r) => r.entity)]);
    const items = await scanTable();
    const left = items.filter(names);
    assert.deepEqual(left.filter((i) => !mayName.has(i.__edb_e__ as string)).map((i) => `${i.__edb_e__ as string} ${i.pk as string} ${i.sk as string}`), []);
    const row = left.find((i) => i.__edb_e__ === 'memberRecord');
    assert.ok(row && row.userId === undefined, 'the member-file row stays, unlinked');
    assert.deepEqual(left.filter((i) => JSON.stringify(i).includes(eulalie.userId)).map((i) => i.__edb_e__), ['sessionsValidAfter'], 'her id keys nothing else');

    // Pseudonymised: her role's audit says « compte supprimé n° … »; her posts and comments are gone,
    // his post and the comment he wrote under hers are not named after her.
    const pseudonymId = `compte-supprime-${pseudonym.replace(/\D/g, '')}`;
    const audits = items.filter((i) => i.__edb_e__ === 'roleAudit' && i.userId === pseudonymId);
    assert.deepEqual(audits.map((a) => [a.action, a.role, a.reason, a.by]), [
      ['grant', 'web-referent', undefined, 'system'],
      ['revoke', 'web-referent', 'effacement du compte', pseudonymId],
    ]);
    assert.equal((await call(stack, basile, 'GET', `/api/posts/${made.hers}`)).status, 404);
    assert.equal((await call(stack, basile, 'GET', `/api/posts/${made.his}`)).status, 200);
    const comments = await call(stack, basile, 'GET', `/api/posts/${made.his}/comments`);
    assert.ok(!JSON.stringify(comments.body).includes('Eulalie'));
    const search = await call(stack, basile, 'GET', `/api/search?q=${encodeURIComponent(eulalieName.familyName)}`);
    assert.ok(!JSON.stringify(search.body).includes(eulalie.userId));

    // Her address asked for no bulk mail: it stays suppressed, as a hash the list cannot be read back from.
    const { suppressedAmong } = await import('../../functions/src/domain/mail/suppression');
    assert.deepEqual([...(await suppressedAmong([eulalie.email], 'bulk'))], [eulalie.email]);

    const keys = await bucketKeys();
    assert.deepEqual(keys.filter((k) => k.includes(eulalie.userId)), []);

    // The counters she was in went down with her items (the sweep deletes and counts in one transaction).
    assert.deepEqual(await counts(), { members: before.members - 1, going: before.going - 1, slotTaken: before.slotTaken - 1, comments: before.comments - 1 });
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { readConfig } from '../../functions/src/shared/config';

test('configuration fails fast, naming every missing or invalid variable', () => {
  const shape = { TABLE_NAME: z.string().min(1), MAIL_FROM: z.email(), SES_ENDPOINT: z.url().optional() };
  assert.throws(() => readConfig(shape, { MAIL_FROM: 'not-an-address' }), (error: Error) => {
    assert.match(error.message, /TABLE_NAME/);
    assert.match(error.message, /MAIL_FROM/);
    assert.doesNotMatch(error.message, /SES_ENDPOINT/);
    return true;
  });
  assert.deepEqual(readConfig(shape, { TABLE_NAME: 't', MAIL_FROM: 'a@coopol.example' }), { TABLE_NAME: 't', MAIL_FROM: 'a@coopol.example' });
});

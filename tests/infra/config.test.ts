import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readStageConfig } from '../../infra/config';
import { CoopolSetupError } from '../../infra/errors';

const fromContext = (context: Record<string, string>) => (key: string) => context[key];

test('a stage with no settings gets Paris, the dev stage and placeholders that keep synth offline', () => {
  const config = readStageConfig(fromContext({}), {});
  assert.equal(config.region, 'eu-west-3');
  assert.equal(config.stage, 'dev');
  assert.equal(config.account, '000000000000');
  assert.equal(config.mailFrom, 'ne-pas-repondre@coopol.example');
  assert.equal(config.openNextPath, 'web/.open-next');
  assert.equal(config.domainName, undefined);
});

test('CDK context wins over COOPOL_* variables, which win over defaults', () => {
  const config = readStageConfig(fromContext({ stage: 'prod' }), {
    COOPOL_STAGE: 'staging',
    COOPOL_ACCOUNT: '123456789012',
    COOPOL_REGION: 'eu-west-1',
    COOPOL_DOMAIN_NAME: '',
  });
  assert.equal(config.stage, 'prod');
  assert.equal(config.account, '123456789012');
  assert.equal(config.region, 'eu-west-1');
  assert.equal(config.domainName, undefined, 'an empty variable counts as unset');
});

test('a bad value fails with the field name and where to set it', () => {
  assert.throws(
    () => readStageConfig(fromContext({ account: '12345' }), {}),
    (error: unknown) =>
      error instanceof CoopolSetupError && /account: /.test(error.message) && /COOPOL_ACCOUNT/.test(error.message),
  );
  assert.throws(() => readStageConfig(fromContext({ region: 'paris' }), {}), /region: /);
  assert.throws(() => readStageConfig(fromContext({ stage: 'Prod!' }), {}), /stage: /);
  assert.throws(() => readStageConfig(fromContext({ mailFrom: 'not-an-address' }), {}), /mailFrom: /);
});

test('a custom domain needs its us-east-1 certificate and a sender in that domain', () => {
  assert.throws(() => readStageConfig(fromContext({ domainName: 'coopol.fr', mailFrom: 'ne-pas-repondre@coopol.fr' }), {}), /certificateArn: required/);
  assert.throws(
    () =>
      readStageConfig(
        fromContext({
          domainName: 'coopol.fr',
          certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
        }),
        {},
      ),
    /mailFrom: must be an address of coopol.fr/,
  );
  const config = readStageConfig(
    fromContext({
      domainName: 'coopol.fr',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
      mailFrom: 'ne-pas-repondre@coopol.fr',
    }),
    {},
  );
  assert.equal(config.domainName, 'coopol.fr');
});

test('field report ceilings: defaults per stage, JSON from the environment, a bad one named', () => {
  assert.deepEqual(readStageConfig(fromContext({}), {}).reportCeilings, { leaflets: 20_000, doors: 2_000, peopleReached: 5_000, contacts: 2_000 });
  const set = readStageConfig(fromContext({}), { COOPOL_REPORT_CEILINGS: '{"leaflets":5000,"doors":500,"peopleReached":1000,"contacts":300}' });
  assert.deepEqual(set.reportCeilings, { leaflets: 5000, doors: 500, peopleReached: 1000, contacts: 300 });
  assert.throws(() => readStageConfig(fromContext({}), { COOPOL_REPORT_CEILINGS: '{"leaflets":0}' }), /reportCeilings\.leaflets: .*COOPOL_REPORT_CEILINGS|reportCeilings/);
  assert.throws(() => readStageConfig(fromContext({}), { COOPOL_REPORT_CEILINGS: 'beaucoup' }), /reportCeilings/);
});

test('operations settings: WAF on for prod only unless said, throttles and surge model as JSON, a bad one named', () => {
  assert.equal(readStageConfig(fromContext({ stage: 'prod' }), {}).waf, true);
  assert.equal(readStageConfig(fromContext({ stage: 'staging' }), {}).waf, false);
  assert.equal(readStageConfig(fromContext({ stage: 'prod' }), { COOPOL_WAF: 'false' }).waf, false);
  assert.deepEqual(readStageConfig(fromContext({}), { COOPOL_API_THROTTLE: '{"rateLimit":100,"burstLimit":200}' }).apiThrottle, { rateLimit: 100, burstLimit: 200 });
  assert.throws(() => readStageConfig(fromContext({}), { COOPOL_API_THROTTLE: '{"rateLimit":0,"burstLimit":200}' }), /apiThrottle\.rateLimit: .*COOPOL_API_THROTTLE/);
  assert.throws(() => readStageConfig(fromContext({ alarmEmail: 'astreinte' }), {}), /alarmEmail: /);
  assert.throws(() => readStageConfig(fromContext({ cognitoThreatProtection: 'maximum' }), {}), /cognitoThreatProtection: /);
  assert.throws(
    () => readStageConfig(fromContext({}), { COOPOL_LAUNCH_SURGE: '{"openRate":0.5,"signUpShare":0.5,"clickThroughByMinute":[0.8,0.4]}' }),
    /launchSurge\.clickThroughByMinute: the shares of each minute add up to at most 1/,
  );
});

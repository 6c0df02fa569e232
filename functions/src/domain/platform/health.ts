import { DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import type { HealthReport } from '../../contracts/platform';
import { cognito, userPoolId } from '../../shared/cognito';
import { dynamodb, tableName } from '../../shared/dynamodb';
import { filesBucket, s3 } from '../../shared/files';
import { ses } from '../../shared/mail';

type Dependency = HealthReport['dependencies'][keyof HealthReport['dependencies']];

const PROBE_TIMEOUT_MS = 2000;

async function probe(check: (signal: AbortSignal) => Promise<unknown>): Promise<Dependency> {
  const started = performance.now();
  const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS);
  try {
    await check(signal);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The dependency's own error name only: no endpoint, account or stack is exposed.
    const name = error instanceof Error ? error.name : 'Error';
    return { status: 'error', latencyMs: Math.round(performance.now() - started), message: name };
  }
}

/** Checks each dependency with the cheapest call that proves it is reachable and that we may use it. */
export async function checkHealth(): Promise<HealthReport> {
  const [table, userPool, mail, files] = await Promise.all([
    probe((abortSignal) =>
      dynamodb.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: '$health' }, sk: { S: '$health' } } }), { abortSignal }),
    ),
    probe((abortSignal) => cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }), { abortSignal })),
    probe(async (abortSignal) => {
      const { client, sdk } = await ses();
      return client.send(new sdk.GetAccountCommand({}), { abortSignal });
    }),
    probe((abortSignal) => s3.send(new HeadBucketCommand({ Bucket: filesBucket }), { abortSignal })),
  ]);
  const dependencies = { table, userPool, mail, files };
  const allOk = Object.values(dependencies).every((d) => d.status === 'ok');
  return { status: allOk ? 'ok' : 'degraded', dependencies };
}

import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { runWaveTask } from '../domain/rollout/sender';

/**
 * The table stream, filtered to created wave tasks (infra/jobs.ts): sends that task's mails. A
 * failure or a timeout makes the stream deliver the task again; the sender resumes (ADR 0009).
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<void> => {
  for (const record of event.Records) {
    const image = unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>) as { waveId: string; federationCode: string; seq: number };
    await runWaveTask({ waveId: image.waveId, federationCode: image.federationCode, seq: image.seq }, () => context.getRemainingTimeInMillis());
  }
};

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { countPersonSteps, type PersonChange, type PersonStep } from '../domain/rollout/stats';

type PersonImage = PersonChange & { onboarded?: boolean };
const image = (raw: unknown) => (raw ? (unmarshall(raw as Record<string, AttributeValue>) as PersonImage) : undefined);

/**
 * The table stream, filtered to people (infra/jobs.ts): a new person is a sign-up, a person who
 * finished the welcome step is active — counted in the rollout numbers, each once.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  const steps: PersonStep[] = [];
  for (const record of event.Records) {
    const after = image(record.dynamodb?.NewImage);
    const before = image(record.dynamodb?.OldImage);
    if (!after) continue;
    const at = new Date((record.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000) * 1000);
    if (record.eventName === 'INSERT') steps.push({ person: after, step: 'signedUp', at });
    if (after.onboarded && !before?.onboarded) steps.push({ person: after, step: 'active', at });
  }
  await countPersonSteps(steps);
};

import { countPersonSteps, type PersonChange, type PersonStep } from '../domain/rollout/stats';
import { streamBatchJob } from './kit/stream-job';

type PersonImage = PersonChange & { onboarded?: boolean };

/**
 * The table stream, filtered to people (infra/jobs.ts): a new person is a sign-up, a person who
 * finished the welcome step is active — counted in the rollout numbers, each once.
 */
export const handler = streamBatchJob<PersonImage>(async (changes) => {
  const steps: PersonStep[] = [];
  for (const { kind, before, after, at } of changes) {
    if (!after) continue;
    if (kind === 'INSERT') steps.push({ person: after, step: 'signedUp', at });
    if (after.onboarded && !before?.onboarded) steps.push({ person: after, step: 'active', at });
  }
  await countPersonSteps(steps);
});

import type { SQSEvent } from 'aws-lambda';
import { recordMailFeedback, type SesMailEvent } from '../domain/rollout/feedback';

/** SES events of the configuration set (SNS → SQS, raw delivery): one event per message. */
export const handler = async (event: SQSEvent): Promise<void> => {
  await recordMailFeedback(event.Records.map((record) => JSON.parse(record.body) as SesMailEvent));
};

import * as z from 'zod';
import { sendScheduledMailing } from '../domain/mailings/service';

const Input = z.object({ mailingId: z.string().min(1) });

/** EventBridge Scheduler, at a message's set time (the schedule's input is `{ mailingId }`): a cancelled one sends nothing. */
export const handler = async (event: unknown): Promise<void> => {
  await sendScheduledMailing(Input.parse(event).mailingId);
};

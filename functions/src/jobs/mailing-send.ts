import * as z from 'zod';
import { startMailing } from '../domain/mailings/start';

const Input = z.object({ mailingId: z.string().min(1) });

/** EventBridge Scheduler, at a message's set time or at once after « Envoyer » (input `{ mailingId }`): a cancelled one sends nothing. */
export const handler = async (event: unknown): Promise<void> => {
  await startMailing(Input.parse(event).mailingId);
};

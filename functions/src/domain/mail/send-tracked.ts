import { acceptanceTags, type Mailing } from './acceptance';
import type { MailTemplateName } from './render';
import { sendMail, type SendMailInput } from './send';

// Apart from acceptance.ts: the mail-feedback job records acceptances and sends nothing (no mail access).

export type SendOutcome = { state: 'sent'; messageId: string } | { state: 'failed'; error: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SES said no for good (bad address, rejected content): recorded, never retried. */
function isPermanent(error: unknown): boolean {
  const name = (error as { name?: string }).name ?? '';
  return ['MessageRejected', 'BadRequestException', 'MailFromDomainNotVerifiedException', 'NotFoundException'].includes(name);
}

/**
 * Sends one tracked bulk mail (its suppression checked by the caller for the whole page): throttling
 * or a network fault is tried again a few times, then thrown (the task fails and is run again); a
 * permanent refusal is returned, never retried.
 */
export async function sendTracked<T extends MailTemplateName>(
  mailing: Mailing,
  recipient: string,
  mail: Omit<SendMailInput<T>, 'kind' | 'suppressionChecked' | 'tags'>,
): Promise<SendOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const messageId = await sendMail({ ...mail, kind: 'bulk', suppressionChecked: true, tags: acceptanceTags(mailing, recipient) } as SendMailInput<T>);
      return { state: 'sent', messageId: messageId! };
    } catch (error) {
      if (isPermanent(error)) return { state: 'failed', error: (error as Error).message.slice(0, 300) };
      if (attempt >= 5) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
}

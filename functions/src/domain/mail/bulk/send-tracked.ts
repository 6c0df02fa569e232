import { withBackoff } from '../../../shared/retry';
import { acceptanceTags, type Mailing } from '../acceptance';
import { sendMail, type SendMailInput } from '../send';
import type { BulkMail, SendOutcome } from './adapter';

// Apart from acceptance.ts: the mail-feedback job records acceptances and sends nothing (no mail access).

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
export async function sendTracked(mailing: Mailing, recipient: string, mail: BulkMail): Promise<SendOutcome> {
  try {
    const messageId = await withBackoff(
      () => sendMail({ ...mail, kind: 'bulk', suppressionChecked: true, tags: acceptanceTags(mailing, recipient) } as SendMailInput<typeof mail.template>),
      { retryable: (error) => !isPermanent(error), attempts: 5, baseMs: 400 },
    );
    return { state: 'sent', messageId: messageId! };
  } catch (error) {
    if (isPermanent(error)) return { state: 'failed', error: (error as Error).message.slice(0, 300) };
    throw error;
  }
}

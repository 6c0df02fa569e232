import type { MessageHeader } from '@aws-sdk/client-sesv2';
import { mailConfigurationSet, mailFrom, ses } from '../../shared/mail';
import { renderMail, type MailData, type MailTemplateName } from './render';
import { suppressedAmong } from './suppression';
import { countBusiness } from '../../shared/metrics';

export interface SendMailInput<T extends MailTemplateName> {
  /** One recipient per mail: bulk mail is one send per person (their own unsubscribe link). */
  to: string;
  template: T;
  data: MailData<T>;
  /** Extra headers, e.g. `unsubscribeHeaders(url)` on bulk mail. */
  headers?: MessageHeader[];
  /** Bulk mail is not sent to addresses that unsubscribed; no mail goes to one that bounced or complained. */
  kind: 'bulk' | 'transactional';
  /** The caller already checked the suppression list for a whole batch (the wave sender). */
  suppressionChecked?: true;
  /** SES message tags (letters, digits, `_` and `-`): they come back on SES's events for this mail. */
  tags?: Record<string, string>;
  /** The sender's name shown by mail clients: « Section Mulhouse · Coopol » (the address stays the stage's). */
  fromName?: string;
  /** Where replies go, when the sender chose to show an address (never a private one by default). */
  replyTo?: string;
  /** Files sent with the mail (an event's `.ics`): SES v2 simple content builds the MIME parts. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  fileName: string;
  /** `text/calendar; method=PUBLISH`… */
  contentType: string;
  content: string;
}

/**
 * Sends one mail through SES v2, from the stage's sender, through its configuration set (bounces
 * and complaints are tracked there). Returns SES's message id, or undefined when the address is
 * suppressed for this kind of mail (nothing sent). The mails Cognito sends (codes) do not come
 * through here: Cognito sends them itself, with the text of our CustomMessage trigger.
 */
export async function sendMail<T extends MailTemplateName>(input: SendMailInput<T>): Promise<string | undefined> {
  if (!input.suppressionChecked && (await suppressedAmong([input.to.toLowerCase()], input.kind)).size) return undefined;
  const mail = renderMail(input.template, input.data);
  for (const header of input.headers ?? []) {
    if (/[\r\n]/.test(header.Name ?? '') || /[\r\n]/.test(header.Value ?? '')) {
      throw new Error(`mail header ${JSON.stringify(header.Name)} contains a line break`);
    }
  }
  const { client, sdk } = await ses();
  const result = await client.send(
    new sdk.SendEmailCommand({
      FromEmailAddress: input.fromName ? `${encodedWord(input.fromName)} <${mailFrom}>` : mailFrom,
      Destination: { ToAddresses: [input.to] },
      ...(input.replyTo && { ReplyToAddresses: [input.replyTo] }),
      ConfigurationSetName: mailConfigurationSet,
      ...(input.tags && { EmailTags: Object.entries(input.tags).map(([Name, Value]) => ({ Name, Value })) }),
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
          ...(input.headers?.length ? { Headers: input.headers } : {}),
          ...(input.attachments?.length
            ? {
                Attachments: input.attachments.map((a) => ({
                  FileName: a.fileName,
                  ContentType: a.contentType,
                  ContentDisposition: 'ATTACHMENT' as const,
                  RawContent: new TextEncoder().encode(a.content),
                })),
              }
            : {}),
        },
      },
    }),
  );
  countBusiness('MailsSent');
  return result.MessageId!;
}

/** A display name as RFC 2047 wants it in a header (SES takes non-ASCII names only so). */
const encodedWord = (name: string) => `=?UTF-8?B?${Buffer.from(name.replace(/[\r\n"]/g, ''), 'utf8').toString('base64')}?=`;

/**
 * RFC 8058 one-click unsubscribe, required by the big mailbox providers for bulk mail: the link
 * must unsubscribe on a POST with no further step.
 */
export function unsubscribeHeaders(url: string): MessageHeader[] {
  return [
    { Name: 'List-Unsubscribe', Value: `<${url}>` },
    { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
  ];
}

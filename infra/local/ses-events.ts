import type { SQSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import http from 'node:http';

/**
 * The local stand-in for SES's event publishing. The handlers reach the SES emulator through this
 * front; for every mail SES accepts it publishes what SES would for the configuration set — a `Send`
 * event, and for SES's mailbox-simulator addresses a `Bounce` or a `Complaint` — to the mail-feedback
 * job, in batches shaped as the SQS queue behind the SNS topic delivers them in AWS (raw delivery).
 * It runs in the stack's process, apart from the worker: when the worker is killed mid-send, what
 * the emulator accepted is still reported, as SES would.
 */
export const mailboxSimulator = {
  bounce: 'bounce@simulator.amazonses.com',
  complaint: 'complaint@simulator.amazonses.com',
} as const;

/** Whether an address is the simulator's `kind`, with or without a label (`bounce+a1@…`), as SES's own simulator takes it. */
const isSimulator = (to: string, kind: keyof typeof mailboxSimulator) => {
  const [local, domain] = mailboxSimulator[kind].split('@');
  return new RegExp(`^${local}(\\+[\\w.-]+)?@${domain!.replace(/\./g, '\\.')}$`, 'i').test(to);
};

interface SesEvent {
  eventType: 'Send' | 'Bounce' | 'Complaint';
  mail: { timestamp: string; messageId: string; source: string; destination: string[]; tags: Record<string, string[]> };
  bounce?: { bounceType: 'Permanent'; bounceSubType: 'General'; bouncedRecipients: { emailAddress: string }[]; timestamp: string };
  complaint?: { complainedRecipients: { emailAddress: string }[]; timestamp: string };
}

interface SendEmailBody {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  EmailTags?: { Name: string; Value: string }[];
}

export interface SesEventsOptions {
  /** The SES emulator's origin. */
  target: string;
  publish(event: SQSEvent): Promise<void>;
  log(line: string): void;
}

export function createSesEventsFront(options: SesEventsOptions): http.Server {
  const target = new URL(options.target);
  let pending: SesEvent[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const events = pending;
    pending = [];
    if (!events.length) return;
    const batch: SQSEvent = {
      Records: events.map((event) => ({
        messageId: randomUUID(),
        receiptHandle: 'local',
        body: JSON.stringify(event),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:coopol-mail-feedback',
        awsRegion: 'local',
      })),
    };
    options.publish(batch).catch((error: unknown) => options.log(`mail feedback failed: ${String(error)}`));
  };
  const queue = (event: SesEvent) => {
    pending.push(event);
    if (pending.length >= 100) flush();
    else timer ??= setTimeout(flush, 100);
  };

  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const answerChunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
          answer.on('end', () => {
            const answerBody = Buffer.concat(answerChunks);
            if (req.method === 'POST' && req.url?.startsWith('/v2/email/outbound-emails') && answer.statusCode === 200) {
              try {
                const sent = JSON.parse(body.toString('utf8')) as SendEmailBody;
                const { MessageId } = JSON.parse(answerBody.toString('utf8')) as { MessageId: string };
                const timestamp = new Date().toISOString();
                const destination = sent.Destination?.ToAddresses ?? [];
                const mail = {
                  timestamp,
                  messageId: MessageId,
                  source: sent.FromEmailAddress ?? '',
                  destination,
                  tags: Object.fromEntries((sent.EmailTags ?? []).map((tag) => [tag.Name, [tag.Value]])),
                };
                queue({ eventType: 'Send', mail });
                const bounced = destination.filter((to) => isSimulator(to, 'bounce'));
                if (bounced.length) {
                  queue({
                    eventType: 'Bounce',
                    mail,
                    bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: bounced.map((emailAddress) => ({ emailAddress })), timestamp },
                  });
                }
                const complained = destination.filter((to) => isSimulator(to, 'complaint'));
                if (complained.length) {
                  queue({ eventType: 'Complaint', mail, complaint: { complainedRecipients: complained.map((emailAddress) => ({ emailAddress })), timestamp } });
                }
              } catch (error) {
                options.log(`could not read a sent mail: ${String(error)}`);
              }
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(answerBody);
          });
        },
      );
      upstream.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `SES emulator unreachable: ${error.message}` }));
      });
      upstream.end(body);
    });
  });
}

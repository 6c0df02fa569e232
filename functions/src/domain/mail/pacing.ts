import { Entity } from 'electrodb';
import { documentClient, tableName } from '../../shared/dynamodb';
import { ses } from '../../shared/mail';
import { isConditionFailure } from '../../shared/conditions';

/**
 * The send rate shared by every sender of bulk mail, whatever the number of them running: one item
 * per second counts the mails granted in that second (a conditional ADD), so together they never
 * exceed SES's maximum send rate. A grant costs one UpdateItem for a whole batch of mails.
 */
export const SendSecondEntity = new Entity(
  {
    model: { service: 'coopol', entity: 'sendSecond', version: '1' },
    attributes: {
      second: { type: 'number', required: true },
      granted: { type: 'number' },
      expiresAt: { type: 'number' },
    },
    indexes: { bySecond: { pk: { field: 'pk', composite: ['second'] }, sk: { field: 'sk', composite: [] } } },
  },
  { table: tableName, client: documentClient },
);

let accountRate: Promise<number> | undefined;

/** SES's maximum send rate for the account (mails per second), read once per container. */
export function sesMaxSendRate(): Promise<number> {
  accountRate ??= ses()
    .then(({ client, sdk }) => client.send(new sdk.GetAccountCommand({})))
    .then((account) => Math.max(1, Math.floor(account.SendQuota?.MaxSendRate ?? 1)));
  return accountRate;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until up to `wanted` mails may be sent at `rate` per second, and returns how many (at least
 * one) and until when: the permits are for the current second, so a mail not started by `until` must
 * ask again — together, senders never start more than `rate` mails in any second.
 */
export async function takeSendPermits(wanted: number, rate: number): Promise<{ granted: number; until: number }> {
  let asking = Math.min(wanted, rate);
  for (;;) {
    const second = Math.floor(Date.now() / 1000);
    try {
      await SendSecondEntity.update({ second })
        .add({ granted: asking })
        .set({ expiresAt: second + 3600 })
        .where((attr, { notExists, lte }) => `${notExists(attr.granted)} OR ${lte(attr.granted, rate - asking)}`)
        .go({ response: 'none' });
      return { granted: asking, until: (second + 1) * 1000 };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    // This second is (nearly) spent: ask for what is left of it, or wait for the next one.
    const { data } = await SendSecondEntity.get({ second }).go({ consistent: true });
    const left = rate - (data?.granted ?? 0);
    if (left > 0 && Math.floor(Date.now() / 1000) === second) {
      asking = Math.min(asking, left);
      continue;
    }
    await sleep(Math.max(5, (second + 1) * 1000 - Date.now()));
    asking = Math.min(wanted, rate);
  }
}

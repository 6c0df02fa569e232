/**
 * The single DynamoDB table: generic key names shared by every entity.
 * CDK (infra/stacks/data-stack.ts), the local provisioner and ElectroDB entities all read this,
 * so the table is declared once.
 */
export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Generic secondary indexes; entities map their access patterns onto them (docs/ACCESS_PATTERNS.md). */
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Epoch seconds; DynamoDB Local does not enforce TTL, so reads filter expired items themselves. */
  timeToLiveAttribute: 'expiresAt',
} as const;

export type GlobalIndexName = (typeof tableDesign.globalIndexes)[number]['indexName'];

/**
 * Whether a DynamoDB write was refused by its condition — the way Coopol makes writes idempotent
 * ("create if absent", "move the cursor only from where it was"). ElectroDB wraps the SDK's
 * ConditionalCheckFailedException in its own error (message « conditional request failed », the SDK's
 * error as `cause`); the SDK's own error is recognised too. One test, used everywhere.
 */
export function isConditionFailure(error: unknown): boolean {
  const e = error as { name?: string; message?: string; cause?: { name?: string } } | undefined;
  return e?.name === 'ConditionalCheckFailedException' || e?.cause?.name === 'ConditionalCheckFailedException' || /conditional request failed/i.test(e?.message ?? '');
}

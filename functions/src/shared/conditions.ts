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

/**
 * Whether an ElectroDB transaction was refused because item `index`'s own condition failed (it exists
 * already, or is gone) — not for meeting another write (`TransactionConflict`), which is retried.
 */
export function refusedByCondition(result: { canceled: boolean; data?: unknown }, index = 0): boolean {
  if (!result.canceled || !Array.isArray(result.data)) return false;
  return (result.data as ({ code?: string } | undefined)[])[index]?.code === 'ConditionalCheckFailed';
}

/** A contention error the SDK throws instead of a cancellation (another transaction, throttling): treated as one, to be retried. */
export function contentionAsCanceled(error: unknown): { canceled: true } {
  const name = (error as { name?: string }).name ?? '';
  if (/TransactionConflict|TransactionInProgress|Throttling/.test(name)) return { canceled: true };
  throw error;
}

/** Runs a conditional write: true if it was written, false if its condition refused it (e.g. counted once already). */
export function writtenUnlessRefused(write: Promise<unknown>): Promise<boolean> {
  return write.then(
    () => true,
    (error: unknown) => {
      if (isConditionFailure(error)) return false;
      throw error;
    },
  );
}

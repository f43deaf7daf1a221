/** Whether a DynamoDB call failed only because its condition did not hold. */
export function isConditionalFailure(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}

/** Runs a conditional write and answers whether the condition held. */
export async function conditionally(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if (isConditionalFailure(err)) return false;
    throw err;
  }
}

/** Removes the storage keys from an item read back, leaving the record. */
export function withoutKeys<T>(item: Record<string, unknown> | undefined, ...keys: string[]): T | undefined {
  if (!item) return undefined;
  const copy = { ...item };
  for (const key of keys) delete copy[key];
  return copy as T;
}

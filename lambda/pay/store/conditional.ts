/** Runs a conditional DynamoDB write and answers whether its condition held. */
export async function conditionally(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if ((err as { name?: string } | null)?.name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/** Removes storage keys from an item read back, leaving the record. */
export function record<T>(item: Record<string, unknown> | undefined, ...keys: string[]): T | undefined {
  if (!item) return undefined;
  const copy = { ...item };
  for (const key of ['pk', 'sk', ...keys]) delete copy[key];
  return copy as T;
}

/**
 * A value built on first use and kept for the life of the process, as a service's `compose.ts`
 * builds its adapters (a cold start reads its secrets once). A failed build is not remembered:
 * the next call tries again, so one bad start does not poison a warm function.
 */
export function builtOnce<T>(build: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= build().catch((err: unknown) => {
      value = undefined;
      throw err;
    });
    return value;
  };
}

/**
 * A value built on first use and kept for the life of the process, as a service's `compose.ts`
 * builds its adapters (a cold start reads its secrets once). A failed build is not remembered:
 * the next call tries again, so one bad start does not poison a warm function. Give each call
 * esbuild's `@__PURE__` mark: it runs nothing at load, and the mark lets a function's bundle leave out the
 * adapters it never uses (esbuild does not carry a declaration's own mark across files).
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

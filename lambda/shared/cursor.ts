import type * as z from 'zod';

/**
 * Opaque list cursors: a store's position (the key of the last item a page read), as
 * base64url-encoded JSON. A cursor only positions a query inside the caller's own key
 * condition, which comes from the request, never from the cursor, so a forged one cannot widen
 * what a caller sees; its shape is checked against the service's schema when it comes back.
 */
export function encodeCursor(position: object): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position a cursor carries, or undefined if it is not one this schema accepts. */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> | undefined {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

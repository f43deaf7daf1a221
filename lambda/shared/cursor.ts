import * as z from 'zod';

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

/** What a cursor is, for the API's description: base64url of the position as JSON (JSON Schema's content keywords; no pattern could say it). */
export function cursorEncoding(position: z.ZodType) {
  return {
    contentEncoding: 'base64url',
    contentMediaType: 'application/json',
    contentSchema: (({ $schema: _draft, ...schema }) => schema)(z.toJSONSchema(position)),
  } as const;
}

/** A list's `cursor` query parameter, whose positions have the given shape. */
export function cursorParameter(position: z.ZodType) {
  return z
    .string()
    .min(1)
    .max(1024)
    .regex(/^[A-Za-z0-9_-]+$/, 'pass the cursor as the previous page gave it')
    .meta({ ...cursorEncoding(position), description: 'Where the previous page stopped: its `next`, as it was given' })
    .optional();
}

/** A list's `limit` query parameter: 1 to `max` items a page. */
export const pageLimitParameter = (max: number, byDefault = 25) => z.coerce.number().int().min(1).max(max).default(byDefault);

/** A list page's `next`: the cursor of the next page, null on the last. */
export const nextCursorSchema = z.string().nullable().describe('Pass as `cursor` for the next page; null on the last');

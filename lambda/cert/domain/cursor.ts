import * as z from 'zod';

/**
 * Opaque paging cursors: the sort key and id of the last item returned, base64url-encoded.
 * The partition of the page comes from the query, never from the cursor, so a cursor cannot
 * widen what a caller sees.
 */
export interface CursorPosition {
  readonly sort: string;
  readonly id: string;
}

const positionSchema = z.strictObject({ s: z.string().min(1).max(300), i: z.string().min(1).max(300) });

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ s: position.sort, i: position.id })).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition | undefined {
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { sort: parsed.data.s, id: parsed.data.i } : undefined;
  } catch {
    return undefined;
  }
}

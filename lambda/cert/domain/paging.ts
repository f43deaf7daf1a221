import * as z from 'zod';
import * as cursors from '../../shared/cursor';

/**
 * Where a list page stopped: the sort key and id of the last item read. The partition of the
 * page comes from the query, never from the cursor, so a cursor cannot widen what a caller sees.
 */
export interface CursorPosition {
  readonly sort: string;
  readonly id: string;
}

/** The CERT's cursors carry `{s, i}`, as they always have, so cursors issued before stay valid. */
const positionSchema = z.strictObject({ s: z.string().min(1).max(300), i: z.string().min(1).max(300) });

/** The `cursor` query parameter of the service's lists. */
export const cursorParameter = cursors.cursorParameter(positionSchema);

export function encodeCursor(position: CursorPosition): string {
  return cursors.encodeCursor({ s: position.sort, i: position.id });
}

export function decodeCursor(cursor: string): CursorPosition | undefined {
  const position = cursors.decodeCursor(cursor, positionSchema);
  return position && { sort: position.s, id: position.i };
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; pass as `cursor` for the next page. Absent on the last page. */
  readonly nextCursor?: string;
}

import * as z from 'zod';
import * as cursors from './cursor';

/**
 * List cursors whose position is one sort key (the partition comes from the query), for the
 * services whose lists page through one partition or index.
 */

/** Where a list page stopped: the sort key of the last item read (the partition comes from the query). */
const positionSchema = z.strictObject({ s: z.string().min(1).max(300) });

/** The `cursor` query parameter of the service's lists. */
export const cursorParameter = cursors.cursorParameter(positionSchema);

export const encodeCursor = (sort: string) => cursors.encodeCursor({ s: sort });

export function decodeCursor(cursor: string): string | undefined {
  return cursors.decodeCursor(cursor, positionSchema)?.s;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; pass as `cursor` for the next page. Absent on the last page. */
  readonly nextCursor?: string;
}

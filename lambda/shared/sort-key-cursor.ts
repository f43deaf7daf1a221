import * as z from 'zod';
import * as cursors from './cursor';
import { HttpError } from './errors';

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

/** A page as a store reads it: the items and the sort key of the last one. */
export interface PageOf<T> {
  readonly items: readonly T[];
  /** Sort key of the last item read; none on the last page. */
  readonly next?: string;
}

/** What a store is asked for: the items after a sort key, at most `limit` of them. */
export interface PageRequest {
  readonly after?: string;
  readonly limit: number;
}

/** A cursor no list of this API returned: a 400, the same in every service. */
export const foreignCursor = () => new HttpError(400, 'invalid_input', 'The cursor is not one this API returned; start again without it.');

/** The sort key a list resumes after, from its `cursor` query parameter; a foreign cursor is a 400. */
export function resumeAfter(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const after = decodeCursor(cursor);
  if (after === undefined) throw foreignCursor();
  return after;
}

/** The page a list answers with, its items mapped for the caller. */
export function pageOut<T, U = T>(page: PageOf<T>, map: (item: T) => U = (item) => item as unknown as U): Page<U> {
  return { items: page.items.map(map), nextCursor: page.next && encodeCursor(page.next) };
}

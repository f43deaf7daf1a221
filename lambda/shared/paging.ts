import * as z from 'zod';
import { badRequest } from './errors';

/**
 * Opaque list cursors: the store's position (a DynamoDB key), base64url-encoded JSON. A cursor
 * only positions a query inside the caller's own key condition, so a forged one cannot widen it.
 */
export function encodeCursor(position: Record<string, unknown> | undefined): string | undefined {
  return position ? Buffer.from(JSON.stringify(position), 'utf8').toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw badRequest('The cursor is not valid: pass back the `next` cursor of a previous page unchanged.', [
      { field: 'query.cursor', message: 'invalid cursor' },
    ]);
  }
}

/** Query parameters of a paged list: `limit` (1..max, default) and an opaque `cursor`. */
export function pagingQuery(max = 100, fallback = 25) {
  return {
    limit: z.coerce.number().int().min(1).max(max).default(fallback).describe(`Page size, at most ${max}.`),
    cursor: z.string().max(2048).optional().describe('The `next` cursor of the previous page.'),
  };
}

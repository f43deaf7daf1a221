import { decodeCursor, encodeCursor, type Page } from '../../shared/sort-key-cursor';
import type { Officer } from '../domain/caller';
import type { RecordEvent } from '../domain/events';
import { foreignCursor } from '../errors';
import type { RecordsPorts } from '../ports';
import { recordOf, requireManager } from './access';

/** GET /records/v1/records/{id}/events (records managers). */
export async function listEvents(
  ports: RecordsPorts,
  officer: Officer,
  id: string,
  query: { cursor?: string; limit: number },
): Promise<Page<RecordEvent>> {
  requireManager(officer);
  await recordOf(ports, officer, id);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && after === undefined) throw foreignCursor();
  const page = await ports.events.list(id, { after, limit: query.limit });
  return { items: page.items, nextCursor: page.next && encodeCursor(page.next) };
}

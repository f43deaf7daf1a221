import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import type { Officer } from '../domain/caller';
import type { RecordEvent } from '../domain/events';
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
  const after = resumeAfter(query.cursor);
  const page = await ports.events.list(id, { after, limit: query.limit });
  return pageOut(page);
}

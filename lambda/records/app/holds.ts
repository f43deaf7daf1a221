import type { Officer, RequestContext } from '../domain/caller';
import { recordEvent } from '../domain/events';
import type { RecordItem } from '../domain/record';
import { noSuchHold, recordChanged, recordImmutable } from '../errors';
import type { RecordsPorts } from '../ports';
import { recordOf, requireManager } from './access';
import { saveRecord } from './schedules';

/**
 * POST /records/v1/records/{id}/holds (records managers): S3's legal hold is set on the content
 * first, so a hold recorded is a hold enforced; a record may carry several, for several matters.
 */
export async function placeHold(
  ports: RecordsPorts,
  officer: Officer,
  id: string,
  input: { reason: string },
  context: RequestContext,
): Promise<RecordItem> {
  requireManager(officer);
  const record = await recordOf(ports, officer, id);
  if (record.state !== 'kept') throw recordImmutable(`Record ${id} has no content yet: a hold needs the content it holds.`);
  const now = ports.clock();
  const hold = { id: ports.ids(), reason: input.reason, placedAt: now.toISOString(), placedBy: officer.subject };
  await ports.locks.setLegalHold(record.content.objectKey, record.content.versionId, true);
  const next = { ...record, holds: [...record.holds, hold] };
  const event = recordEvent(id, 'hold-placed', officer, context, now, record.version + 1, { holdId: hold.id, reason: hold.reason });
  if (!(await saveRecord(ports, record, next, [event]))) throw recordChanged(id);
  return { ...next, version: record.version + 1 };
}

/** DELETE /records/v1/records/{id}/holds/{holdId} (records managers): S3's legal hold is lifted with the last hold. */
export async function releaseHold(
  ports: RecordsPorts,
  officer: Officer,
  id: string,
  holdId: string,
  context: RequestContext,
): Promise<RecordItem> {
  requireManager(officer);
  const record = await recordOf(ports, officer, id);
  if (!record.holds.some((h) => h.id === holdId)) throw noSuchHold(holdId);
  const now = ports.clock();
  const next = { ...record, holds: record.holds.filter((h) => h.id !== holdId) };
  const event = recordEvent(id, 'hold-released', officer, context, now, record.version + 1, { holdId, remaining: next.holds.length });
  if (!(await saveRecord(ports, record, next, [event]))) throw recordChanged(id);
  // Lifted only after the record says it is free: a failure here leaves the content held, never the reverse.
  if (next.holds.length === 0) await ports.locks.setLegalHold(record.content.objectKey, record.content.versionId, false);
  return { ...next, version: record.version + 1 };
}

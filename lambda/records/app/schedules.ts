import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import type { Officer, RequestContext } from '../domain/caller';
import { type RecordEvent, recordEvent } from '../domain/events';
import { type RecordItem, scheduled } from '../domain/record';
import { changedSchedule, type DisposalSchedule, etagOf, IF_MATCH_PATTERN, ifMatchNames } from '../domain/schedule';
import type { CreateScheduleInput, ScheduleBody } from '../domain/schemas';
import { ifMatchRequired, malformedIfMatch, noSuchSchedule, scheduleChanged, scheduleExists } from '../errors';
import type { RecordsPorts } from '../ports';
import { requireManager } from './access';

export interface TaggedSchedule {
  readonly schedule: DisposalSchedule;
  readonly etag: string;
}

const tagged = (schedule: DisposalSchedule): TaggedSchedule => ({ schedule, etag: etagOf(schedule) });

/** GET /records/v1/schedules. */
export async function listSchedules(
  ports: RecordsPorts,
  officer: Officer,
  query: { cursor?: string; limit: number },
): Promise<Page<DisposalSchedule>> {
  const after = resumeAfter(query.cursor);
  const page = await ports.schedules.list(officer.department, { after, limit: query.limit });
  return pageOut(page);
}

/** GET /records/v1/schedules/{id}. */
export async function getSchedule(ports: RecordsPorts, officer: Officer, id: string): Promise<TaggedSchedule> {
  const schedule = await ports.schedules.get(officer.department, id);
  if (!schedule) throw noSuchSchedule(id);
  return tagged(schedule);
}

/** POST /records/v1/schedules (records managers). */
export async function createSchedule(ports: RecordsPorts, officer: Officer, input: CreateScheduleInput): Promise<TaggedSchedule> {
  requireManager(officer);
  const schedule: DisposalSchedule = {
    department: officer.department,
    ...input,
    version: 1,
    updatedAt: ports.clock().toISOString(),
    updatedBy: officer.subject,
  };
  if (!(await ports.schedules.create(schedule))) throw scheduleExists(input.id);
  return tagged(schedule);
}

/** Attempts at recomputing one record that others keep changing meanwhile. */
const RECOMPUTE_ATTEMPTS = 3;

/**
 * Stores a record's next state: its lock extended in S3 first once its content is there (a lock
 * is never shortened, so a write that then loses its race leaves the content locked longer, never
 * less), then the item if it is still as read, then the events. False when another write came first.
 */
export async function saveRecord(
  ports: RecordsPorts,
  before: RecordItem,
  next: RecordItem,
  events: readonly RecordEvent[],
): Promise<boolean> {
  if (before.state === 'kept' && next.lock.retainUntil > before.lock.retainUntil) {
    await ports.locks.extendRetention(before.content.objectKey, before.content.versionId, next.lock.mode, next.lock.retainUntil);
  }
  if (!(await ports.records.update({ ...next, version: before.version + 1 }, before.version))) return false;
  for (const event of events) await ports.events.append(event);
  return true;
}

/** The event of a record whose due date or lock moved, or none when neither did. */
export function recomputedEvent(
  before: RecordItem,
  next: RecordItem,
  schedule: DisposalSchedule,
  why: { officer: Officer; context: RequestContext; cause: string; at: Date; position?: number },
): RecordEvent[] {
  if (next.dueAt === before.dueAt && next.lock.retainUntil === before.lock.retainUntil) return [];
  return [
    recordEvent(
      before.id,
      'due-recomputed',
      why.officer,
      why.context,
      why.at,
      before.version + 1,
      {
        cause: why.cause,
        scheduleVersion: schedule.version,
        dueAt: next.dueAt ?? null,
        retainUntil: next.lock.retainUntil,
      },
      why.position,
    ),
  ];
}

/**
 * PUT /records/v1/schedules/{id} (records managers, If-Match): the new version, then every record
 * under it recomputed. A record changed meanwhile is read again, so none keeps an old due date.
 */
export async function changeSchedule(
  ports: RecordsPorts,
  officer: Officer,
  id: string,
  change: ScheduleBody,
  ifMatch: string | undefined,
  context: RequestContext,
): Promise<TaggedSchedule & { readonly recomputed: number }> {
  requireManager(officer);
  if (ifMatch === undefined || ifMatch.trim() === '' || ifMatch.trim() === '*') throw ifMatchRequired();
  if (!IF_MATCH_PATTERN.test(ifMatch)) throw malformedIfMatch();
  const current = await ports.schedules.get(officer.department, id);
  if (!current) throw noSuchSchedule(id);
  if (!ifMatchNames(ifMatch, current)) throw scheduleChanged(id);
  const next = changedSchedule(current, change, officer.subject, ports.clock());
  if (!(await ports.schedules.update(next, current.version))) throw scheduleChanged(id);
  let recomputed = 0;
  const cause = `schedule ${id} changed to version ${next.version}`;
  for (const listed of await ports.records.underSchedule(officer.department, id)) {
    let record: RecordItem | undefined = listed;
    for (let attempt = 0; record && attempt < RECOMPUTE_ATTEMPTS; attempt++) {
      const now = ports.clock();
      const updated: RecordItem = { ...record, ...scheduled(record, next, now) };
      const events = recomputedEvent(record, updated, next, { officer, context, cause, at: now });
      if (events.length === 0) break;
      if (await saveRecord(ports, record, updated, events)) {
        recomputed++;
        break;
      }
      record = await ports.records.get(record.id);
    }
  }
  return { ...tagged(next), recomputed };
}

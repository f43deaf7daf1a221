import { createIdempotently, type IdempotencyPolicy, type IdempotencyRefusals } from '../../shared/idempotency';
import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import type { Officer, RequestContext } from '../domain/caller';
import { recordEvent } from '../domain/events';
import { contentKey, immutabilityProblem, type RecordItem, scheduled } from '../domain/record';
import { retainUntil } from '../domain/retention';
import type { DisposalSchedule } from '../domain/schedule';
import { type CorrectRecordInput, type DeclareRecordInput, IDEMPOTENCY_KEY } from '../domain/schemas';
import {
  checksumMismatch,
  classWithoutSchedule,
  contentMissing,
  idempotencyKeyInProgress,
  idempotencyKeyReused,
  invalidIdempotencyKey,
  lockMismatch,
  noSuchClass,
  noSuchSchedule,
  recordChanged,
  recordImmutable,
  triggerDateRequired,
  unprocessable,
} from '../errors';
import type { PresignedUpload, RecordsPorts } from '../ports';
import { recordOf } from './access';
import { recomputedEvent, saveRecord } from './schedules';

/** A declaration's Idempotency-Key: remembered for a day, per department. */
const DECLARE_IDEMPOTENCY: IdempotencyPolicy = { windowSeconds: 24 * 60 * 60, keyPattern: IDEMPOTENCY_KEY };
const DECLARE_REFUSALS: IdempotencyRefusals = {
  invalidKey: invalidIdempotencyKey,
  reusedWithOtherRequest: idempotencyKeyReused,
  stillInProgress: idempotencyKeyInProgress,
};

export interface DeclaredRecord {
  readonly record: RecordItem;
  readonly upload: PresignedUpload;
}

/** The class and its schedule a record is declared into; refused when the class names none. */
async function placement(ports: RecordsPorts, department: string, code: string): Promise<DisposalSchedule> {
  const fileClass = await ports.filePlan.getClass(department, code);
  if (!fileClass) throw unprocessable('no_such_class', noSuchClass(code).message);
  if (!fileClass.scheduleId) throw classWithoutSchedule(code);
  const schedule = await ports.schedules.get(department, fileClass.scheduleId);
  if (!schedule) throw unprocessable('no_such_schedule', noSuchSchedule(fileClass.scheduleId).message);
  return schedule;
}

/** A new record awaiting its content, locked as the schedule and the service's lock policy say. */
function newRecord(
  ports: RecordsPorts,
  officer: Officer,
  id: string,
  input: DeclareRecordInput & { supersedes?: string },
  schedule: DisposalSchedule,
  now: Date,
): RecordItem {
  const facts = { declaredAt: now.toISOString(), ...(input.triggerDate ? { triggerDate: input.triggerDate } : {}) };
  const base = {
    id,
    department: officer.department,
    classCode: input.classCode,
    scheduleId: schedule.id,
    metadata: input.metadata,
    state: 'awaiting-content' as const,
    content: { ...input.content, objectKey: contentKey(officer.department, id, input.content.fileName) },
    ...facts,
    lock: {
      mode: ports.lockPolicy.mode,
      retainUntil: retainUntil(schedule, facts, now).toISOString(),
      ...(ports.lockPolicy.reason ? { reason: ports.lockPolicy.reason } : {}),
    },
    holds: [],
    ...(input.supersedes ? { supersedes: input.supersedes } : {}),
    declaredBy: officer.subject,
    version: 1,
  };
  return { ...base, ...scheduled(base, schedule, now) };
}

/** The presigned PUT of a record's content, with its checksum and its lock. */
function uploadOf(ports: RecordsPorts, record: RecordItem): Promise<PresignedUpload> {
  return ports.content.presignUpload(record.content.objectKey, {
    contentType: record.content.contentType,
    size: record.content.size,
    sha256: record.content.sha256,
    lockMode: record.lock.mode,
    retainUntil: record.lock.retainUntil,
    expiresInSeconds: ports.uploadSeconds,
  });
}

/** Counts the record into its class and stores it, with its first event. */
async function store(ports: RecordsPorts, officer: Officer, record: RecordItem, context: RequestContext, now: Date): Promise<void> {
  if (!(await ports.filePlan.countRecord(officer.department, record.classCode, record.scheduleId))) {
    throw unprocessable('class_changed', `Class ${record.classCode} no longer names schedule ${record.scheduleId}; declare again.`);
  }
  if (!(await ports.records.create(record))) throw new Error(`Record id ${record.id} was issued twice`);
  await ports.events.append(
    recordEvent(record.id, 'declared', officer, context, now, record.version, {
      classCode: record.classCode,
      scheduleId: record.scheduleId,
      sha256: record.content.sha256,
      lockMode: record.lock.mode,
      retainUntil: record.lock.retainUntil,
      supersedes: record.supersedes ?? null,
    }),
  );
}

/** POST /records/v1/records. `replayed` when an earlier request with the same key declared it. */
export async function declareRecord(
  ports: RecordsPorts,
  officer: Officer,
  input: DeclareRecordInput,
  context: RequestContext & { readonly idempotencyKey?: string },
): Promise<DeclaredRecord & { readonly replayed: boolean }> {
  const now = ports.clock();
  const schedule = await placement(ports, officer.department, input.classCode);
  if (schedule.trigger === 'date' && !input.triggerDate) throw triggerDateRequired(schedule.id);
  const { result, replayed } = await createIdempotently(ports.declarationClaims, DECLARE_IDEMPOTENCY, DECLARE_REFUSALS, {
    key: context.idempotencyKey,
    owner: officer.department,
    request: input,
    now,
    newId: ports.ids,
    replay: async (id) => ports.records.get(id),
    create: async (id) => {
      const record = newRecord(ports, officer, id, input, schedule, now);
      await store(ports, officer, record, context, now);
      return record;
    },
  });
  return { record: result, upload: await uploadOf(ports, result), replayed };
}

/** GET /records/v1/records. */
export async function listRecords(
  ports: RecordsPorts,
  officer: Officer,
  query: { classCode?: string; cursor?: string; limit: number },
): Promise<Page<RecordItem>> {
  const after = resumeAfter(query.cursor);
  const page = await ports.records.list(officer.department, { classCode: query.classCode, after, limit: query.limit });
  return pageOut(page);
}

/** GET /records/v1/records/{id}. */
export const getRecord = recordOf;

/**
 * POST /records/v1/records/{id}/content: the uploaded file is checked against the declaration (size,
 * SHA-256, and the lock S3 reports), and the record is kept from then on. A mismatch changes nothing.
 */
export async function confirmContent(ports: RecordsPorts, officer: Officer, id: string, context: RequestContext): Promise<RecordItem> {
  const record = await recordOf(ports, officer, id);
  const problem = immutabilityProblem(record, 'store-content');
  if (problem) throw recordImmutable(problem);
  const stored = await ports.content.describe(record.content.objectKey);
  if (!stored) throw contentMissing();
  if (stored.size !== record.content.size || stored.sha256 !== record.content.sha256) {
    throw checksumMismatch({ size: record.content.size, sha256: record.content.sha256 }, { size: stored.size, sha256: stored.sha256 });
  }
  if (stored.lockMode !== undefined && (stored.lockMode !== record.lock.mode || (stored.retainUntil ?? '') < record.lock.retainUntil)) {
    throw lockMismatch(
      `The object is locked ${stored.lockMode} until ${stored.retainUntil}, not ${record.lock.mode} until ${record.lock.retainUntil}: upload it with the headers given.`,
    );
  }
  const now = ports.clock();
  const next: RecordItem = {
    ...record,
    state: 'kept',
    content: { ...record.content, storedAt: now.toISOString(), ...(stored.versionId ? { versionId: stored.versionId } : {}) },
  };
  const event = recordEvent(id, 'content-stored', officer, context, now, record.version + 1, {
    sha256: stored.sha256,
    size: stored.size,
    versionId: stored.versionId ?? null,
    lockMode: record.lock.mode,
    retainUntil: record.lock.retainUntil,
  });
  if (!(await saveRecord(ports, record, next, [event]))) throw recordChanged(id);
  return { ...next, version: record.version + 1 };
}

/** A change to a kept record's trigger facts, with its due date and lock recomputed, in one write. */
async function changeFacts(
  ports: RecordsPorts,
  officer: Officer,
  record: RecordItem,
  facts: Partial<Pick<RecordItem, 'closedAt' | 'lastActionAt'>>,
  event: { type: 'closed' | 'action-recorded'; details: Record<string, string> },
  context: RequestContext,
): Promise<RecordItem> {
  const schedule = await ports.schedules.get(record.department, record.scheduleId);
  if (!schedule) throw unprocessable('no_such_schedule', noSuchSchedule(record.scheduleId).message);
  const now = ports.clock();
  const changed = { ...record, ...facts };
  const next: RecordItem = { ...changed, ...scheduled(changed, schedule, now) };
  const events = [
    recordEvent(record.id, event.type, officer, context, now, record.version + 1, event.details),
    ...recomputedEvent(record, next, schedule, { officer, context, cause: event.type, at: now, position: 1 }),
  ];
  if (!(await saveRecord(ports, record, next, events))) throw recordChanged(record.id);
  return { ...next, version: record.version + 1 };
}

/** POST /records/v1/records/{id}/close. */
export async function closeRecord(
  ports: RecordsPorts,
  officer: Officer,
  id: string,
  input: { closedAt?: string },
  context: RequestContext,
): Promise<RecordItem> {
  const record = await recordOf(ports, officer, id);
  const problem = immutabilityProblem(record, 'close');
  if (problem) throw recordImmutable(problem);
  const now = ports.clock();
  const closedAt = input.closedAt ? new Date(input.closedAt) : now;
  if (closedAt.getTime() > now.getTime() || closedAt.toISOString() < record.declaredAt) {
    throw unprocessable('invalid_date', `closedAt must lie between the declaration (${record.declaredAt}) and now.`);
  }
  return changeFacts(ports, officer, record, { closedAt: closedAt.toISOString() }, { type: 'closed', details: {} }, context);
}

/** POST /records/v1/records/{id}/actions. */
export async function recordAction(
  ports: RecordsPorts,
  officer: Officer,
  id: string,
  input: { description: string },
  context: RequestContext,
): Promise<RecordItem> {
  const record = await recordOf(ports, officer, id);
  const problem = immutabilityProblem(record, 'act');
  if (problem) throw recordImmutable(problem);
  const at = ports.clock().toISOString();
  return changeFacts(
    ports,
    officer,
    record,
    { lastActionAt: at },
    { type: 'action-recorded', details: { description: input.description } },
    context,
  );
}

/**
 * POST /records/v1/records/{id}/corrections: a kept record is never changed; its correction is a new
 * record in the same class that names it in `supersedes`, and it names the correction in `supersededBy`.
 */
export async function correctRecord(
  ports: RecordsPorts,
  officer: Officer,
  id: string,
  input: CorrectRecordInput,
  context: RequestContext,
): Promise<DeclaredRecord> {
  const original = await recordOf(ports, officer, id);
  const problem = immutabilityProblem(original, 'correct');
  if (problem) throw recordImmutable(problem);
  const schedule = await placement(ports, officer.department, original.classCode);
  const now = ports.clock();
  const correction = newRecord(
    ports,
    officer,
    ports.ids(),
    {
      classCode: original.classCode,
      metadata: input.metadata,
      content: input.content,
      ...(original.triggerDate ? { triggerDate: original.triggerDate } : {}),
      supersedes: original.id,
    },
    schedule,
    now,
  );
  // The original is marked first: of two corrections at once, one wins and the other stores nothing.
  const superseded = recordEvent(original.id, 'superseded', officer, context, now, original.version + 1, {
    supersededBy: correction.id,
    reason: input.reason,
  });
  if (!(await saveRecord(ports, original, { ...original, supersededBy: correction.id }, [superseded]))) throw recordChanged(id);
  await store(ports, officer, correction, context, now);
  return { record: correction, upload: await uploadOf(ports, correction) };
}

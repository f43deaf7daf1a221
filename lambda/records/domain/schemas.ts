import * as z from 'zod';
import { nextCursorSchema, pageLimitParameter } from '../../shared/cursor';
import { cursorParameter } from '../../shared/sort-key-cursor';
import { nonBlankText } from '../../shared/text';
import { EVENT_TYPES } from './events';
import { CLASS_CODE_PATTERN, CLASS_LEVELS } from './file-plan';
import { LOCK_MODES, RECORD_STATES } from './record';
import { DISPOSAL_ACTIONS, TRIGGERS } from './retention';
import { IF_MATCH_PATTERN, SCHEDULE_ID_PATTERN } from './schedule';

/** Any character String.prototype.trim keeps, written out, so the document says which texts are blank. */
const text = nonBlankText;
const instant = z.iso.datetime({ offset: true, message: 'write a date-time like 2026-05-30T09:00:00+08:00' });
const day = z.iso.date({ message: 'write a date like 2026-05-30' });

export const classCode = z.string().regex(CLASS_CODE_PATTERN, 'write a class code like ADM, ADM-01 or ADM-01-003');
export const scheduleId = z.string().regex(SCHEDULE_ID_PATTERN, 'write a schedule id like GRDS-ADM-1: capitals, digits and -');
const recordId = z.uuid({ message: 'a record id is a UUID' });
const titles = z.strictObject({ en: text(200), zh: text(200) });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 digest of the file as 64 lower-case hexadecimal characters');

export const MAX_PAGE_SIZE = 100;
const limit = pageLimitParameter(MAX_PAGE_SIZE);
const cursor = cursorParameter;
const nextCursor = nextCursorSchema;
export const pageQuerySchema = z.strictObject({ cursor, limit });

export { IDEMPOTENCY_KEY, idempotencyKeyHeader } from '../../shared/idempotency-key';
export const etagHeader = z.string().regex(/^"\d+"$/);
export const ifMatchHeader = z.string().regex(IF_MATCH_PATTERN, 'send the ETag as it was given, like "3"');

// --- file plan ---

export const createClassSchema = z.strictObject({
  code: classCode,
  level: z.enum(CLASS_LEVELS),
  title: titles,
  /** The schedule of the records the class holds; without one it holds none. */
  scheduleId: scheduleId.optional(),
});
export type CreateClassInput = z.infer<typeof createClassSchema>;
export const classParams = z.strictObject({ code: classCode });

export const classSchema = z.strictObject({
  department: z.string(),
  code: classCode,
  level: z.enum(CLASS_LEVELS),
  parentCode: classCode.optional(),
  title: titles,
  scheduleId: scheduleId.optional(),
  createdAt: instant,
  createdBy: z.string(),
});
export const classListSchema = z.strictObject({ classes: z.array(classSchema), next: nextCursor });

// --- schedules ---

/** Years and months; none at all is a schedule whose records fall due when their trigger happens. */
const retention = z.strictObject({ years: z.int().min(0).max(200), months: z.int().min(0).max(11).default(0) });
export const scheduleBodySchema = z.strictObject({
  title: text(200),
  /** What starts the retention period: the file's closing, the last action on it, or the date named for each record. */
  trigger: z.enum(TRIGGERS),
  retention,
  action: z.enum(DISPOSAL_ACTIONS),
});
export type ScheduleBody = z.infer<typeof scheduleBodySchema>;
export const createScheduleSchema = scheduleBodySchema.extend({ id: scheduleId });
export type CreateScheduleInput = z.infer<typeof createScheduleSchema>;
export const scheduleParams = z.strictObject({ id: scheduleId });

export const scheduleSchema = z.strictObject({
  department: z.string(),
  id: scheduleId,
  title: z.string(),
  trigger: z.enum(TRIGGERS),
  retention: z.strictObject({ years: z.int(), months: z.int() }),
  action: z.enum(DISPOSAL_ACTIONS),
  version: z.int(),
  updatedAt: instant,
  updatedBy: z.string(),
});
export const scheduleListSchema = z.strictObject({ schedules: z.array(scheduleSchema), next: nextCursor });
export const scheduleChangeSchema = scheduleSchema.extend({
  /** Records whose due date and lock were recomputed. */
  recomputed: z.int(),
});

// --- records ---

export const metadataSchema = z.strictObject({
  title: text(500),
  description: text(5000).optional(),
  author: text(200).optional(),
  /** When the document itself was made, if before its declaration. */
  createdOn: day.optional(),
  language: z.enum(['en', 'zh', 'en-zh']).default('en'),
  securityClassification: z.enum(['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET']).default('UNCLASSIFIED'),
  keywords: z.array(text(100)).max(20).default([]),
});

export const MAX_CONTENT_BYTES = 5 * 1024 * 1024 * 1024;
export const contentDeclarationSchema = z.strictObject({
  fileName: text(200),
  contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'a media type like application/pdf'),
  size: z.int().min(1).max(MAX_CONTENT_BYTES),
  sha256,
});

export const declareRecordSchema = z.strictObject({
  classCode,
  metadata: metadataSchema,
  content: contentDeclarationSchema,
  /** The date a `date`-triggered schedule counts from, like a contract's end. */
  triggerDate: day.optional(),
});
export type DeclareRecordInput = z.infer<typeof declareRecordSchema>;
export const correctRecordSchema = z.strictObject({
  metadata: metadataSchema,
  content: contentDeclarationSchema,
  reason: text(1000),
});
export type CorrectRecordInput = z.infer<typeof correctRecordSchema>;

export const recordParams = z.strictObject({ id: recordId });
export const holdParams = z.strictObject({ id: recordId, holdId: z.uuid({ message: 'a hold id is a UUID' }) });
export const listRecordsQuerySchema = pageQuerySchema.extend({ classCode: classCode.optional() });
export const closeRecordSchema = z.strictObject({ closedAt: instant.optional() });
export const recordActionSchema = z.strictObject({ description: text(1000) });
export const placeHoldSchema = z.strictObject({ reason: text(1000) });

const approvalSchema = z.strictObject({ role: z.enum(['records-manager', 'senior-officer']), by: z.string(), at: instant });
const disposalSchema = z.strictObject({
  action: z.enum(DISPOSAL_ACTIONS),
  approvals: z.array(approvalSchema),
  disposedAt: instant.optional(),
});
const holdSchema = z.strictObject({ id: z.uuid(), reason: z.string(), placedAt: instant, placedBy: z.string() });
export const recordSchema = z.strictObject({
  id: recordId,
  department: z.string(),
  classCode,
  scheduleId,
  metadata: z.strictObject({
    title: z.string(),
    description: z.string().optional(),
    author: z.string().optional(),
    createdOn: day.optional(),
    language: z.string(),
    securityClassification: z.string(),
    keywords: z.array(z.string()),
  }),
  state: z.enum(RECORD_STATES),
  content: z.strictObject({
    fileName: z.string(),
    contentType: z.string(),
    size: z.int(),
    sha256,
    objectKey: z.string(),
    versionId: z.string().optional(),
    storedAt: instant.optional(),
  }),
  lock: z.strictObject({ mode: z.enum(LOCK_MODES), retainUntil: instant, reason: z.string().optional() }),
  declaredAt: instant,
  closedAt: instant.optional(),
  lastActionAt: instant.optional(),
  triggerDate: day.optional(),
  dueAt: instant.optional(),
  holds: z.array(holdSchema),
  supersedes: recordId.optional(),
  supersededBy: recordId.optional(),
  declaredBy: z.string(),
  disposal: disposalSchema.optional(),
  version: z.int(),
});
export const certificateSchema = z.strictObject({
  recordId,
  department: z.string(),
  classCode,
  title: z.string(),
  scheduleId,
  scheduleVersion: z.int(),
  action: z.enum(DISPOSAL_ACTIONS),
  dueAt: instant,
  approvals: z.array(approvalSchema),
  disposedAt: instant,
  content: z.strictObject({ sha256, size: z.int(), objectKey: z.string(), versionId: z.string().optional() }),
});
export const uploadSchema = z.strictObject({
  url: z.url(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: instant,
});
export const declaredRecordSchema = z.strictObject({ record: recordSchema, upload: uploadSchema });
export const recordListSchema = z.strictObject({ records: z.array(recordSchema), next: nextCursor });

export const eventSchema = z.strictObject({
  id: z.string(),
  recordId,
  type: z.enum(EVENT_TYPES),
  at: instant,
  actor: z.string(),
  department: z.string(),
  requestId: z.string(),
  sourceIp: z.string().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export const eventListSchema = z.strictObject({ events: z.array(eventSchema), next: nextCursor });

import * as z from 'zod';
import { nextCursorSchema, pageLimitParameter } from '../../shared/cursor';
import { cursorParameter } from '../../shared/sort-key-cursor';
import { nonBlankText } from '../../shared/text';
import { LEVELS } from './classification';
import { COLUMN_TYPES, IDENTIFIER } from './dataset';
import { REQUEST_STATES } from './grant';
import { LOG_ACTIONS } from './message-log';
import { OPERATORS } from './query';

const text = nonBlankText;
const instant = z.iso.datetime({ offset: true, message: 'write a date-time like 2026-05-30T09:00:00+08:00' });
const identifier = z.string().regex(IDENTIFIER, 'lower-case letters, digits and _, a letter first, at most 63');
const department = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const SERVICE_ID = /^DS-[0-9A-Z]{10}$/;
export const REQUEST_ID = /^AR-[0-9A-Z]{10}$/;
export const serviceParams = z.strictObject({ id: z.string().regex(SERVICE_ID, 'a data service id like DS-AB12CD34EF') });
export const requestParams = z.strictObject({ id: z.string().regex(REQUEST_ID, 'an access request id like AR-AB12CD34EF') });

const limit = pageLimitParameter(100);
export const pageQuerySchema = z.strictObject({ cursor: cursorParameter, limit });

const column = z.strictObject({ name: identifier, type: z.enum(COLUMN_TYPES) });
const value = z.union([z.string().max(200), z.number().finite(), z.boolean()]);
export const filterSchema = z.strictObject({ column: identifier, op: z.enum(OPERATORS), value });

export const publishSchema = z.strictObject({
  table: identifier.describe("The table in the department's Glue database"),
  title: text(200),
  purpose: text(1000).describe('What the data is for, and what it may be used for'),
  classification: z.enum(LEVELS),
  columns: z.array(column).min(1).max(100),
});
export type PublishInput = z.output<typeof publishSchema>;

export const dataServiceSchema = publishSchema.extend({
  id: z.string(),
  owner: department,
  publishedAt: instant,
  publishedBy: z.string(),
});
export const serviceListSchema = z.strictObject({ services: z.array(dataServiceSchema), next: nextCursorSchema });

export const accessRequestInputSchema = z.strictObject({
  purpose: text(1000),
  from: instant,
  until: instant,
  columns: z.array(identifier).min(1).max(100),
  rowFilter: z.array(filterSchema).max(10).optional().describe('Only rows matching every condition are shared'),
});
export type AccessRequestInput = z.output<typeof accessRequestInputSchema>;

export const accessRequestSchema = accessRequestInputSchema.extend({
  id: z.string(),
  serviceId: z.string(),
  owner: department,
  requester: department,
  requestedBy: z.string(),
  state: z.enum(REQUEST_STATES),
  requestedAt: instant,
  decidedBy: z.string().optional(),
  decidedAt: instant.optional(),
  reason: z.string().optional(),
});

export const decisionSchema = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  reason: text(1000).optional(),
});

export const querySchema = z.strictObject({
  columns: z.array(identifier).min(1).max(100),
  filters: z.array(filterSchema).max(10).default([]),
  limit: z.int().min(1).max(10_000).default(100),
});
export type QueryInput = z.output<typeof querySchema>;

export const queryResultSchema = z.strictObject({
  rows: z.array(z.record(z.string(), z.union([value, z.null()]))),
  count: z.int(),
  logSequence: z.int().describe('The message log entry that records this exchange'),
});

export const logEntrySchema = z.strictObject({
  sequence: z.int(),
  at: instant,
  action: z.enum(LOG_ACTIONS),
  actor: z.string(),
  actorDepartment: z.string(),
  owner: z.string(),
  serviceId: z.string(),
  accessRequestId: z.string().optional(),
  purpose: z.string(),
  outcome: z.enum(['answered', 'refused']),
  refusal: z.string().optional(),
  resultSize: z.int(),
  requestSha256: sha256,
  responseSha256: sha256,
  previousHash: sha256,
  hash: sha256,
});
export const logListSchema = z.strictObject({ entries: z.array(logEntrySchema), next: nextCursorSchema });

export const verificationSchema = z.strictObject({
  valid: z.boolean(),
  length: z.int(),
  head: sha256.optional(),
  brokenAt: z.int().optional(),
  reason: z.string().optional(),
});

import * as z from 'zod';
import { nextCursorSchema, pageLimitParameter } from '../../shared/cursor';
import { cursorParameter } from '../../shared/sort-key-cursor';
import { nonBlankText } from '../../shared/text';
import { BEACON_KINDS, LANGUAGES, PLATFORMS, REPORT_KINDS } from './events';
import { MEASURED_ID, SERVICE_KINDS } from './measured-service';
import { DECISIONS, REVIEW_STATES } from './review';

const text = nonBlankText;
const instant = z.iso.datetime({ offset: true });
const department = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/);
/** A day of the calendar: zod's pattern refuses 2026-02-30 itself, so the document says what the server enforces. */
export const daySchema = z.iso.date({ message: 'a day of the calendar, like 2026-07-01' });
const ratio = z.number().min(0).max(1).nullable();
const count = z.number().int().min(0);

export const MAX_BEACON_EVENTS = 20;
export const MAX_REPORTS = 200;

const measuredId = z.string().min(2).max(63).regex(MEASURED_ID, 'lower-case words joined by hyphens, like td-vehicle-licence');
export const serviceParams = z.strictObject({ id: measuredId });
export const dayParams = z.strictObject({ date: daySchema });
export const pageQuerySchema = z.strictObject({ cursor: cursorParameter, limit: pageLimitParameter(100) });
export const figuresQuerySchema = z.strictObject({
  from: daySchema.optional().describe('First day, Hong Kong; by default 30 days before `to`'),
  to: daySchema.optional().describe('Last day, Hong Kong; by default yesterday'),
});

const names = z.strictObject({ en: text(200), 'zh-hk': text(200), 'zh-cn': text(200) });

export const registerSchema = z.strictObject({
  id: measuredId.describe('Chosen by the department; the key of its figures'),
  kind: z.enum(SERVICE_KINDS),
  names,
  url: z
    .url({ protocol: /^https$/ })
    .max(500)
    .optional(),
  launchDate: daySchema.describe('The day it launched, Hong Kong; its review falls due six months later'),
});
export type RegisterInput = z.output<typeof registerSchema>;

export const measuredServiceSchema = registerSchema.extend({
  department,
  registeredAt: instant,
  registeredBy: z.string(),
});
export const serviceListSchema = z.strictObject({ services: z.array(measuredServiceSchema), next: nextCursorSchema });

/** A path on the page's own site, without its query or fragment, which may carry personal data. */
const pagePath = z
  .string()
  .max(200)
  .regex(/^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/, 'a path like /en/residents/transport, without a query or fragment');

export const beaconSchema = z.strictObject({
  events: z
    .array(
      z.strictObject({
        service: measuredId,
        kind: z.enum(BEACON_KINDS),
        page: pagePath.optional(),
        language: z.enum(LANGUAGES).optional(),
      }),
    )
    .min(1)
    .max(MAX_BEACON_EVENTS),
});
export type BeaconInput = z.output<typeof beaconSchema>;
export const beaconAcceptedSchema = z.strictObject({ accepted: count });

export const reportsSchema = z.strictObject({
  reports: z
    .array(
      z.strictObject({
        service: measuredId,
        date: daySchema,
        kind: z.enum(REPORT_KINDS),
        platform: z.enum(PLATFORMS).default('all').describe('For downloads, the store; `all` for offline transactions'),
        count: count.max(100_000_000),
      }),
    )
    .min(1)
    .max(MAX_REPORTS),
});
export type ReportsInput = z.output<typeof reportsSchema>;
export const reportsStoredSchema = z.strictObject({ stored: count });

export const dailyFiguresSchema = z.strictObject({
  service: z.string(),
  department,
  date: z.string(),
  pageViews: count,
  visitors: count,
  starts: count,
  completions: count,
  completionRate: ratio,
  downloads: count,
  cumulativeDownloads: count,
  activeUsers: count,
  usageRate: ratio,
  offlineTransactions: count.nullable(),
  digitalTakeUp: ratio,
});
export const figuresListSchema = z.strictObject({ figures: z.array(dailyFiguresSchema) });

export const aggregationSchema = z.strictObject({ date: daySchema.describe('The Hong Kong day to count again') });
export const aggregationResultSchema = z.strictObject({ date: z.string(), services: count, events: count });

export const reviewInputSchema = z.strictObject({
  objectives: text(4000).describe('What the service set out to do'),
  measuredTakeUp: text(4000).describe('The take-up measured against those objectives'),
  costHkd: z.number().int().min(0).max(1e12).describe('What it cost to build and run so far, in whole HKD'),
  issues: text(4000),
  decision: z.enum(DECISIONS),
});
export type ReviewInput = z.output<typeof reviewInputSchema>;
export const adviceInputSchema = z.strictObject({ text: text(4000) });

const filedSchema = reviewInputSchema.extend({ filedAt: instant, filedBy: z.string() });
export const reviewSchema = z.strictObject({
  service: z.string(),
  department,
  launchDate: z.string(),
  dueDate: z.string(),
  state: z.enum(REVIEW_STATES),
  filed: filedSchema.optional(),
  advice: z.array(z.strictObject({ text: z.string(), at: instant, by: z.string() })),
});
export const reviewListSchema = z.strictObject({ reviews: z.array(reviewSchema) });
export const reviewStateQuerySchema = z.strictObject({ state: z.enum(REVIEW_STATES).optional() });

export const dictionarySchema = z.strictObject({
  fields: z.array(z.strictObject({ name: z.string(), type: z.string(), description: z.string() })),
});

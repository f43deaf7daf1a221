import * as z from 'zod';
import { nextCursorSchema, pageLimitParameter } from '../../shared/cursor';
import { ADVISORY_ID_PATTERN, ADVISORY_LEVELS } from './advisory';
import { CASE_NUMBER_PATTERN } from './case-number';
import { CATEGORIES, IF_MATCH_PATTERN } from './incident';
import { cursorParameter } from './paging';
import { SEVERITIES } from './severity';
import { STATUSES } from './state-machine';

/** Department codes as the platform config writes them. */
export const departmentCode = z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/, 'use a department code like DPO');
const severity = z.enum(SEVERITIES, { message: `use one of: ${SEVERITIES.join(', ')}` });
const status = z.enum(STATUSES, { message: `use one of: ${STATUSES.join(', ')}` });
/** A moment with its offset; stored and compared as UTC. */
const instant = z.iso
  .datetime({ offset: true, message: 'write a date-time like 2026-05-30T09:00:00+08:00' })
  .transform((s) => new Date(s).toISOString());
/**
 * Any character String.prototype.trim keeps, written out (the regex engines of clients and tools
 * disagree on what `\s` is), so the document says exactly which texts are blank.
 */
const NOT_BLANK = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** Text up to `max` characters as sent, not blank, stored trimmed: each rule one JSON Schema states. */
const text = (max: number) => z.string().max(max).trim().regex(NOT_BLANK, 'must not be blank');
export const cveId = z.string().regex(/^CVE-[0-9]{4}-[0-9]{4,19}$/, 'write a CVE id like CVE-2026-12345');

/** Body of POST /cert/incidents. */
export const reportIncidentSchema = z.strictObject({
  title: text(200),
  description: text(10_000),
  severity,
  category: z.enum(CATEGORIES, { message: `use one of: ${CATEGORIES.join(', ')}` }),
  /** Analysts report for a named department; an officer's own department is assumed. */
  department: departmentCode.optional(),
  occurredAt: instant.optional(),
  affectedSystems: z.array(text(200)).max(50).default([]),
});
export type ReportIncidentInput = z.infer<typeof reportIncidentSchema>;

export const MAX_PAGE_SIZE = 100;
const limit = pageLimitParameter(MAX_PAGE_SIZE);
const cursor = cursorParameter;

/** Query of GET /cert/incidents. */
export const listIncidentsQuerySchema = z.strictObject({
  status: status.optional(),
  severity: severity.optional(),
  department: departmentCode.optional(),
  /** Incidents created at or after this moment. */
  since: instant.optional(),
  cursor,
  limit,
});
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuerySchema>;

/** Body of PATCH /cert/incidents/{id}: at least one change. */
export const triagePatchSchema = z
  .strictObject({
    status: status.optional(),
    severity: severity.optional(),
    category: z.enum(CATEGORIES).optional(),
    department: departmentCode.optional(),
    assignee: text(120).nullable().optional(),
    note: text(4000).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'give at least one change' })
  // JSON has no undefined: a patch has a change exactly when it has a field.
  .meta({ minProperties: 1 });
export type TriagePatch = z.infer<typeof triagePatchSchema>;

/** One character of a URL's path, query or fragment as RFC 3986 allows it, escapes included. */
const URL_CHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/**
 * An https URL, written as a pattern rather than checked by a URL parser, so that the document
 * says exactly which references are accepted: a host name, a port, then path, query and fragment.
 */
export const HTTPS_URL = new RegExp(
  `^https://(?:${HOST_LABEL}\\.)*${HOST_LABEL}(?::[0-9]{1,5})?(?:/${URL_CHAR}*)*(?:\\?(?:${URL_CHAR}|[/?])*)?(?:#(?:${URL_CHAR}|[/?])*)?$`,
);
const httpsUrl = z.string().max(2000).regex(HTTPS_URL, 'write an https URL, like https://www.govcert.gov.hk/');

/** Body of POST /cert/advisories. */
export const publishAdvisorySchema = z.strictObject({
  level: z.enum(ADVISORY_LEVELS, { message: `use one of: ${ADVISORY_LEVELS.join(', ')}` }),
  title: text(300),
  summary: text(5000),
  affectedProducts: z.array(text(300)).min(1).max(100),
  cves: z.array(cveId).max(200).default([]),
  references: z.array(httpsUrl).max(50).default([]),
  /** @default - now */
  publishedAt: instant.optional(),
});
export type PublishAdvisoryInput = z.infer<typeof publishAdvisorySchema>;

/** Query of GET /cert/advisories. */
export const listAdvisoriesQuerySchema = z.strictObject({
  format: z.enum(['json', 'atom']).default('json'),
  cursor,
  limit,
});
export type ListAdvisoriesQuery = z.infer<typeof listAdvisoriesQuerySchema>;

/** An analyst's entry for the known-exploited-vulnerabilities catalogue; the date added is the day it is made. */
export const addKnownExploitedSchema = z.strictObject({
  cveID: cveId,
  vendorProject: text(200),
  product: text(200),
  vulnerabilityName: text(300),
  shortDescription: text(2000),
  requiredAction: text(1000),
  dueDate: z.iso.date({ message: 'write a date like 2026-06-20' }),
  knownRansomwareCampaignUse: z.enum(['Known', 'Unknown']).default('Unknown'),
  notes: z.string().max(2000).default(''),
  cwes: z
    .array(z.string().regex(/^CWE-[0-9]+$/, 'write a CWE id like CWE-79'))
    .max(20)
    .default([]),
});
export type AddKnownExploitedInput = z.infer<typeof addKnownExploitedSchema>;

/** What the Idempotency-Key of a report may be. */
export { IDEMPOTENCY_KEY as REPORT_IDEMPOTENCY_KEY, idempotencyKeyHeader } from '../../shared/idempotency-key';

/** If-Match of a triage: the ETag of the incident as last read (`*` would defeat the check, and is refused). */
export const ifMatchHeader = z.string().regex(IF_MATCH_PATTERN, 'send the ETag as it was given, like "3"');

/** Path of an incident's routes. */
export const incidentIdParams = z.strictObject({
  id: z.string().regex(CASE_NUMBER_PATTERN, 'an incident id looks like GCERT-2026-000123'),
});

// What the API answers: the shapes its use cases return, as JSON.

const auditRecordSchema = z.strictObject({
  at: z.string(),
  actor: z.strictObject({
    kind: z.enum(['public', 'officer', 'analyst', 'admin', 'system']),
    department: z.string().optional(),
    principalId: z.string().optional(),
    name: z.string().optional(),
  }),
  action: z.string(),
  changes: z.record(z.string(), z.strictObject({ from: z.unknown(), to: z.unknown() })).optional(),
  requestId: z.string().optional(),
  sourceIp: z.string().optional(),
  userAgent: z.string().optional(),
});

export const incidentSchema = z.strictObject({
  id: z.string().regex(CASE_NUMBER_PATTERN),
  department: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('report') }),
    z.strictObject({
      kind: z.literal('finding'),
      product: z.enum(['GuardDuty', 'SecurityHub']),
      findingId: z.string(),
      findingType: z.string(),
      accountId: z.string().optional(),
      region: z.string().optional(),
      resource: z.string().optional(),
    }),
  ]),
  affectedSystems: z.array(z.string()),
  occurredAt: z.string().optional(),
  assignee: z.string().optional(),
  notes: z.array(z.strictObject({ at: z.string(), text: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().min(1),
  occurrences: z.int().min(1),
  lastSeenAt: z.string(),
  history: z.array(auditRecordSchema),
});

/** The ETag of an incident's current version. */
export const etagHeader = z.string().regex(/^"\d+"$/);

const nextCursor = nextCursorSchema;

export const incidentListSchema = z.strictObject({ incidents: z.array(incidentSchema), next: nextCursor });

const publicAdvisoryShape = {
  id: z.string().regex(ADVISORY_ID_PATTERN),
  level: z.enum(ADVISORY_LEVELS),
  title: z.string(),
  summary: z.string(),
  affectedProducts: z.array(z.string()),
  cves: z.array(z.string()),
  references: z.array(z.string()),
  publishedAt: z.string(),
};

export const advisoryListSchema = z.strictObject({ advisories: z.array(z.strictObject(publicAdvisoryShape)), next: nextCursor });

export const advisorySchema = z.strictObject({ ...publicAdvisoryShape, history: z.array(auditRecordSchema) });

export const kevEntrySchema = z.strictObject({
  cveID: cveId,
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  dateAdded: z.iso.date(),
  shortDescription: z.string(),
  requiredAction: z.string(),
  dueDate: z.iso.date(),
  knownRansomwareCampaignUse: z.enum(['Known', 'Unknown']),
  notes: z.string(),
  cwes: z.array(z.string()),
});

export const kevCatalogueSchema = z.strictObject({
  title: z.string(),
  catalogVersion: z.string(),
  dateReleased: z.string(),
  count: z.int().min(0),
  vulnerabilities: z.array(kevEntrySchema),
});

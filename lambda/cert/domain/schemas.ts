import * as z from 'zod';
import { ADVISORY_LEVELS } from './advisory';
import { CATEGORIES } from './incident';
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
const text = (max: number) => z.string().trim().min(1).max(max);
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
const limit = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25);
const cursor = z.string().min(1).max(1024).optional();

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
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'give at least one change' });
export type TriagePatch = z.infer<typeof triagePatchSchema>;

/** Body of POST /cert/advisories. */
export const publishAdvisorySchema = z.strictObject({
  level: z.enum(ADVISORY_LEVELS, { message: `use one of: ${ADVISORY_LEVELS.join(', ')}` }),
  title: text(300),
  summary: text(5000),
  affectedProducts: z.array(text(300)).min(1).max(100),
  cves: z.array(cveId).max(200).default([]),
  references: z
    .array(z.url({ protocol: /^https$/ }))
    .max(50)
    .default([]),
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

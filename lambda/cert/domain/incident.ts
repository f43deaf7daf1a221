import type { AuditRecord } from './audit';
import type { Severity } from './severity';
import type { Status } from './state-machine';

export const CATEGORIES = [
  'malware',
  'phishing',
  'denial-of-service',
  'unauthorised-access',
  'data-leakage',
  'web-defacement',
  'reconnaissance',
  'misconfiguration',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Department of findings whose owner could not be found; longer than any department code. */
export const UNASSIGNED_DEPARTMENT = 'UNASSIGNED';

export type IncidentSource =
  | { readonly kind: 'report' }
  | {
      readonly kind: 'finding';
      readonly product: 'GuardDuty' | 'SecurityHub';
      readonly findingId: string;
      readonly findingType: string;
      readonly accountId?: string;
      readonly region?: string;
      readonly resource?: string;
    };

export interface IncidentNote {
  readonly at: string;
  readonly text: string;
}

export interface Incident {
  /** The case number. */
  readonly id: string;
  readonly department: string;
  readonly title: string;
  readonly description: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly status: Status;
  readonly source: IncidentSource;
  readonly affectedSystems: readonly string[];
  readonly occurredAt?: string;
  readonly assignee?: string;
  readonly notes: readonly IncidentNote[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /**
   * Bumped by every change a person makes; the ETag. Repeat sightings of a finding update
   * `occurrences` and `lastSeenAt` only and leave it, so they do not void an analyst's If-Match.
   */
  readonly version: number;
  readonly occurrences: number;
  readonly lastSeenAt: string;
  readonly history: readonly AuditRecord[];
}

/** The entity tag of an incident's current version, as sent in ETag and expected in If-Match. */
export function etagOf(incident: Pick<Incident, 'version'>): string {
  return `"${incident.version}"`;
}

/**
 * What If-Match may hold here: one or more entity tags, strong or weak (RFC 9110). `*`, which
 * any version would match, is not one: a triage must name the version it was made against.
 */
export const IF_MATCH_PATTERN = /^\s*(?:W\/)?"[\x21\x23-\x7e]*"(?:\s*,\s*(?:W\/)?"[\x21\x23-\x7e]*")*\s*$/;

/** Whether an If-Match header names the current version. Weak tags never match (RFC 9110). */
export function ifMatchNames(header: string, incident: Pick<Incident, 'version'>): boolean {
  const current = etagOf(incident);
  return header
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === current);
}

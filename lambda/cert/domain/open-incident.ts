import { auditRecord } from './audit';
import type { Actor, RequestContext, SystemActor } from './caller';
import type { Incident } from './incident';
import type { NormalisedFinding } from './normalise';
import type { ReportIncidentInput } from './schemas';

/** The incident a department's report opens. */
export function incidentFromReport(
  input: ReportIncidentInput,
  department: string,
  caseNumber: string,
  actor: Actor,
  context: RequestContext,
  at: Date,
): Incident {
  const now = at.toISOString();
  return {
    id: caseNumber,
    department,
    title: input.title,
    description: input.description,
    category: input.category,
    severity: input.severity,
    status: 'new',
    source: { kind: 'report' },
    affectedSystems: input.affectedSystems,
    occurredAt: input.occurredAt,
    notes: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
    occurrences: 1,
    lastSeenAt: input.occurredAt ?? now,
    history: [auditRecord(actor, context, at, 'report')],
  };
}

/** The incident a finding opens, by the platform itself. */
export function incidentFromFinding(finding: NormalisedFinding, caseNumber: string, actor: SystemActor, at: Date): Incident {
  const now = at.toISOString();
  return {
    id: caseNumber,
    department: finding.department,
    title: finding.title,
    description: finding.description,
    category: finding.category,
    severity: finding.severity,
    status: 'new',
    source: finding.source,
    affectedSystems: finding.affectedSystems,
    occurredAt: finding.firstSeenAt,
    notes: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
    occurrences: 1,
    lastSeenAt: finding.lastSeenAt,
    history: [auditRecord(actor, undefined, at, 'detect')],
  };
}

import { createIdempotently, type IdempotencyPolicy, type IdempotencyRefusals } from '../../shared/idempotency';
import { canRead, canTriage, incidentScope, reportingDepartment } from '../domain/authorisation';
import type { Caller, RequestContext, SystemActor } from '../domain/caller';
import { formatCaseNumber } from '../domain/case-number';
import { etagOf, IF_MATCH_PATTERN, type Incident, ifMatchNames } from '../domain/incident';
import { departmentLookup, type FindingEvent, type NormalisedFinding, normaliseEvent, type PipelineSettings } from '../domain/normalise';
import { incidentFromFinding, incidentFromReport } from '../domain/open-incident';
import { decodeCursor, encodeCursor, type Page } from '../domain/paging';
import { type ListIncidentsQuery, REPORT_IDEMPOTENCY_KEY, type ReportIncidentInput, type TriagePatch } from '../domain/schemas';
import { hongKongDate } from '../domain/time';
import { applyTriage } from '../domain/triage';
import {
  foreignCursor,
  idempotencyKeyInProgress,
  idempotencyKeyReused,
  ifMatchRequired,
  incidentChanged,
  invalidIdempotencyKey,
  invalidInput,
  invalidTransition,
  malformedIfMatch,
  noSuchIncident,
  refused,
} from '../errors';
import type { CertPorts } from '../ports';

/** An incident with the ETag a later If-Match must name. */
export interface TaggedIncident {
  readonly incident: Incident;
  readonly etag: string;
}

/** A report's Idempotency-Key: remembered for a day, per department. */
const REPORT_IDEMPOTENCY: IdempotencyPolicy = { windowSeconds: 24 * 60 * 60, keyPattern: REPORT_IDEMPOTENCY_KEY };
const REPORT_REFUSALS: IdempotencyRefusals = {
  invalidKey: invalidIdempotencyKey,
  reusedWithOtherRequest: idempotencyKeyReused,
  stillInProgress: idempotencyKeyInProgress,
};
/** Attempts to take a fresh case number when another filing wins the same finding meanwhile. */
const CLAIM_ATTEMPTS = 3;

/** The incident pipeline's actor in audit records. */
const PIPELINE_ACTOR: SystemActor = { kind: 'system', name: 'incident-pipeline' };

const tagged = (incident: Incident): TaggedIncident => ({ incident, etag: etagOf(incident) });

async function newCaseNumber(ports: CertPorts, at: Date): Promise<string> {
  const { year } = hongKongDate(at);
  return formatCaseNumber(year, await ports.incidents.nextCaseSequence(year));
}

/** Stores the incident, or reads the one a concurrent request stored under its case number. */
async function createOrGet(ports: CertPorts, incident: Incident): Promise<Incident> {
  if (await ports.incidents.create(incident)) return incident;
  const stored = await ports.incidents.get(incident.id);
  if (!stored) throw new Error(`Incident ${incident.id} exists and does not`);
  return stored;
}

/** POST /cert/incidents. `replayed` is true when an earlier request with the same key made it. */
export async function reportIncident(
  ports: CertPorts,
  caller: Caller,
  input: ReportIncidentInput,
  context: RequestContext & { readonly idempotencyKey?: string },
): Promise<TaggedIncident & { readonly replayed: boolean }> {
  const target = reportingDepartment(caller, input.department);
  if ('reason' in target)
    throw caller.kind === 'public' || caller.kind === 'officer' ? refused(target.reason) : invalidInput(target.reason);
  const { department } = target;
  const key = context.idempotencyKey;
  const now = ports.clock();
  const report = { ...input, department };
  const open = (caseNumber: string) => incidentFromReport(report, department, caseNumber, caller, context, now);
  // The case number comes from a counter, taken before the call (its `newId` answers at once);
  // a key the call would refuse is refused first, so it takes none.
  if (key !== undefined && !REPORT_IDEMPOTENCY.keyPattern.test(key)) throw invalidIdempotencyKey();
  const caseNumber = await newCaseNumber(ports, now);
  const { result, replayed } = await createIdempotently(ports.reportClaims, REPORT_IDEMPOTENCY, REPORT_REFUSALS, {
    key,
    owner: department,
    request: report,
    now,
    newId: () => caseNumber,
    // The earlier request may have stopped between its claim and its incident: finish it.
    replay: async (id) => (await ports.incidents.get(id)) ?? (await createOrGet(ports, open(id))),
    create: async (id) => {
      if (key !== undefined) return createOrGet(ports, open(id));
      const incident = open(id);
      if (!(await ports.incidents.create(incident))) throw new Error(`Case number ${incident.id} was issued twice`);
      return incident;
    },
  });
  return { ...tagged(result), replayed };
}

/** GET /cert/incidents. */
export async function listIncidents(ports: CertPorts, caller: Caller, query: ListIncidentsQuery): Promise<Page<Incident>> {
  const scope = incidentScope(caller);
  if ('reason' in scope) throw refused(scope.reason);
  if ('department' in scope && query.department !== undefined && query.department !== scope.department) {
    throw refused(`An officer of ${scope.department} sees only ${scope.department}'s incidents, not ${query.department}'s.`);
  }
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after) throw foreignCursor();
  const page = await ports.incidents.list({
    department: 'department' in scope ? scope.department : query.department,
    status: query.status,
    severity: query.severity,
    since: query.since,
    after,
    limit: query.limit,
  });
  return { items: page.items, nextCursor: page.next && encodeCursor(page.next) };
}

/** GET /cert/incidents/{id}. */
export async function getIncident(ports: CertPorts, caller: Caller, id: string): Promise<TaggedIncident> {
  const scope = incidentScope(caller);
  if ('reason' in scope) throw refused(scope.reason);
  const incident = await ports.incidents.get(id);
  if (!incident) throw noSuchIncident(id);
  const decision = canRead(caller, incident);
  if (!decision.allowed) throw refused(decision.reason);
  return tagged(incident);
}

/** PATCH /cert/incidents/{id}, with the If-Match header as given (undefined when absent). */
export async function triageIncident(
  ports: CertPorts,
  caller: Caller,
  id: string,
  patch: TriagePatch,
  ifMatch: string | undefined,
  context: RequestContext,
): Promise<TaggedIncident> {
  const decision = canTriage(caller);
  if (!decision.allowed) throw refused(decision.reason);
  if (ifMatch === undefined || ifMatch.trim() === '' || ifMatch.trim() === '*') throw ifMatchRequired();
  if (!IF_MATCH_PATTERN.test(ifMatch)) throw malformedIfMatch();
  const current = await ports.incidents.get(id);
  if (!current) throw noSuchIncident(id);
  if (!ifMatchNames(ifMatch, current)) throw incidentChanged(id);
  const outcome = applyTriage(current, patch, caller, context, ports.clock());
  if (!outcome.ok) throw invalidTransition(outcome.message);
  if (!outcome.changed) return tagged(current);
  const written = await ports.incidents.update(outcome.incident, current.version);
  if (written === 'missing') throw noSuchIncident(id);
  if (written === 'stale') throw incidentChanged(id);
  return tagged(outcome.incident);
}

/**
 * Files a finding: opens an incident the first time the finding is seen, and afterwards only
 * counts the sighting, whichever service reports it and however often.
 */
export async function fileFinding(ports: CertPorts, finding: NormalisedFinding): Promise<{ incident: Incident; opened: boolean }> {
  const now = ports.clock();
  const open = (caseNumber: string) => incidentFromFinding(finding, caseNumber, PIPELINE_ACTOR, now);
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const filedUnder = await ports.incidents.findingCase(finding.dedupKey);
    if (filedUnder) {
      const incident =
        (await ports.incidents.recordSighting(filedUnder, finding.lastSeenAt)) ?? (await createOrGet(ports, open(filedUnder)));
      return { incident, opened: false };
    }
    const caseNumber = await newCaseNumber(ports, now);
    if (await ports.incidents.claimFinding(finding.dedupKey, caseNumber, now)) {
      return { incident: await createOrGet(ports, open(caseNumber)), opened: true };
    }
  }
  throw new Error(`Could not file finding ${finding.dedupKey}: its claim keeps changing`);
}

/**
 * Files every finding of one EventBridge event that should become an incident. Any failure
 * throws, so Lambda retries the event and then leaves it in the dead-letter queue.
 */
export async function fileFindingEvent(ports: CertPorts, settings: PipelineSettings, event: FindingEvent) {
  const lookup = departmentLookup({ tagKey: settings.departmentTagKey, accounts: settings.departmentAccounts });
  const filed: { finding: NormalisedFinding; incident: Incident; opened: boolean }[] = [];
  for (const finding of normaliseEvent(event, lookup, settings.threshold)) filed.push({ finding, ...(await fileFinding(ports, finding)) });
  return filed;
}

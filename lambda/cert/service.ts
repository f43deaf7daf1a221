import { type Advisory, formatAdvisoryId, type PublicAdvisory, publicAdvisory } from './domain/advisory';
import { type AtomFeedOptions, renderAtomFeed } from './domain/atom';
import { auditRecord } from './domain/audit';
import { canPublish, canRead, canTriage, incidentScope, reportingDepartment } from './domain/authorisation';
import type { Caller, RequestContext, SystemActor } from './domain/caller';
import { formatCaseNumber } from './domain/case-number';
import { decodeCursor, encodeCursor } from './domain/cursor';
import { fail, ok, type Result } from './domain/errors';
import { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_TTL_SECONDS, requestFingerprint } from './domain/idempotency';
import { etagOf, type Incident, ifMatchNames } from './domain/incident';
import { buildKevCatalogue, type KevCatalogue } from './domain/kev';
import type { NormalisedFinding } from './domain/normalise';
import { incidentFromFinding, incidentFromReport } from './domain/open-incident';
import type {
  AddKnownExploitedInput,
  ListAdvisoriesQuery,
  ListIncidentsQuery,
  PublishAdvisoryInput,
  ReportIncidentInput,
  TriagePatch,
} from './domain/schemas';
import { hongKongDate, hongKongIsoDate } from './domain/time';
import { applyTriage } from './domain/triage';
import type { CertPorts } from './ports';

/**
 * What the CERT API's handlers call, one function per route: each takes input already parsed
 * by the route's zod schema, the caller and the request context, and returns a result or a
 * typed error (`domain/errors.ts`, with the HTTP status of each kind). Nothing changes when an
 * error is returned.
 */

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; pass as `cursor` for the next page. Absent on the last page. */
  readonly nextCursor?: string;
}

/** An incident with the ETag a later If-Match must name. */
export interface TaggedIncident {
  readonly incident: Incident;
  readonly etag: string;
}

const forbidden = <T>(reason: string): Result<T> => fail('forbidden', reason);
/** Claims of reports and findings live in one key space; these prefixes keep them apart. */
const reportClaimKey = (department: string, key: string) => `report/${department}/${key}`;
const findingClaimKey = (dedupKey: string) => `finding/${dedupKey}`;
/** Attempts to take a fresh case number when another request wins the same key meanwhile. */
const CLAIM_ATTEMPTS = 3;

async function newCaseNumber(ports: CertPorts, at: Date): Promise<string> {
  const { year } = hongKongDate(at);
  return formatCaseNumber(year, await ports.incidents.nextCaseSequence(year));
}

/** POST /cert/incidents. `replayed` is true when an earlier request with the same key made it. */
export async function reportIncident(
  ports: CertPorts,
  caller: Caller,
  input: ReportIncidentInput,
  context: RequestContext & { readonly idempotencyKey?: string },
): Promise<Result<TaggedIncident & { readonly replayed: boolean }>> {
  const target = reportingDepartment(caller, input.department);
  if ('reason' in target)
    return caller.kind === 'public' || caller.kind === 'officer' ? forbidden(target.reason) : fail('invalid-input', target.reason);
  const { department } = target;
  const key = context.idempotencyKey;
  const now = ports.clock();
  const open = (caseNumber: string) => incidentFromReport({ ...input, department }, department, caseNumber, caller, context, now);

  if (key === undefined) {
    const incident = open(await newCaseNumber(ports, now));
    if (!(await ports.incidents.create(incident))) throw new Error(`Case number ${incident.id} was issued twice`);
    return ok({ incident, etag: etagOf(incident), replayed: false });
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    return fail('invalid-input', 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -, like a UUID.');
  }
  const fingerprint = requestFingerprint({ ...input, department });
  const claimKey = reportClaimKey(department, key);
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const existing = await ports.incidents.findClaim(claimKey, now);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        return fail('idempotency-mismatch', 'This Idempotency-Key was used for a different report; use a new key for a new report.');
      }
      // The earlier request may have stopped between its claim and its incident: finish it.
      const stored = (await ports.incidents.get(existing.caseNumber)) ?? (await createOrGet(ports, open(existing.caseNumber)));
      return ok({ incident: stored, etag: etagOf(stored), replayed: true });
    }
    const caseNumber = await newCaseNumber(ports, now);
    if (
      await ports.incidents.claim({ key: claimKey, caseNumber, fingerprint, createdAt: now.toISOString() }, now, IDEMPOTENCY_TTL_SECONDS)
    ) {
      const incident = await createOrGet(ports, open(caseNumber));
      return ok({ incident, etag: etagOf(incident), replayed: false });
    }
  }
  return fail('conflict', 'Another request with this Idempotency-Key is in progress; retry shortly.');
}

async function createOrGet(ports: CertPorts, incident: Incident): Promise<Incident> {
  if (await ports.incidents.create(incident)) return incident;
  const stored = await ports.incidents.get(incident.id);
  if (!stored) throw new Error(`Incident ${incident.id} exists and does not`);
  return stored;
}

/** GET /cert/incidents. */
export async function listIncidents(ports: CertPorts, caller: Caller, query: ListIncidentsQuery): Promise<Result<Page<Incident>>> {
  const scope = incidentScope(caller);
  if ('reason' in scope) return forbidden(scope.reason);
  if ('department' in scope && query.department !== undefined && query.department !== scope.department) {
    return forbidden(`An officer of ${scope.department} sees only ${scope.department}'s incidents, not ${query.department}'s.`);
  }
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after)
    return fail('invalid-input', 'The cursor is not one this API returned; start again without it.');
  const page = await ports.incidents.list({
    department: 'department' in scope ? scope.department : query.department,
    status: query.status,
    severity: query.severity,
    since: query.since,
    after,
    limit: query.limit,
  });
  return ok({ items: page.items, nextCursor: page.next && encodeCursor(page.next) });
}

/** GET /cert/incidents/{id}. */
export async function getIncident(ports: CertPorts, caller: Caller, id: string): Promise<Result<TaggedIncident>> {
  const scope = incidentScope(caller);
  if ('reason' in scope) return forbidden(scope.reason);
  const incident = await ports.incidents.get(id);
  if (!incident) return fail('not-found', `There is no incident ${id}.`);
  const decision = canRead(caller, incident);
  if (!decision.allowed) return forbidden(decision.reason);
  return ok({ incident, etag: etagOf(incident) });
}

/** PATCH /cert/incidents/{id}, with the If-Match header as given (undefined when absent). */
export async function triageIncident(
  ports: CertPorts,
  caller: Caller,
  id: string,
  patch: TriagePatch,
  ifMatch: string | undefined,
  context: RequestContext,
): Promise<Result<TaggedIncident>> {
  const decision = canTriage(caller);
  if (!decision.allowed) return forbidden(decision.reason);
  if (ifMatch === undefined || ifMatch.trim() === '' || ifMatch.trim() === '*') {
    return fail('precondition-required', 'Send If-Match with the ETag of the incident as you last read it.');
  }
  const current = await ports.incidents.get(id);
  if (!current) return fail('not-found', `There is no incident ${id}.`);
  if (!ifMatchNames(ifMatch, current)) return stale(current);
  const outcome = applyTriage(current, patch, caller, context, ports.clock());
  if (!outcome.ok) return fail('invalid-transition', outcome.message);
  if (!outcome.changed) return ok({ incident: current, etag: etagOf(current) });
  const written = await ports.incidents.update(outcome.incident, current.version);
  if (written === 'missing') return fail('not-found', `There is no incident ${id}.`);
  if (written === 'stale') return stale(current);
  return ok({ incident: outcome.incident, etag: etagOf(outcome.incident) });
}

function stale(current: Incident): Result<never> {
  return fail('precondition-failed', `Incident ${current.id} has changed since you read it; read it again and reapply your change.`);
}

/** GET /cert/advisories as JSON, newest first, without audit trails. Public. */
export async function listAdvisories(
  ports: CertPorts,
  query: Pick<ListAdvisoriesQuery, 'cursor' | 'limit'>,
): Promise<Result<Page<PublicAdvisory>>> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after)
    return fail('invalid-input', 'The cursor is not one this API returned; start again without it.');
  const page = await ports.advisories.list({ after, limit: query.limit });
  return ok({ items: page.items.map(publicAdvisory), nextCursor: page.next && encodeCursor(page.next) });
}

/**
 * GET /cert/advisories as Atom (`format=atom` or `Accept: application/atom+xml`): the newest
 * page, which feed readers poll. It has no further pages, so a cursor is refused rather than
 * ignored. Public.
 */
export async function advisoryFeed(
  ports: CertPorts,
  query: Pick<ListAdvisoriesQuery, 'cursor' | 'limit'>,
  feed: Omit<AtomFeedOptions, 'emptyUpdated'>,
): Promise<Result<string>> {
  if (query.cursor !== undefined)
    return fail('invalid-input', 'The Atom feed is the newest advisories and takes no cursor; page through them as JSON.');
  const page = await ports.advisories.list({ limit: query.limit });
  return ok(renderAtomFeed(page.items, { ...feed, emptyUpdated: new Date(0) }));
}

/** POST /cert/advisories. Analysts only. */
export async function publishAdvisory(
  ports: CertPorts,
  caller: Caller,
  input: PublishAdvisoryInput,
  context: RequestContext,
): Promise<Result<Advisory>> {
  const decision = canPublish(caller);
  if (!decision.allowed) return forbidden(decision.reason);
  const now = ports.clock();
  const publishedAt = input.publishedAt ?? now.toISOString();
  const { year, month } = hongKongDate(new Date(publishedAt));
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const id = formatAdvisoryId(year, month, await ports.advisories.nextAdvisorySequence(year, month));
    const advisory: Advisory = {
      id,
      level: input.level,
      title: input.title,
      summary: input.summary,
      affectedProducts: input.affectedProducts,
      cves: input.cves,
      references: input.references,
      publishedAt,
      history: [auditRecord(caller, context, now, 'publish')],
    };
    // Only an id written by hand (seed data, a restore) can be taken already; skip past it.
    if (await ports.advisories.create(advisory)) return ok(advisory);
  }
  return fail('conflict', 'Could not allocate an advisory id; retry.');
}

/** GET /cert/kev.json. Public. */
export async function knownExploitedCatalogue(ports: CertPorts): Promise<Result<KevCatalogue>> {
  return ok(buildKevCatalogue(await ports.advisories.listKnownExploited(), new Date(0)));
}

/** Adds a vulnerability to the known-exploited catalogue. Analysts only. */
export async function addKnownExploited(
  ports: CertPorts,
  caller: Caller,
  input: AddKnownExploitedInput,
  context: RequestContext,
): Promise<Result<KevCatalogue['vulnerabilities'][number]>> {
  const decision = canPublish(caller);
  if (!decision.allowed) return forbidden(decision.reason);
  const now = ports.clock();
  const entry = {
    ...input,
    dateAdded: hongKongIsoDate(now),
    addedAt: now.toISOString(),
    history: [auditRecord(caller, context, now, 'add-kev')],
  };
  if (!(await ports.advisories.addKnownExploited(entry))) return fail('conflict', `${input.cveID} is already in the catalogue.`);
  const { addedAt, history, ...published } = entry;
  return ok(published);
}

/** The incident pipeline's actor in audit records. */
export const PIPELINE_ACTOR: SystemActor = { kind: 'system', name: 'incident-pipeline' };

/**
 * Files a finding: opens an incident the first time the finding is seen, and afterwards only
 * counts the sighting, whichever service reports it and however often.
 */
export async function fileFinding(ports: CertPorts, finding: NormalisedFinding): Promise<{ incident: Incident; opened: boolean }> {
  const now = ports.clock();
  const key = findingClaimKey(finding.dedupKey);
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const existing = await ports.incidents.findClaim(key, now);
    if (existing) {
      const incident =
        (await ports.incidents.recordSighting(existing.caseNumber, finding.lastSeenAt)) ??
        (await createOrGet(ports, incidentFromFinding(finding, existing.caseNumber, PIPELINE_ACTOR, now)));
      return { incident, opened: false };
    }
    const caseNumber = await newCaseNumber(ports, now);
    if (await ports.incidents.claim({ key, caseNumber, createdAt: now.toISOString() }, now)) {
      return { incident: await createOrGet(ports, incidentFromFinding(finding, caseNumber, PIPELINE_ACTOR, now)), opened: true };
    }
  }
  throw new Error(`Could not file finding ${finding.dedupKey}: its claim keeps changing`);
}

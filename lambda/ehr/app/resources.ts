import { HttpError } from '../../shared/errors';
import { resumeAfter } from '../../shared/sort-key-cursor';
import { type Access, auditEventOf } from '../domain/audit-event';
import { breakGlassConsent, type ConsentAuthor, consentRecordOf, consentWriteRefusal } from '../domain/consent';
import { CITIZEN_ACCOUNT_SYSTEM, EHR_NUMBER_SYSTEM, HKID_SYSTEM, isValidHkid } from '../domain/hkid';
import { r4Problems } from '../domain/r4-validation';
import { DIRECTORY_TYPES, PATIENT_RECORD_TYPES, READ_ONLY_TYPES, type ResourceType } from '../domain/resource-types';
import type { ResourceInput, SearchQuery } from '../domain/schemas';
import { dateComparison, patientReference, searchValuesOf } from '../domain/search-index';
import {
  accessRefused,
  consentRefused,
  idMismatch,
  invalidHkid,
  malformedIfMatch,
  malformedIfNoneExist,
  multipleMatches,
  noSuchResource,
  noSuchVersion,
  notValidR4,
  patientChanged,
  patientRequired,
  readOnlyType,
  recordNeedsPatient,
  typeMismatch,
  versionChanged,
  writeRaced,
} from '../errors';
import type { EhrPorts, SearchFilter, StoredResource } from '../ports';
import { type AccessBasis, type Actor, authorize, patientOfCitizen } from './access';

export type { ResourceType } from '../domain/resource-types';
export type { ResourceInput, SearchQuery } from '../domain/schemas';
export type { StoredResource } from '../ports';

/** Who is asking: the actor the consent rules judge, and the request, for the audit trail. */
export interface Requester {
  readonly who: string;
  readonly actor: Actor;
  readonly sourceIp: string;
  readonly requestId: string;
}

type Interaction = Access['interaction'];

/** What an interaction learns as it runs, for its AuditEvent: the patient concerned and why access was allowed. */
interface Learned {
  patient?: string;
  basis?: AccessBasis;
}

/**
 * Runs one interaction and records it as an AuditEvent before the answer is given, whether it
 * succeeded or was refused; a refusal is thrown on after its event is written.
 */
async function audited<T>(
  ports: EhrPorts,
  requester: Requester,
  what: { interaction: Interaction; type: ResourceType; id?: string },
  run: (learned: Learned) => Promise<{ value: T; status: number }>,
): Promise<T> {
  const learned: Learned = {};
  let outcome: { value: T; status: number } | undefined;
  let failure: unknown;
  try {
    outcome = await run(learned);
  } catch (err) {
    failure = err;
  }
  const status = outcome?.status ?? (failure instanceof HttpError ? failure.status : 500);
  const { actor, ...request } = requester;
  const provider = actor.kind === 'practitioner' ? actor.provider : undefined;
  await record(ports, { ...request, provider, ...what, patient: learned.patient, basis: outcome ? learned.basis : undefined, status });
  if (failure !== undefined) throw failure;
  return (outcome as { value: T }).value;
}

async function record(ports: EhrPorts, access: Access): Promise<void> {
  const event = auditEventOf(access, ports.clock().toISOString());
  const stored = { ...event, id: ports.ids(), meta: { versionId: '1', lastUpdated: event.recorded as string } } as StoredResource;
  await ports.resources.write(stored, undefined, searchValuesOf('AuditEvent', stored));
}

/** Reads allowed for the patient a resource is about; its patient is learned for the audit. */
async function allowRead(ports: EhrPorts, requester: Requester, learned: Learned, resource: StoredResource): Promise<void> {
  learned.patient = patientOfResource(resource);
  learned.basis = await authorize(ports, requester.actor, resource.resourceType, learned.patient, 'read');
}

/**
 * Whether the actor may write this resource, replacing `existing`: a consent by the consent
 * rules, a new patient's registration by any practitioner, any other record under consent. A
 * record stays with its patient.
 */
async function allowWrite(
  ports: EhrPorts,
  requester: Requester,
  learned: Learned,
  next: StoredResource,
  existing: StoredResource | undefined,
): Promise<void> {
  const { actor } = requester;
  const type = next.resourceType;
  const patient = patientOfResource(next);
  learned.patient = patient;
  if (existing && !DIRECTORY_TYPES.has(type) && patientOfResource(existing) !== patient) throw patientChanged(type, next.id);
  if (type === 'Consent') {
    if (actor.kind !== 'patient' && actor.kind !== 'practitioner') throw accessRefused('practitioners-only');
    const author: ConsentAuthor =
      actor.kind === 'patient'
        ? { kind: 'patient', patient: await patientOfCitizen(ports, actor.citizen) }
        : { kind: 'provider', provider: actor.provider };
    const refusal = consentWriteRefusal(consentRecordOf(next), patient, existing && consentRecordOf(existing), author);
    if (refusal) throw consentRefused(refusal);
    learned.basis = actor.kind === 'patient' ? 'own-record' : 'registration';
    return;
  }
  if (type === 'Patient' && !existing && actor.kind === 'practitioner') {
    learned.basis = 'registration';
    return;
  }
  learned.basis = await authorize(ports, actor, type, patient, 'record');
}

const patientOfResource = (r: StoredResource | undefined) =>
  r ? (r.resourceType === 'Patient' ? `Patient/${r.id}` : searchValuesOf(r.resourceType, r).patient) : undefined;

/** The R4 checks the service applies before storing, and the identifiers it adds. */
function prepare(type: ResourceType, input: ResourceInput, ports: EhrPorts, existing: StoredResource | undefined): Record<string, unknown> {
  if (READ_ONLY_TYPES.has(type)) throw readOnlyType(type);
  if (input.resourceType !== type) throw typeMismatch(type, input.resourceType);
  const { meta: _meta, ...elements } = input as Record<string, unknown>;
  const problems = r4Problems(elements);
  if (problems.length) throw notValidR4(type, problems);
  if (type === 'Consent' && elements.dateTime === undefined) elements.dateTime = ports.clock().toISOString();
  if (PATIENT_RECORD_TYPES.has(type) && !searchValuesOf(type, elements).patient) throw recordNeedsPatient(type);
  if (type !== 'Patient') return elements;
  const identifiers = Array.isArray(elements.identifier) ? (elements.identifier as Record<string, unknown>[]) : [];
  for (const identifier of identifiers) {
    if (identifier?.system === HKID_SYSTEM && (typeof identifier.value !== 'string' || !isValidHkid(identifier.value))) {
      throw invalidHkid(String(identifier.value));
    }
  }
  // The eHR number is assigned once, on registration, and kept through every update.
  const kept = (existing?.identifier as Record<string, unknown>[] | undefined)?.find((i) => i.system === EHR_NUMBER_SYSTEM);
  const given = identifiers.filter((i) => i?.system !== EHR_NUMBER_SYSTEM);
  const ehrNumber = kept ?? { system: EHR_NUMBER_SYSTEM, value: ehrNumberOf(ports.ids()) };
  return { ...elements, identifier: [...given, ehrNumber] };
}

/** An eHR number: `EHR` and twelve digits drawn from a fresh id. */
const ehrNumberOf = (id: string) =>
  `EHR${BigInt(`0x${id.replace(/-/g, '').slice(0, 12)}`)
    .toString()
    .padStart(15, '0')
    .slice(-12)}`;

function versionOf(ifMatch: string | undefined): string | undefined {
  if (ifMatch === undefined) return undefined;
  const match = /^W\/"([1-9][0-9]{0,8})"$/.exec(ifMatch.trim());
  if (!match) throw malformedIfMatch();
  return match[1];
}

export const etagOf = (r: StoredResource) => `W/"${r.meta.versionId}"`;

export async function readResource(ports: EhrPorts, requester: Requester, type: ResourceType, id: string): Promise<StoredResource> {
  return audited(ports, requester, { interaction: 'read', type, id }, async (learned) => {
    const resource = await ports.resources.current(type, id);
    if (!resource) throw noSuchResource(type, id);
    await allowRead(ports, requester, learned, resource);
    return { value: resource, status: 200 };
  });
}

export async function readVersion(
  ports: EhrPorts,
  requester: Requester,
  type: ResourceType,
  id: string,
  vid: string,
): Promise<StoredResource> {
  return audited(ports, requester, { interaction: 'vread', type, id }, async (learned) => {
    const resource = await ports.resources.version(type, id, vid);
    if (!resource) throw noSuchVersion(type, id, vid);
    await allowRead(ports, requester, learned, resource);
    return { value: resource, status: 200 };
  });
}

export async function resourceHistory(ports: EhrPorts, requester: Requester, type: ResourceType, id: string): Promise<StoredResource[]> {
  return audited(ports, requester, { interaction: 'history', type, id }, async (learned) => {
    const versions = await ports.resources.history(type, id);
    if (versions.length === 0) throw noSuchResource(type, id);
    // Every version is about the same patient: a write never moves a record to another.
    await allowRead(ports, requester, learned, versions[0]);
    return { value: versions, status: 200 };
  });
}

function filterOf(query: SearchQuery): SearchFilter {
  const reference = query.patient ?? query.subject;
  return {
    identifier: query.identifier,
    patient: reference ? patientReference(reference) : undefined,
    status: query.status,
    code: query.code,
    date: query.date ? dateComparison(query.date) : undefined,
    lastUpdated: query._lastUpdated ? dateComparison(query._lastUpdated) : undefined,
  };
}

export async function searchResources(ports: EhrPorts, requester: Requester, type: ResourceType, query: SearchQuery) {
  return audited(ports, requester, { interaction: 'search', type }, async (learned) => {
    const after = resumeAfter(query._page);
    const filter = await scopedFilter(ports, requester.actor, type, filterOf(query), learned);
    const page = await ports.resources.search(type, filter, { after, limit: query._count });
    return { value: page, status: 200 };
  });
}

/**
 * The filter narrowed to what the actor may see: a patient their own records; a practitioner
 * one patient's under consent, or patients found by identifier to register them; a privacy
 * officer any AuditEvents.
 */
async function scopedFilter(ports: EhrPorts, actor: Actor, type: ResourceType, filter: SearchFilter, learned: Learned) {
  if (type === 'Patient') {
    if (actor.kind === 'patient') {
      learned.basis = 'own-record';
      return { ...filter, identifier: `${CITIZEN_ACCOUNT_SYSTEM}|${actor.citizen}` };
    }
    if (actor.kind !== 'practitioner') throw accessRefused('practitioners-only');
    if (!filter.identifier) throw patientRequired('Patient');
    learned.basis = 'registration';
    return filter;
  }
  const own = actor.kind === 'patient' && !DIRECTORY_TYPES.has(type) ? await patientOfCitizen(ports, actor.citizen) : undefined;
  const scoped = own && !filter.patient ? { ...filter, patient: own } : filter;
  learned.patient = scoped.patient;
  learned.basis = await authorize(ports, actor, type, scoped.patient, 'read');
  return scoped;
}

export interface Written {
  readonly resource: StoredResource;
  readonly created: boolean;
}

/** Create, or with If-None-Exist (`identifier=...`) return the one resource that matches instead. */
export async function createResource(
  ports: EhrPorts,
  requester: Requester,
  type: ResourceType,
  input: ResourceInput,
  ifNoneExist: string | undefined,
): Promise<Written> {
  return audited<Written>(ports, requester, { interaction: 'create', type }, async (learned) => {
    const elements = prepare(type, input, ports, undefined);
    if (ifNoneExist !== undefined) {
      const identifier = new URLSearchParams(ifNoneExist).get('identifier');
      if (!identifier || [...new URLSearchParams(ifNoneExist).keys()].some((k) => k !== 'identifier')) throw malformedIfNoneExist();
      const found = await ports.resources.search(type, { identifier }, { limit: 2 });
      if (found.items.length > 1) throw multipleMatches(type);
      if (found.items.length === 1) {
        if (type !== 'Patient' || requester.actor.kind !== 'practitioner') await allowRead(ports, requester, learned, found.items[0]);
        else [learned.patient, learned.basis] = [patientOfResource(found.items[0]), 'registration'];
        return { value: { resource: found.items[0], created: false }, status: 200 };
      }
    }
    const resource = stamp(type, ports.ids(), elements, '1', ports);
    await allowWrite(ports, requester, learned, resource, undefined);
    if (!(await ports.resources.write(resource, undefined, searchValuesOf(type, resource)))) throw writeRaced(type, resource.id);
    return { value: { resource, created: true }, status: 201 };
  });
}

/** Update to a new version; with If-Match only if the current one is the version named. Update of a new id creates it. */
export async function updateResource(
  ports: EhrPorts,
  requester: Requester,
  type: ResourceType,
  id: string,
  input: ResourceInput,
  ifMatch: string | undefined,
): Promise<Written> {
  return audited<Written>(ports, requester, { interaction: 'update', type, id }, async (learned) => {
    if (input.id !== id) throw idMismatch(id, input.id);
    const expected = versionOf(ifMatch);
    const existing = await ports.resources.current(type, id);
    const elements = prepare(type, input, ports, existing);
    if (expected !== undefined && existing?.meta.versionId !== expected) throw versionChanged(type, id, existing?.meta.versionId ?? 'none');
    const next = existing ? String(Number(existing.meta.versionId) + 1) : '1';
    const resource = stamp(type, id, elements, next, ports);
    await allowWrite(ports, requester, learned, resource, existing);
    if (!(await ports.resources.write(resource, existing?.meta.versionId, searchValuesOf(type, resource)))) {
      throw expected !== undefined ? versionChanged(type, id, 'a newer one') : writeRaced(type, id);
    }
    return { value: { resource, created: !existing }, status: existing ? 200 : 201 };
  });
}

function stamp(type: ResourceType, id: string, elements: Record<string, unknown>, versionId: string, ports: EhrPorts): StoredResource {
  return { ...elements, resourceType: type, id, meta: { versionId, lastUpdated: ports.clock().toISOString() } } as StoredResource;
}

/**
 * Emergency access: the practitioner declares a reason and may see the patient's records, at
 * their provider, for the next few hours without consent. The grant is a Consent the service
 * writes itself; it and every access under it are AuditEvents marked "break the glass", which
 * the patient sees in their access log.
 */
export async function breakGlass(ports: EhrPorts, requester: Requester, patientId: string, reason: string): Promise<StoredResource> {
  return audited(ports, requester, { interaction: 'break-glass', type: 'Patient', id: patientId }, async (learned) => {
    const { actor } = requester;
    if (actor.kind !== 'practitioner') throw accessRefused('practitioners-only');
    if (!(await ports.resources.current('Patient', patientId))) throw noSuchResource('Patient', patientId);
    learned.patient = `Patient/${patientId}`;
    const grant = stamp('Consent', ports.ids(), breakGlassConsent(learned.patient, actor, reason, ports.clock()), '1', ports);
    if (!(await ports.resources.write(grant, undefined, searchValuesOf('Consent', grant)))) throw writeRaced('Consent', grant.id);
    learned.basis = 'break-glass';
    return { value: grant, status: 201 };
  });
}

/** Writes a version as the seeds give it, with no consent rules: local mode's demo data only. */
export async function writeSeed(ports: EhrPorts, input: ResourceInput): Promise<boolean> {
  const type = input.resourceType as ResourceType;
  const id = input.id as string;
  if (await ports.resources.current(type, id)) return false;
  const resource = stamp(type, id, prepare(type, input, ports, undefined), '1', ports);
  return ports.resources.write(resource, undefined, searchValuesOf(type, resource));
}

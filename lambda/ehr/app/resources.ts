import { HttpError } from '../../shared/errors';
import { resumeAfter } from '../../shared/sort-key-cursor';
import { type Access, auditEventOf } from '../domain/audit-event';
import { EHR_NUMBER_SYSTEM, HKID_SYSTEM, isValidHkid } from '../domain/hkid';
import { READ_ONLY_TYPES, type ResourceType } from '../domain/resource-types';
import type { ResourceInput, SearchQuery } from '../domain/schemas';
import { dateComparison, patientReference, searchValuesOf } from '../domain/search-index';
import {
  idMismatch,
  invalidHkid,
  malformedIfMatch,
  malformedIfNoneExist,
  multipleMatches,
  noSuchResource,
  noSuchVersion,
  readOnlyType,
  typeMismatch,
  versionChanged,
  writeRaced,
} from '../errors';
import type { EhrPorts, SearchFilter, StoredResource } from '../ports';

export type { StoredResource } from '../ports';

/** Who is asking, for the audit trail. */
export interface Requester {
  readonly who: string;
  readonly provider?: string;
  readonly sourceIp: string;
  readonly requestId: string;
}

type Interaction = Access['interaction'];

/**
 * Runs one interaction and records it as an AuditEvent before the answer is given, whether it
 * succeeded or was refused; a refusal is thrown on after its event is written.
 */
async function audited<T>(
  ports: EhrPorts,
  requester: Requester,
  what: { interaction: Interaction; type: ResourceType; id?: string },
  run: () => Promise<{ value: T; status: number; patient?: string }>,
): Promise<T> {
  let outcome: { value: T; status: number; patient?: string } | undefined;
  let failure: unknown;
  try {
    outcome = await run();
  } catch (err) {
    failure = err;
  }
  const status = outcome?.status ?? (failure instanceof HttpError ? failure.status : 500);
  await record(ports, { ...requester, ...what, patient: outcome?.patient, status });
  if (failure !== undefined) throw failure;
  return (outcome as { value: T }).value;
}

async function record(ports: EhrPorts, access: Access): Promise<void> {
  const event = auditEventOf(access, ports.clock().toISOString());
  const stored = { ...event, id: ports.ids(), meta: { versionId: '1', lastUpdated: event.recorded as string } } as StoredResource;
  await ports.resources.write(stored, undefined, searchValuesOf('AuditEvent', stored));
}

const patientOfResource = (r: StoredResource | undefined) =>
  r ? (r.resourceType === 'Patient' ? `Patient/${r.id}` : searchValuesOf(r.resourceType, r).patient) : undefined;

/** The R4 checks the service applies before storing, and the identifiers it adds. */
function prepare(type: ResourceType, input: ResourceInput, ports: EhrPorts, existing: StoredResource | undefined): Record<string, unknown> {
  if (READ_ONLY_TYPES.has(type)) throw readOnlyType(type);
  if (input.resourceType !== type) throw typeMismatch(type, input.resourceType);
  const { meta: _meta, ...elements } = input as Record<string, unknown>;
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
  return audited(ports, requester, { interaction: 'read', type, id }, async () => {
    const resource = await ports.resources.current(type, id);
    if (!resource) throw noSuchResource(type, id);
    return { value: resource, status: 200, patient: patientOfResource(resource) };
  });
}

export async function readVersion(
  ports: EhrPorts,
  requester: Requester,
  type: ResourceType,
  id: string,
  vid: string,
): Promise<StoredResource> {
  return audited(ports, requester, { interaction: 'vread', type, id }, async () => {
    const resource = await ports.resources.version(type, id, vid);
    if (!resource) throw noSuchVersion(type, id, vid);
    return { value: resource, status: 200, patient: patientOfResource(resource) };
  });
}

export async function resourceHistory(ports: EhrPorts, requester: Requester, type: ResourceType, id: string): Promise<StoredResource[]> {
  return audited(ports, requester, { interaction: 'history', type, id }, async () => {
    const versions = await ports.resources.history(type, id);
    if (versions.length === 0) throw noSuchResource(type, id);
    return { value: versions, status: 200, patient: patientOfResource(versions[0]) };
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
  return audited(ports, requester, { interaction: 'search', type }, async () => {
    const after = resumeAfter(query._page);
    const filter = filterOf(query);
    const page = await ports.resources.search(type, filter, { after, limit: query._count });
    return { value: page, status: 200, patient: filter.patient };
  });
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
  return audited<Written>(ports, requester, { interaction: 'create', type }, async () => {
    const elements = prepare(type, input, ports, undefined);
    if (ifNoneExist !== undefined) {
      const identifier = new URLSearchParams(ifNoneExist).get('identifier');
      if (!identifier || [...new URLSearchParams(ifNoneExist).keys()].some((k) => k !== 'identifier')) throw malformedIfNoneExist();
      const found = await ports.resources.search(type, { identifier }, { limit: 2 });
      if (found.items.length > 1) throw multipleMatches(type);
      if (found.items.length === 1)
        return { value: { resource: found.items[0], created: false }, status: 200, patient: patientOfResource(found.items[0]) };
    }
    const resource = stamp(type, ports.ids(), elements, '1', ports);
    if (!(await ports.resources.write(resource, undefined, searchValuesOf(type, resource)))) throw writeRaced(type, resource.id);
    return { value: { resource, created: true }, status: 201, patient: patientOfResource(resource) };
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
  return audited<Written>(ports, requester, { interaction: 'update', type, id }, async () => {
    if (input.id !== id) throw idMismatch(id, input.id);
    const expected = versionOf(ifMatch);
    const existing = await ports.resources.current(type, id);
    const elements = prepare(type, input, ports, existing);
    if (expected !== undefined && existing?.meta.versionId !== expected) throw versionChanged(type, id, existing?.meta.versionId ?? 'none');
    const next = existing ? String(Number(existing.meta.versionId) + 1) : '1';
    const resource = stamp(type, id, elements, next, ports);
    if (!(await ports.resources.write(resource, existing?.meta.versionId, searchValuesOf(type, resource)))) {
      throw expected !== undefined ? versionChanged(type, id, 'a newer one') : writeRaced(type, id);
    }
    return { value: { resource, created: !existing }, status: existing ? 200 : 201, patient: patientOfResource(resource) };
  });
}

function stamp(type: ResourceType, id: string, elements: Record<string, unknown>, versionId: string, ports: EhrPorts): StoredResource {
  return { ...elements, resourceType: type, id, meta: { versionId, lastUpdated: ports.clock().toISOString() } } as StoredResource;
}

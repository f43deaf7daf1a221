import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { json } from '../../shared/http';
import type { Caller } from '../../shared/identity';
import { encodeCursor } from '../../shared/sort-key-cursor';
import { actorOfCaller } from '../app/access';
import { type EntryOutcome, runBatch } from '../app/batch';
import { capabilities } from '../app/capability';
import type { StoredResource } from '../app/resources';
import {
  breakGlass,
  createResource,
  etagOf,
  type Requester,
  type ResourceInput,
  type ResourceType,
  readResource,
  readVersion,
  resourceHistory,
  type SearchQuery,
  searchResources,
  updateResource,
} from '../app/resources';
import { ehrPorts } from '../compose';
import { formatError } from '../errors';
import { ehrService } from '../routes';

const FHIR = { 'content-type': 'application/fhir+json; charset=utf-8' };
const STARTED = new Date().toISOString();

function requesterOf(request: { caller: Caller; sourceIp: string; requestId: string }): Requester {
  const who = request.caller.kind === 'staff' || request.caller.kind === 'citizen' ? request.caller.subject : 'unknown';
  return { who, actor: actorOfCaller(request.caller), sourceIp: request.sourceIp, requestId: request.requestId };
}

const fhirBase = (baseUrl: string) => `${baseUrl}/fhir`;
const ownBase = (baseUrl: string) => `${baseUrl}/me/fhir`;
const withEtag = (r: StoredResource) => ({ ...FHIR, etag: etagOf(r), location: `${r.resourceType}/${r.id}/_history/${r.meta.versionId}` });

function bundle(type: 'searchset' | 'history', self: string, resources: readonly StoredResource[], base: string, next?: string) {
  return {
    resourceType: 'Bundle',
    type,
    link: [{ relation: 'self', url: self }, ...(next ? [{ relation: 'next', url: next }] : [])],
    entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource })),
  };
}

/** What the handlers read of a request, whichever of the staff or patient routes it came by. */
interface FhirRequest<P, Q = unknown, B = unknown> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly headers: Readonly<Record<string, string>>;
  readonly caller: Caller;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly baseUrl: string;
}
type TypeParams = { readonly type: ResourceType };
type InstanceParams = TypeParams & { readonly id: string };
type SearchRequest = FhirRequest<TypeParams, SearchQuery>;

async function search(request: SearchRequest, base: string) {
  const ports = await ehrPorts();
  const { type } = request.params;
  const page = await searchResources(ports, requesterOf(request), type, request.query);
  const url = (cursor?: string) => {
    const u = new URL(`${base}/${type}`);
    for (const [k, v] of Object.entries(request.query)) if (v !== undefined && k !== '_page') u.searchParams.set(k, String(v));
    if (cursor) u.searchParams.set('_page', cursor);
    return u.toString();
  };
  const next = page.next ? url(encodeCursor(page.next)) : undefined;
  return json(200, bundle('searchset', url(request.query._page), page.items, base, next), FHIR);
}

async function create(request: FhirRequest<TypeParams, unknown, ResourceInput>) {
  const ifNoneExist = request.headers['if-none-exist'];
  const { resource, created } = await createResource(
    await ehrPorts(),
    requesterOf(request),
    request.params.type,
    request.body,
    ifNoneExist,
  );
  return json(created ? 201 : 200, resource, withEtag(resource));
}

async function update(request: FhirRequest<InstanceParams, unknown, ResourceInput>) {
  const { type, id } = request.params;
  const ports = await ehrPorts();
  const { resource, created } = await updateResource(ports, requesterOf(request), type, id, request.body, request.headers['if-match']);
  return json(created ? 201 : 200, resource, withEtag(resource));
}

async function read(request: FhirRequest<InstanceParams>) {
  const resource = await readResource(await ehrPorts(), requesterOf(request), request.params.type, request.params.id);
  return json(200, resource, withEtag(resource));
}

const REASONS: Readonly<Record<number, string>> = { 200: 'OK', 201: 'Created', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' };
const statusLine = (status: number) => `${status}${REASONS[status] ? ` ${REASONS[status]}` : ''}`;

/** One batch entry's answer, as a batch-response entry. */
function batchEntry(outcome: EntryOutcome, base: string, requestId: string) {
  if (outcome.kind === 'refused') {
    return { response: { status: statusLine(outcome.error.status), outcome: formatError(outcome.error, requestId) } };
  }
  if (outcome.kind === 'search') {
    const self = `${base}/${outcome.type}`;
    return { resource: bundle('searchset', self, outcome.page.items, base), response: { status: statusLine(200) } };
  }
  const { resource, status } = outcome;
  return {
    fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
    resource,
    response: {
      status: statusLine(status),
      location: withEtag(resource).location,
      etag: etagOf(resource),
      lastModified: resource.meta.lastUpdated,
    },
  };
}

const handlers: Handlers<typeof ehrService.routes> = {
  async batch(request) {
    const outcomes = await runBatch(await ehrPorts(), requesterOf(request), request.body);
    const base = fhirBase(request.baseUrl);
    const entry = outcomes.map((o) => batchEntry(o, base, request.requestId));
    return json(200, { resourceType: 'Bundle', type: 'batch-response', entry }, FHIR);
  },
  async capabilities(request) {
    return json(200, capabilities(fhirBase(request.baseUrl), { name: ehrService.title, version: ehrService.version }, STARTED), FHIR);
  },
  search: (request) => search(request, fhirBase(request.baseUrl)),
  create,
  read,
  update,
  async history(request) {
    const { type, id } = request.params;
    const versions = await resourceHistory(await ehrPorts(), requesterOf(request), type, id);
    const base = fhirBase(request.baseUrl);
    return json(200, bundle('history', `${base}/${type}/${id}/_history`, versions, base), FHIR);
  },
  async vread(request) {
    const { type, id, vid } = request.params;
    const resource = await readVersion(await ehrPorts(), requesterOf(request), type, id, vid);
    return json(200, resource, withEtag(resource));
  },
  async breakGlass(request) {
    const reason = request.body.parameter[0].valueString;
    const grant = await breakGlass(await ehrPorts(), requesterOf(request), request.params.id, reason);
    return json(201, grant, withEtag(grant));
  },
  ownSearch: (request) => search(request, ownBase(request.baseUrl)),
  ownRead: read,
  ownCreate: create,
  ownUpdate: update,
};

export const handler = createApiHandler(ehrService, handlers);

import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { json } from '../../shared/http';
import type { Caller } from '../../shared/identity';
import { encodeCursor } from '../../shared/sort-key-cursor';
import { capabilities } from '../app/capability';
import type { StoredResource } from '../app/resources';
import {
  createResource,
  etagOf,
  type Requester,
  readResource,
  readVersion,
  resourceHistory,
  searchResources,
  updateResource,
} from '../app/resources';
import { ehrPorts } from '../compose';
import { notStaff } from '../errors';
import { ehrService } from '../routes';

const FHIR = { 'content-type': 'application/fhir+json; charset=utf-8' };
const STARTED = new Date().toISOString();

function requesterOf(request: { caller: Caller; sourceIp: string; requestId: string }): Requester {
  if (request.caller.kind !== 'staff') throw notStaff();
  return { who: request.caller.subject, provider: request.caller.department, sourceIp: request.sourceIp, requestId: request.requestId };
}

const fhirBase = (baseUrl: string) => `${baseUrl}/fhir`;
const withEtag = (r: StoredResource) => ({ ...FHIR, etag: etagOf(r), location: `${r.resourceType}/${r.id}/_history/${r.meta.versionId}` });

function bundle(type: 'searchset' | 'history', self: string, resources: readonly StoredResource[], base: string, next?: string) {
  return {
    resourceType: 'Bundle',
    type,
    link: [{ relation: 'self', url: self }, ...(next ? [{ relation: 'next', url: next }] : [])],
    entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource })),
  };
}

const handlers: Handlers<typeof ehrService.routes> = {
  async capabilities(request) {
    return json(200, capabilities(fhirBase(request.baseUrl), { name: ehrService.title, version: ehrService.version }, STARTED), FHIR);
  },
  async search(request) {
    const ports = await ehrPorts();
    const { type } = request.params;
    const page = await searchResources(ports, requesterOf(request), type, request.query);
    const base = fhirBase(request.baseUrl);
    const url = (cursor?: string) => {
      const u = new URL(`${base}/${type}`);
      for (const [k, v] of Object.entries(request.query)) if (v !== undefined && k !== '_page') u.searchParams.set(k, String(v));
      if (cursor) u.searchParams.set('_page', cursor);
      return u.toString();
    };
    const next = page.next ? url(encodeCursor(page.next)) : undefined;
    return json(200, bundle('searchset', url(request.query._page), page.items, base, next), FHIR);
  },
  async create(request) {
    const ports = await ehrPorts();
    const { resource, created } = await createResource(
      ports,
      requesterOf(request),
      request.params.type,
      request.body,
      request.headers['if-none-exist'],
    );
    return json(created ? 201 : 200, resource, withEtag(resource));
  },
  async read(request) {
    const resource = await readResource(await ehrPorts(), requesterOf(request), request.params.type, request.params.id);
    return json(200, resource, withEtag(resource));
  },
  async update(request) {
    const { type, id } = request.params;
    const ports = await ehrPorts();
    const { resource, created } = await updateResource(ports, requesterOf(request), type, id, request.body, request.headers['if-match']);
    return json(created ? 201 : 200, resource, withEtag(resource));
  },
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
};

export const handler = createApiHandler(ehrService, handlers);

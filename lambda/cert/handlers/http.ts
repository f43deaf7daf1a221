import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { json } from '../../shared/http';
import { CERT_ANALYST_GROUP, isPlatformAdmin, officerDepartment, type Caller as PlatformCaller } from '../../shared/identity';
import { advisoryFeed, listAdvisories, publishAdvisory } from '../app/advisories';
import { getIncident, listIncidents, reportIncident, triageIncident } from '../app/incidents';
import { addKnownExploited, knownExploitedCatalogue } from '../app/known-exploited';
import { certPorts } from '../compose';
import { certService } from '../routes';

const PUBLIC_CACHE = { 'cache-control': 'public, max-age=300' };

/** The CERT's view of a platform caller: an administrator, a CERT analyst, a department officer, or the public. */
function certCaller(caller: PlatformCaller) {
  if (isPlatformAdmin(caller)) return { kind: 'admin' } as const;
  if (caller.kind === 'staff' && caller.groups.includes(CERT_ANALYST_GROUP)) return { kind: 'analyst' } as const;
  const department = officerDepartment(caller);
  if (department) return { kind: 'officer', department, roles: caller.kind === 'staff' ? caller.roles : [] } as const;
  return { kind: 'public' } as const;
}

/** Where a request came from, for the audit record. */
function requestContext(request: {
  requestId: string;
  sourceIp: string;
  headers: Readonly<Record<string, string>>;
  caller: PlatformCaller;
}) {
  const c = request.caller;
  const principalId =
    c.kind === 'staff' || c.kind === 'citizen'
      ? c.subject
      : c.kind === 'department-principal' || c.kind === 'client'
        ? c.principal
        : undefined;
  return { requestId: request.requestId, sourceIp: request.sourceIp, userAgent: request.headers['user-agent'], principalId };
}

const handlers: Handlers<typeof certService.routes> = {
  async reportIncident(request) {
    const context = { ...requestContext(request), idempotencyKey: request.headers['idempotency-key'] };
    const { incident, etag, replayed } = await reportIncident(await certPorts(), certCaller(request.caller), request.body, context);
    return json(replayed ? 200 : 201, incident, { etag });
  },

  async listIncidents(request) {
    const page = await listIncidents(await certPorts(), certCaller(request.caller), request.query);
    return json(200, { incidents: page.items, next: page.nextCursor ?? null });
  },

  async getIncident(request) {
    const { incident, etag } = await getIncident(await certPorts(), certCaller(request.caller), request.params.id);
    return json(200, incident, { etag });
  },

  async triageIncident(request) {
    const caller = certCaller(request.caller);
    const { params, body, headers } = request;
    const { incident, etag } = await triageIncident(
      await certPorts(),
      caller,
      params.id,
      body,
      headers['if-match'],
      requestContext(request),
    );
    return json(200, incident, { etag });
  },

  async listAdvisories(request) {
    if (request.query.format === 'atom' || (request.headers.accept ?? '').includes('application/atom+xml')) {
      const list = `${request.baseUrl}/advisories`;
      const feed = await advisoryFeed(await certPorts(), request.query, {
        feedId: 'tag:cert.gov.hk,2026:advisories',
        title: 'Government CERT security advisories',
        pageUrl: (cursor) => `${list}?format=atom${cursor ? `&cursor=${cursor}` : ''}`,
        advisoryUrl: (id) => `${list}#${id}`,
        author: 'Government CERT',
      });
      return { status: 200, text: feed, headers: { ...PUBLIC_CACHE, 'content-type': 'application/atom+xml; charset=utf-8' } };
    }
    const page = await listAdvisories(await certPorts(), request.query);
    return json(200, { advisories: page.items, next: page.nextCursor ?? null }, PUBLIC_CACHE);
  },

  async publishAdvisory(request) {
    return json(201, await publishAdvisory(await certPorts(), certCaller(request.caller), request.body, requestContext(request)));
  },

  async knownExploited() {
    return json(200, await knownExploitedCatalogue(await certPorts()), PUBLIC_CACHE);
  },

  async addKnownExploited(request) {
    return json(201, await addKnownExploited(await certPorts(), certCaller(request.caller), request.body, requestContext(request)));
  },
};

export const handler = createApiHandler(certService, handlers);

import type { Handlers } from '../shared/api-handler';
import { HttpError } from '../shared/errors';
import { type HttpResponse, json } from '../shared/http';
import { CERT_ANALYST_GROUP, isPlatformAdmin, officerDepartment, type Caller as PlatformCaller } from '../shared/identity';
import type { Caller, RequestContext } from './domain/caller';
import { ERROR_STATUS, type Result } from './domain/errors';
import type { certService } from './routes';
import * as service from './service';
import { dynamoPorts } from './store';

const ports = dynamoPorts();

/** The CERT's view of a platform caller. */
export function certCaller(caller: PlatformCaller): Caller {
  if (isPlatformAdmin(caller)) return { kind: 'admin' };
  if (caller.kind === 'staff' && caller.groups.includes(CERT_ANALYST_GROUP)) return { kind: 'analyst' };
  const department = officerDepartment(caller);
  if (department) return { kind: 'officer', department, roles: caller.kind === 'staff' ? caller.roles : [] };
  return { kind: 'public' };
}

function context(request: {
  requestId: string;
  sourceIp: string;
  headers: Readonly<Record<string, string>>;
  caller: PlatformCaller;
}): RequestContext {
  const c = request.caller;
  const principalId =
    c.kind === 'staff' || c.kind === 'citizen'
      ? c.subject
      : c.kind === 'department-principal' || c.kind === 'client'
        ? c.principal
        : undefined;
  return { requestId: request.requestId, sourceIp: request.sourceIp, userAgent: request.headers['user-agent'], principalId };
}

/** The value, or the domain's error as an HTTP error; nothing was changed when it failed. */
function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new HttpError(ERROR_STATUS[result.error.kind], result.error.kind.replaceAll('-', '_'), result.error.message);
}

const withEtag = (status: number, tagged: service.TaggedIncident): HttpResponse => json(status, tagged.incident, { etag: tagged.etag });

export const handlers: Handlers<typeof certService.routes> = {
  async reportIncident(request) {
    const result = unwrap(
      await service.reportIncident(ports, certCaller(request.caller), request.body, {
        ...context(request),
        idempotencyKey: request.headers['idempotency-key'],
      }),
    );
    return withEtag(result.replayed ? 200 : 201, result);
  },

  async listIncidents(request) {
    const page = unwrap(await service.listIncidents(ports, certCaller(request.caller), request.query));
    return json(200, { incidents: page.items, next: page.nextCursor ?? null });
  },

  async getIncident(request) {
    return withEtag(200, unwrap(await service.getIncident(ports, certCaller(request.caller), request.params.id)));
  },

  async triageIncident(request) {
    const caller = certCaller(request.caller);
    return withEtag(
      200,
      unwrap(await service.triageIncident(ports, caller, request.params.id, request.body, request.headers['if-match'], context(request))),
    );
  },

  async listAdvisories(request) {
    const headers = { 'cache-control': 'public, max-age=300' };
    if (request.query.format === 'atom' || (request.headers.accept ?? '').includes('application/atom+xml')) {
      const base = `https://${request.headers.host ?? 'localhost'}/cert`;
      const feed = unwrap(
        await service.advisoryFeed(ports, request.query, {
          feedId: 'tag:cert.gov.hk,2026:advisories',
          title: 'Government CERT security advisories',
          selfUrl: `${base}/advisories?format=atom`,
          advisoryUrl: (id) => `${base}/advisories#${id}`,
          author: 'Government CERT',
        }),
      );
      return { status: 200, text: feed, headers: { ...headers, 'content-type': 'application/atom+xml; charset=utf-8' } };
    }
    const page = unwrap(await service.listAdvisories(ports, request.query));
    return json(200, { advisories: page.items, next: page.nextCursor ?? null }, headers);
  },

  async publishAdvisory(request) {
    return json(201, unwrap(await service.publishAdvisory(ports, certCaller(request.caller), request.body, context(request))));
  },

  async knownExploited() {
    return json(200, unwrap(await service.knownExploitedCatalogue(ports)), { 'cache-control': 'public, max-age=300' });
  },

  async addKnownExploited(request) {
    return json(201, unwrap(await service.addKnownExploited(ports, certCaller(request.caller), request.body, context(request))));
  },
};

import { createApiHandler, type Handlers, type RouteHandler } from '../../shared/api-handler';
import { HttpError, notFound } from '../../shared/errors';
import { type HttpResponse, json } from '../../shared/http';
import { type ActionRequest, CKAN_ACTIONS, isCkanAction, runCkanAction } from '../app/actions';
import { getArchivedFile, listArchivedFiles, listArchivedFileVersions } from '../app/archive';
import { dcatCatalog, dcatUsCatalog } from '../app/catalog-export';
import { datasetEtag, packageForRead } from '../app/datasets';
import { downloadLocation, resolveDownload } from '../app/downloads';
import { openDataPorts, preloadCatalogue } from '../compose';
import type { ArchiveError } from '../domain/archive';
import { openDataCaller, PUBLIC_CALLER, type RequestContext } from '../domain/caller';
import { errorEnvelope } from '../domain/envelope';
import { ckanError } from '../domain/errors';
import type { Lang } from '../domain/language';
import type { OpenDataPorts } from '../ports';
import { ACTION_ROUTES, type ActionRouteId, openDataService, PUBLISHER_PATH } from '../routes';

type Routes = typeof openDataService.routes;
type Request<K extends keyof Routes> = Parameters<RouteHandler<Routes[K]>>[0];

preloadCatalogue();

/** Who calls and from where. Public sites answer anonymously whatever was sent. */
function context(request: Request<'getAction'>, lang: Lang, publisher: boolean): RequestContext {
  return {
    caller: publisher ? openDataCaller(request.caller) : PUBLIC_CALLER,
    lang,
    requestId: request.requestId,
    ...(request.sourceIp ? { sourceIp: request.sourceIp } : {}),
    ...(publisher && request.headers['if-match'] ? { ifMatch: request.headers['if-match'] } : {}),
  };
}

/** Actions whose successful answer names one dataset, and where its id is in the result. */
const DATASET_RESULTS: Readonly<Record<string, (result: unknown) => unknown>> = {
  package_show: (result) => (result as { id?: unknown }).id,
  package_create: (result) => (result as { id?: unknown }).id,
  package_update: (result) => (result as { id?: unknown }).id,
  package_patch: (result) => (result as { id?: unknown }).id,
  package_revise: (result) => (result as { package?: { id?: unknown } }).package?.id,
};

/** The ETag of the dataset an action answered with, for a later If-Match. */
async function datasetEtagHeader(d: OpenDataPorts, ctx: RequestContext, action: string, body: unknown): Promise<Record<string, string>> {
  const id = DATASET_RESULTS[action]?.((body as { result?: unknown }).result ?? {});
  if (typeof id !== 'string') return {};
  const pkg = await packageForRead(d, ctx, id);
  return pkg ? { etag: datasetEtag(pkg) } : {};
}

function actionHandler(method: 'GET' | 'POST', lang: Lang, publisher: boolean) {
  return async (request: Request<'getAction'> | Request<'postAction'>): Promise<HttpResponse> => {
    const d = await openDataPorts(request.baseUrl);
    const action = request.params.action;
    if (!publisher && isCkanAction(action) && !CKAN_ACTIONS[action].sideEffectFree) {
      const refused = errorEnvelope(
        d.site.siteUrl,
        action,
        ckanError.notAuthorized(
          `publishing goes through ${d.site.siteUrl}${PUBLISHER_PATH}/api/3/action/${action}, with your staff token (Authorization: Bearer <token>) and your department's API key (x-api-key)`,
        ),
      );
      return { status: refused.status, body: refused.body };
    }
    const ctx = context(request as Request<'getAction'>, lang, publisher);
    const input: ActionRequest =
      method === 'GET'
        ? { method, query: (request as Request<'getAction'>).query as ActionRequest['query'] }
        : { method, data: (request as Request<'postAction'>).body };
    const answer = await runCkanAction(d, ctx, action, input);
    const headers = publisher && answer.status === 200 ? await datasetEtagHeader(d, ctx, action, answer.body) : {};
    return { status: answer.status, body: answer.body, headers };
  };
}

/** An archive answer, or its error in the service's (CKAN) error shape. */
function archived<T>(outcome: { ok: true; value: T } | { ok: false; error: ArchiveError }): T {
  if (outcome.ok) return outcome.value;
  const { status, message, details } = outcome.error;
  throw new HttpError(status, status === 404 ? 'not_found' : 'validation_failed', message, details);
}

const redirect = (location: string): HttpResponse => ({ status: 302, headers: { location } });

const actionHandlers = Object.fromEntries(
  ACTION_ROUTES.map(({ site, method, id }) => [id, actionHandler(method, site.lang, site.publisher)]),
) as Pick<Handlers<Routes>, ActionRouteId>;

const handlers: Handlers<Routes> = {
  ...actionHandlers,

  async listArchivedFiles(request) {
    return json(200, archived(await listArchivedFiles(await openDataPorts(request.baseUrl), request.query)));
  },

  async listArchivedFileVersions(request) {
    return json(200, archived(await listArchivedFileVersions(await openDataPorts(request.baseUrl), request.query)));
  },

  async getArchivedFile(request) {
    return redirect(archived(await getArchivedFile(await openDataPorts(request.baseUrl), request.query)).location);
  },

  async downloadResource(request) {
    const d = await openDataPorts(request.baseUrl);
    const target = await resolveDownload(d, { caller: PUBLIC_CALLER, requestId: request.requestId }, request.params);
    if (!target) throw notFound('Not found: Resource was not found, or its dataset is not published.');
    return redirect(await downloadLocation(d, target));
  },

  async catalogJsonLd(request) {
    return json(200, await dcatCatalog(await openDataPorts(request.baseUrl)), {
      'content-type': 'application/ld+json; charset=utf-8',
      'cache-control': 'public, max-age=300',
    });
  },

  async dataJson(request) {
    return json(200, await dcatUsCatalog(await openDataPorts(request.baseUrl)), { 'cache-control': 'public, max-age=300' });
  },
};

export const handler = createApiHandler(openDataService, handlers);

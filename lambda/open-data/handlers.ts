import type { Handlers, RouteHandler } from '../shared/api-handler';
import { HttpError, notFound } from '../shared/errors';
import { type HttpResponse, json } from '../shared/http';
import { logger } from '../shared/observability';
import { ACTION_ROUTES, type ActionRouteId, PUBLISHER_PATH } from './action-sites';
import type { ArchiveError } from './domain/archive';
import { PUBLIC_CALLER } from './domain/caller';
import { errorEnvelope } from './domain/envelope';
import { ckanError } from './domain/errors';
import type { Lang } from './domain/language';
import type { openDataService } from './routes';
import { getArchivedFile, listArchivedFiles, listArchivedFileVersions } from './service/archive-actions';
import { openDataCaller } from './service/caller-mapping';
import { type ActionRequest, CKAN_ACTIONS, isCkanAction, runCkanAction } from './service/ckan-actions';
import type { OpenDataDeps, RequestContext } from './service/context';
import { downloadLocation, resolveDownload } from './service/download-actions';
import { dcatCatalog, dcatUsCatalog } from './service/export-actions';
import { datasetEtag, packageForRead } from './service/read-actions';
import { openDataDeps } from './store';

type Routes = typeof openDataService.routes;
type Request<K extends keyof Routes> = Parameters<RouteHandler<Routes[K]>>[0];

const deps = openDataDeps();
/** Whether the site URL is configured (in AWS); otherwise it is the address the caller used (local mode). */
const siteConfigured = Boolean(process.env.OPEN_DATA_SITE_URL);

if (process.env.AWS_LAMBDA_FUNCTION_NAME) {
  // Start loading the search index while Lambda initialises the instance, ahead of its first
  // request. Local mode seeds after loading handlers, so there the first request loads it.
  deps.catalog.current().catch((error: Error) => logger.warn('catalogue not loaded at start; the first request loads it', error));
}

/** The dependencies with the site URL the request should see in links. */
function depsFor(baseUrl: string): OpenDataDeps {
  if (siteConfigured) return deps;
  return { ...deps, site: { ...deps.site, siteUrl: baseUrl, downloadBaseUrl: baseUrl } };
}

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
async function datasetEtagHeader(d: OpenDataDeps, ctx: RequestContext, action: string, body: unknown): Promise<Record<string, string>> {
  const id = DATASET_RESULTS[action]?.((body as { result?: unknown }).result ?? {});
  if (typeof id !== 'string') return {};
  const pkg = await packageForRead(d, ctx, id);
  return pkg ? { etag: datasetEtag(pkg) } : {};
}

function actionHandler(method: 'GET' | 'POST', lang: Lang, publisher: boolean) {
  return async (request: Request<'getAction'> | Request<'postAction'>): Promise<HttpResponse> => {
    const d = depsFor(request.baseUrl);
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

export const handlers: Handlers<Routes> = {
  ...actionHandlers,

  async listArchivedFiles(request) {
    return json(200, archived(await listArchivedFiles(depsFor(request.baseUrl), request.query)));
  },

  async listArchivedFileVersions(request) {
    return json(200, archived(await listArchivedFileVersions(depsFor(request.baseUrl), request.query)));
  },

  async getArchivedFile(request) {
    return redirect(archived(await getArchivedFile(depsFor(request.baseUrl), request.query)).location);
  },

  async downloadResource(request) {
    const d = depsFor(request.baseUrl);
    const target = await resolveDownload(d, { caller: PUBLIC_CALLER, requestId: request.requestId }, request.params);
    if (!target) throw notFound('Not found: Resource was not found, or its dataset is not published.');
    return redirect(await downloadLocation(d, target));
  },

  async catalogJsonLd(request) {
    return json(200, await dcatCatalog(depsFor(request.baseUrl)), {
      'content-type': 'application/ld+json; charset=utf-8',
      'cache-control': 'public, max-age=300',
    });
  },

  async dataJson(request) {
    return json(200, await dcatUsCatalog(depsFor(request.baseUrl)), { 'cache-control': 'public, max-age=300' });
  },
};

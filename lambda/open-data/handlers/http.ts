import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { type HttpResponse, json, type RequestOf } from '../../shared/http';
import { type ActionCall, type ActionHandlers, type RequestContext, readAction, requestContext } from '../app/actions';
import { getArchivedFile, listArchivedFiles, listArchivedFileVersions } from '../app/archive';
import { dcatCatalog, dcatUsCatalog } from '../app/catalog-export';
import {
  currentDatasetEtag,
  currentPackageListWithResources,
  packageAutocomplete,
  packageList,
  packageSearch,
  packageShow,
} from '../app/datasets';
import { downloadLocation, resolveDownload } from '../app/downloads';
import {
  groupAutocomplete,
  groupList,
  groupPackageShow,
  groupShow,
  organizationAutocomplete,
  organizationList,
  organizationListForUser,
  organizationShow,
} from '../app/organizations';
import { packageCreate, packageDelete, packagePatch, packageRevise, packageUpdate } from '../app/publishing';
import {
  formatAutocomplete,
  resourceCreate,
  resourceDelete,
  resourcePatch,
  resourceSearch,
  resourceShow,
  resourceUpdate,
  resourceViewList,
  uploadComplete,
} from '../app/resources';
import { helpShow, licenseList, siteRead, statusShow, vocabularyList } from '../app/site';
import { tagAutocomplete, tagList, tagSearch, tagShow } from '../app/tags';
import { openDataPorts, preloadCatalogue } from '../compose';
import { API_HELP, actionHelp, inAction } from '../errors';
import type { OpenDataPorts } from '../ports';
import {
  ACTION_ROUTES,
  type ActionMethod,
  type ActionRouteId,
  type ActionSite,
  isCkanAction,
  openDataService,
  SEARCH_ACTION,
  SEARCH_ROUTES,
  type SearchRouteId,
} from '../routes';

type Routes = typeof openDataService.routes;

preloadCatalogue();

/** The use case of each action that routes.ts declares in CKAN_ACTIONS. */
const actions: ActionHandlers = {
  package_list: packageList,
  package_show: packageShow,
  package_search: packageSearch,
  resource_show: resourceShow,
  organization_list: organizationList,
  organization_show: organizationShow,
  group_list: groupList,
  group_show: groupShow,
  tag_list: tagList,
  status_show: statusShow,
  site_read: siteRead,
  help_show: helpShow,
  license_list: licenseList,
  vocabulary_list: vocabularyList,
  current_package_list_with_resources: currentPackageListWithResources,
  package_autocomplete: packageAutocomplete,
  group_package_show: groupPackageShow,
  organization_autocomplete: organizationAutocomplete,
  group_autocomplete: groupAutocomplete,
  organization_list_for_user: organizationListForUser,
  tag_show: tagShow,
  tag_search: tagSearch,
  tag_autocomplete: tagAutocomplete,
  resource_search: resourceSearch,
  resource_view_list: resourceViewList,
  format_autocomplete: formatAutocomplete,
  package_create: packageCreate,
  package_update: packageUpdate,
  package_patch: packagePatch,
  package_revise: packageRevise,
  package_delete: packageDelete,
  resource_create: resourceCreate,
  resource_update: resourceUpdate,
  resource_patch: resourcePatch,
  resource_delete: resourceDelete,
  resource_upload_complete: uploadComplete,
};

/**
 * One Action API call answered with CKAN's envelope. A failure is thrown on to the error
 * formatter (errors.ts) marked with the action's `help` link, which CKAN puts in its envelope.
 */
export async function answerAction(ports: OpenDataPorts, ctx: RequestContext, call: ActionCall): Promise<HttpResponse> {
  // An unknown action has no help of its own: its refusal links to the API's documentation.
  const help = isCkanAction(call.action) ? actionHelp(ports.site.siteUrl, call.action) : API_HELP;
  try {
    const { action, params } = readAction(ports.site.siteUrl, call);
    // The action and its parameters are checked together; TypeScript cannot follow that through a union.
    const run = actions[action] as (ports: OpenDataPorts, ctx: RequestContext, params: unknown) => Promise<unknown>;
    return json(200, { help, success: true, result: await run(ports, ctx, params) });
  } catch (error) {
    throw inAction(error, help);
  }
}

/** Actions whose answer names one dataset, and where its id is in the result: they answer with its ETag. */
const DATASET_RESULTS: Readonly<Record<string, (result: unknown) => unknown>> = {
  package_show: (result) => (result as { id?: unknown }).id,
  package_create: (result) => (result as { id?: unknown }).id,
  package_update: (result) => (result as { id?: unknown }).id,
  package_patch: (result) => (result as { id?: unknown }).id,
  package_revise: (result) => (result as { package?: { id?: unknown } }).package?.id,
};

/** The ETag of the dataset an action answered with, for a later If-Match. */
async function etagOf(ports: OpenDataPorts, ctx: RequestContext, action: string, body: unknown): Promise<Record<string, string>> {
  const id = DATASET_RESULTS[action]?.((body as { result?: unknown }).result ?? {});
  if (typeof id !== 'string') return {};
  const etag = await currentDatasetEtag(ports, ctx, id);
  return etag ? { etag } : {};
}

type ActionRequest = RequestOf<Routes['getAction']> | RequestOf<Routes['postAction']>;
type SearchRequest = RequestOf<Routes['getPackageSearch']> | RequestOf<Routes['postPackageSearch']>;

/** An action route's handler; package_search's own routes name no action, theirs is package_search. */
function actionRoute(site: ActionSite, method: ActionMethod) {
  return async (request: ActionRequest | SearchRequest): Promise<HttpResponse> => {
    const ports = await openDataPorts(request.baseUrl);
    const ctx = requestContext(request, site);
    const action = 'action' in request.params ? request.params.action : SEARCH_ACTION;
    const answer = await answerAction(ports, ctx, {
      site,
      action,
      request:
        method === 'GET'
          ? { method, query: (request as RequestOf<Routes['getAction']>).query as ActionCall['request']['query'] }
          : { method, data: (request as RequestOf<Routes['postAction']>).body },
    });
    return site.publisher ? { ...answer, headers: await etagOf(ports, ctx, action, answer.body) } : answer;
  };
}

const redirect = (location: string): HttpResponse => ({ status: 302, headers: { location } });

const actionRoutes = Object.fromEntries(
  [...ACTION_ROUTES, ...SEARCH_ROUTES].map(({ site, method, id }) => [id, actionRoute(site, method)]),
) as Pick<Handlers<Routes>, ActionRouteId | SearchRouteId>;

const handlers: Handlers<Routes> = {
  ...actionRoutes,

  listArchivedFiles: async (request) => json(200, await listArchivedFiles(await openDataPorts(request.baseUrl), request.query)),

  listArchivedFileVersions: async (request) =>
    json(200, await listArchivedFileVersions(await openDataPorts(request.baseUrl), request.query)),

  getArchivedFile: async (request) => redirect((await getArchivedFile(await openDataPorts(request.baseUrl), request.query)).location),

  async downloadResource(request) {
    const ports = await openDataPorts(request.baseUrl);
    const target = await resolveDownload(ports, requestContext(request), request.params);
    return redirect(await downloadLocation(ports, target));
  },

  catalogJsonLd: async (request) =>
    json(200, await dcatCatalog(await openDataPorts(request.baseUrl)), {
      'content-type': 'application/ld+json; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),

  dataJson: async (request) =>
    json(200, await dcatUsCatalog(await openDataPorts(request.baseUrl)), { 'cache-control': 'public, max-age=300' }),
};

export const handler = createApiHandler(openDataService, handlers);

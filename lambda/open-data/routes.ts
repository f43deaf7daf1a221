import * as z from 'zod';
import type { HttpError } from '../shared/errors';
import { type AuthMode, defineService, type RequestProblem, type RouteDefinition } from '../shared/route';
import { getFileParams, listFilesParams, listFileVersionsParams, MAX_PERIOD_DAYS } from './domain/archive';
import { LANGUAGES, type Lang } from './domain/language';
import {
  currentPackageListParams,
  formatAutocompleteParams,
  groupAutocompleteParams,
  groupListParams,
  groupPackageShowParams,
  groupShowParams,
  helpShowParams,
  noParams,
  organizationListForUserParams,
  organizationListParams,
  organizationShowParams,
  packageAutocompleteParams,
  packageListParams,
  packageSearchBody,
  packageSearchParams,
  packageSearchQuery,
  packageShowParams,
  resourceSearchParams,
  resourceShowParams,
  SORT_REFUSED,
  statusShowParams,
  tagListParams,
  tagSearchParams,
  tagShowParams,
} from './domain/params';
import { packageReviseParams } from './domain/revise';
import {
  packageCreateParams,
  packageDeleteParams,
  packagePatchParams,
  packageUpdateParams,
  resourceCreateParams,
  resourceDeleteParams,
  resourcePatchParams,
  resourceUpdateParams,
  uploadCompleteParams,
} from './domain/write-params';
import { actionHelp, fieldErrors, formatError, inAction, invalid, postRequired, requestError, searchQueryInvalid } from './errors';

/**
 * The open data portal: CKAN's Action API v3, the historical archive API of DATA.GOV.HK,
 * counted downloads and DCAT exports.
 *
 * Who may call what. Read actions are public and answer anonymously (public routes carry no
 * authorizer, so a token sent there is not seen). Publishing officers use the publishers' site,
 * `/open-data/publisher/api/3/action/{action}`: the same Action API, every action, behind the
 * staff user pool and the department's API key. A CKAN client points its base URL there and
 * sends `Authorization: Bearer <staff ID token>` (ckanapi's `apikey`) and `x-api-key`; there
 * its officer sees and changes its department's private and draft datasets. A write action
 * sent to a public site is refused with CKAN's Authorization Error naming the publishers' site.
 */

export const OPEN_DATA_BASE = '/open-data';

/** Where publishing officers call the Action API, under the base path. */
export const PUBLISHER_PATH = '/publisher';

export type ActionMethod = 'GET' | 'POST';

export interface CkanActionDefinition {
  /** GET as well as POST for CKAN's side-effect-free actions; POST only for the others. */
  readonly methods: readonly ActionMethod[];
  /** `public` actions answer on every site; the others only on the publishers' site, to its officers. */
  readonly auth: 'public' | 'department-officer';
  /** Its parameters, checked as CKAN checks them: a refusal is CKAN's 409 with a message per field. */
  readonly params: z.ZodType;
  /** What it answers, for whoever reads this table. */
  readonly summary: string;
}

/** CKAN's side-effect-free actions. */
const READ = { methods: ['GET', 'POST'], auth: 'public' } as const;
/** The actions that change the catalogue. */
const WRITE = { methods: ['POST'], auth: 'department-officer' } as const;

/**
 * Every action of `.../api/3/action/{action}`, on every site below. `actions` in
 * handlers/http.ts names the use case in app/ answering each (package_search: packageSearch in
 * app/datasets.ts), which gets the parameters as checked here.
 */
export const CKAN_ACTIONS = {
  package_list: { ...READ, params: packageListParams, summary: 'Names of the published datasets, sorted; limit and offset page them' },
  package_show: { ...READ, params: packageShowParams, summary: 'One dataset, by id or name, with its resources' },
  package_search: {
    ...READ,
    params: packageSearchParams,
    summary: 'Datasets matching q and fq, sorted, paged with rows and start, values counted per facet.field',
  },
  resource_show: { ...READ, params: resourceShowParams, summary: 'One resource, by id' },
  organization_list: { ...READ, params: organizationListParams, summary: 'The publishing departments, as names or (all_fields) objects' },
  organization_show: { ...READ, params: organizationShowParams, summary: 'One department, with its published datasets if asked' },
  group_list: { ...READ, params: groupListParams, summary: 'The data categories, as names or (all_fields) objects' },
  group_show: { ...READ, params: groupShowParams, summary: 'One category, with its published datasets if asked' },
  tag_list: { ...READ, params: tagListParams, summary: 'Tags of the published datasets, those containing query if given' },
  status_show: { ...READ, params: statusShowParams, summary: 'The site and the CKAN version it answers like' },
  site_read: { ...READ, params: noParams, summary: 'Whether the site may be read: always true' },
  help_show: { ...READ, params: helpShowParams, summary: 'What an action does and the parameters it reads' },
  license_list: { ...READ, params: noParams, summary: 'The licences datasets may carry' },
  vocabulary_list: { ...READ, params: noParams, summary: 'Tag vocabularies: none, tags here are free tags' },
  current_package_list_with_resources: {
    ...READ,
    params: currentPackageListParams,
    summary: 'The most recently changed datasets with their resources, paged with limit and offset',
  },
  package_autocomplete: { ...READ, params: packageAutocompleteParams, summary: 'Datasets whose name or title contains q' },
  group_package_show: { ...READ, params: groupPackageShowParams, summary: 'The published datasets of a category, newest first' },
  organization_autocomplete: { ...READ, params: groupAutocompleteParams, summary: 'Departments whose name or title contains q' },
  group_autocomplete: { ...READ, params: groupAutocompleteParams, summary: 'Categories whose name or title contains q' },
  organization_list_for_user: {
    ...READ,
    params: organizationListForUserParams,
    summary: 'The departments the caller may publish for, with its capacity; none for an anonymous caller',
  },
  tag_show: { ...READ, params: tagShowParams, summary: 'One tag, with its published datasets if asked' },
  tag_search: { ...READ, params: tagSearchParams, summary: 'Tags containing every term of query, counted and paged' },
  tag_autocomplete: { ...READ, params: tagSearchParams, summary: 'Names of tags containing every term of query' },
  resource_search: {
    ...READ,
    params: resourceSearchParams,
    summary: 'Resources of published datasets whose fields hold every field:term of query',
  },
  resource_view_list: { ...READ, params: resourceShowParams, summary: 'The views of a resource: none are kept here' },
  format_autocomplete: { ...READ, params: formatAutocompleteParams, summary: 'Resource formats containing q, commonest first' },
  package_create: { ...WRITE, params: packageCreateParams, summary: 'A new dataset of the officer’s department' },
  package_update: {
    ...WRITE,
    params: packageUpdateParams,
    summary: 'Replaces a dataset’s fields; its resources are kept when none are given',
  },
  package_patch: { ...WRITE, params: packagePatchParams, summary: 'Changes only the fields given' },
  package_revise: { ...WRITE, params: packageReviseParams, summary: 'Applies update only while the dataset still matches match' },
  package_delete: { ...WRITE, params: packageDeleteParams, summary: 'Deletes a dataset: kept, seen only by its department' },
  resource_create: { ...WRITE, params: resourceCreateParams, summary: 'Adds a link, or a file to upload by a presigned PUT' },
  resource_update: { ...WRITE, params: resourceUpdateParams, summary: 'Changes a resource; an upload replaces its file' },
  resource_patch: { ...WRITE, params: resourcePatchParams, summary: 'Changes only the given fields of a resource' },
  resource_delete: { ...WRITE, params: resourceDeleteParams, summary: 'Removes a resource from its dataset; its archived versions stay' },
  resource_upload_complete: {
    ...WRITE,
    params: uploadCompleteParams,
    summary: 'Checks an uploaded file against its declaration and makes it the resource’s current file',
  },
} as const satisfies Record<string, CkanActionDefinition>;

export type CkanActionName = keyof typeof CKAN_ACTIONS;

export function isCkanAction(name: string): name is CkanActionName {
  return Object.hasOwn(CKAN_ACTIONS, name);
}

const WRITE_ACTIONS = Object.entries(CKAN_ACTIONS)
  .filter(([, action]) => action.auth !== 'public')
  .map(([name]) => name);

/**
 * Where the Action API answers. Like DATA.GOV.HK, a language site per language
 * (`/tc-data/api/3/action/...`) picks the language of titles and descriptions; the publishers'
 * site answers every action with the calling officer's identity. Each answers at CKAN's
 * versioned path and at its unversioned one (`/api/action/...`), which ckanapi calls.
 */

type SiteKey = '' | Capitalize<Lang> | 'Publisher';

export interface ActionSite {
  /** Part of its route ids, like `Tc`. */
  readonly key: SiteKey;
  /** Its path under the base path, like `/tc-data`; empty for the main site. */
  readonly path: string;
  /** Language of titles and descriptions in its answers. */
  readonly lang: Lang;
  /** The publishers' site: every action, as the calling officer; behind the staff pool and an API key. */
  readonly publisher: boolean;
}

const capitalize = <L extends Lang>(lang: L) => `${lang[0].toUpperCase()}${lang.slice(1)}` as Capitalize<L>;

export const ACTION_SITES: readonly ActionSite[] = [
  { key: '', path: '', lang: 'en', publisher: false },
  ...LANGUAGES.map((lang) => ({ key: capitalize(lang), path: `/${lang}-data`, lang, publisher: false })),
  { key: 'Publisher', path: PUBLISHER_PATH, lang: 'en', publisher: true },
];

/** CKAN's action paths: with the API version, and without it (the latest version). */
export const ACTION_PATHS = [
  { key: '', path: '/api/3/action/{action}' },
  { key: 'Unversioned', path: '/api/action/{action}' },
] as const;

type ActionPath = (typeof ACTION_PATHS)[number];
export type ActionRouteId<M extends ActionMethod = ActionMethod> = `${Lowercase<M>}${SiteKey}Action${ActionPath['key']}`;

/** The route id of one method of one action path of one site, like `getTcAction` or `postPublisherActionUnversioned`. */
export function actionRouteId<M extends ActionMethod>(method: M, site: ActionSite, path: ActionPath): ActionRouteId<M> {
  return `${method.toLowerCase()}${site.key}Action${path.key}` as ActionRouteId<M>;
}

export type SearchRouteId<M extends ActionMethod = ActionMethod> = `${Lowercase<M>}${SiteKey}PackageSearch${ActionPath['key']}`;

/** The route id of one method of package_search's own path on one site, like `getTcPackageSearch`. */
export function searchRouteId<M extends ActionMethod>(method: M, site: ActionSite, path: ActionPath): SearchRouteId<M> {
  return `${method.toLowerCase()}${site.key}PackageSearch${path.key}` as SearchRouteId<M>;
}

/** package_search's own routes: site, path and method. */
export const SEARCH_ROUTES = ACTION_SITES.flatMap((site) =>
  ACTION_PATHS.flatMap((path) =>
    (['GET', 'POST'] as const).map((method) => ({ site, path, method, id: searchRouteId(method, site, path) })),
  ),
);

/** Every action route: site, path and method. */
export const ACTION_ROUTES = ACTION_SITES.flatMap((site) =>
  ACTION_PATHS.flatMap((path) =>
    (['GET', 'POST'] as const).map((method) => ({ site, path, method, id: actionRouteId(method, site, path) })),
  ),
);

/** The largest action body: a dataset with its resources is at most about 150 KB. */
const MAX_ACTION_BODY_BYTES = 256 * 1024;

/**
 * package_search answers at its own path on every site (`.../api/3/action/package_search`), which
 * declares exactly its parameters; `{action}` names every other action. API Gateway and local
 * mode route a request to the literal path before the parameter.
 */
export const SEARCH_ACTION = 'package_search' satisfies CkanActionName;

const namesOf = (filter: (action: CkanActionDefinition) => boolean) =>
  Object.entries(CKAN_ACTIONS)
    .filter(([name, action]) => name !== SEARCH_ACTION && filter(action))
    .map(([name]) => name) as [CkanActionName, ...CkanActionName[]];

/** The `{action}` of a GET: CKAN's side-effect-free actions only; another one by GET is CKAN's "Please use POST". */
const actionParamsFor = (method: ActionMethod) =>
  z.strictObject({
    action: z
      .enum(
        namesOf((action) => (action.methods as readonly string[]).includes(method)),
        { error: 'Must be an action of the Action API, like package_show' },
      )
      .describe(
        method === 'GET'
          ? 'A read action (CKAN’s side-effect-free actions), like package_show; package_search has its own path'
          : 'The action, like package_show; write actions only on the publishers’ site; package_search has its own path',
      ),
  });
const getActionParams = actionParamsFor('GET');
const postActionParams = actionParamsFor('POST');

/** What an action route answers besides success and the statuses every route answers. */
const ACTION_RESPONSES = {
  409: 'CKAN’s Validation Error (a parameter is wrong, field by field) or Search Error (a search it cannot run)',
} as const;

/** A public site also refuses write actions. */
const PUBLIC_ACTION_RESPONSES = {
  ...ACTION_RESPONSES,
  403: 'CKAN’s Authorization Error: write actions go to the publishers’ site',
} as const;

const text = (description: string) => z.string().optional().describe(description);

/**
 * The common query parameters of the read actions, for the documentation. Unknown ones pass
 * through: the action itself validates its parameters and answers CKAN's 409 with per-field
 * messages, which a CKAN client expects rather than the runtime's own validation error. An empty
 * value counts as not given.
 */
const actionQuery = z.looseObject({
  id: text('package_show, resource_show, organization_show, group_show: id or name'),
  q: text('organization_list, group_list, the autocompletes: words the name or title contains'),
  sort: text('organization_list, group_list: name or title'),
  limit: text('package_list, organization_list, group_list: page size'),
  offset: text('package_list, organization_list, group_list: items to skip'),
  all_fields: text('organization_list, group_list, tag_list: full objects instead of names'),
});

const actionBody = z.looseObject({}).describe("The action's parameters as a JSON object, {} for none");

const envelope = z.object({
  help: z.string(),
  success: z.boolean(),
  result: z.unknown().optional(),
  error: z.looseObject({ __type: z.string(), message: z.string() }).optional(),
});

function getAction(path: string, auth: AuthMode, summary: string) {
  return {
    method: 'GET',
    path,
    auth,
    summary,
    description: 'Read actions only (CKAN side-effect-free actions); the answer is CKAN’s envelope.',
    params: getActionParams,
    query: actionQuery,
    response: envelope,
    responses: auth === 'public' ? PUBLIC_ACTION_RESPONSES : ACTION_RESPONSES,
  } as const satisfies RouteDefinition;
}

function postAction(path: string, auth: AuthMode, summary: string) {
  return {
    method: 'POST',
    path,
    auth,
    summary,
    description: 'Any action but package_search (at its own path), its parameters as a JSON object; the answer is CKAN’s envelope.',
    params: postActionParams,
    body: actionBody,
    maxBodyBytes: MAX_ACTION_BODY_BYTES,
    response: envelope,
    responses: auth === 'public' ? PUBLIC_ACTION_RESPONSES : ACTION_RESPONSES,
    headers: ['if-match'],
  } as const satisfies RouteDefinition;
}

const SEARCH_DESCRIPTION =
  'package_search, CKAN’s Solr search: exactly the parameters declared, each checked before the search runs (a wrong value is ' +
  'CKAN’s Validation Error, 409, a sort not written as clauses "<field> asc|desc" its Search Query Error, 400, as is a ' +
  'parameter it does not take, but for extensions’ ext_ parameters). A filter the search engine cannot parse, or a field ' +
  'it cannot filter, facet or sort on, is CKAN’s Search Error (409). The answer is CKAN’s envelope.';

function getSearch(path: string, auth: AuthMode, summary: string) {
  return {
    method: 'GET',
    path,
    auth,
    summary,
    description: SEARCH_DESCRIPTION,
    query: packageSearchQuery,
    response: envelope,
    responses: ACTION_RESPONSES,
  } as const satisfies RouteDefinition;
}

function postSearch(path: string, auth: AuthMode, summary: string) {
  return {
    method: 'POST',
    path,
    auth,
    summary,
    description: SEARCH_DESCRIPTION,
    body: packageSearchBody,
    maxBodyBytes: MAX_ACTION_BODY_BYTES,
    response: envelope,
    responses: ACTION_RESPONSES,
  } as const satisfies RouteDefinition;
}

const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { en: 'English', tc: 'Traditional Chinese', sc: 'Simplified Chinese' };

function siteNote(site: ActionSite): string {
  if (site.publisher) return 'as a publishing officer, who sees and changes its department’s datasets, private and draft ones included';
  return `titles and descriptions in ${LANGUAGE_NAMES[site.lang]}`;
}

type ActionRoutes = { readonly [K in ActionRouteId<'GET'>]: ReturnType<typeof getAction> } & {
  readonly [K in ActionRouteId<'POST'>]: ReturnType<typeof postAction>;
};

type SearchRoutes = { readonly [K in SearchRouteId<'GET'>]: ReturnType<typeof getSearch> } & {
  readonly [K in SearchRouteId<'POST'>]: ReturnType<typeof postSearch>;
};

const actionRoutes = Object.fromEntries(
  ACTION_ROUTES.map(({ site, path, method, id }) => {
    const fullPath = `${OPEN_DATA_BASE}${site.path}${path.path}`;
    const auth: AuthMode = site.publisher ? 'department-officer' : 'public';
    const route =
      method === 'GET'
        ? getAction(fullPath, auth, `CKAN read action, ${siteNote(site)}`)
        : postAction(
            fullPath,
            auth,
            site.publisher
              ? `CKAN action by POST, ${siteNote(site)}: ${WRITE_ACTIONS.join(', ')}`
              : `CKAN action by POST, ${siteNote(site)}; write actions go to the publishers’ site`,
          );
    return [id, route];
  }),
) as ActionRoutes;

const searchRoutes = Object.fromEntries(
  SEARCH_ROUTES.map(({ site, path, method, id }) => {
    const fullPath = `${OPEN_DATA_BASE}${site.path}${path.path.replace('{action}', SEARCH_ACTION)}`;
    const auth: AuthMode = site.publisher ? 'department-officer' : 'public';
    const summary = `CKAN package_search${method === 'POST' ? ' by POST' : ''}, ${siteNote(site)}`;
    return [id, method === 'GET' ? getSearch(fullPath, auth, summary) : postSearch(fullPath, auth, summary)];
  }),
) as SearchRoutes;

const SEARCH_ROUTE_IDS: ReadonlySet<string> = new Set(SEARCH_ROUTES.map(({ id }) => id));
const ACTION_ROUTE_IDS: ReadonlySet<string> = new Set(ACTION_ROUTES.map(({ id }) => id));

/**
 * A parameter's own problems where it may be written more than one way (a number, or a number as
 * text): those of the way it was written, not that it was not written another way.
 */
function ownIssues(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const [chosen] = [...issue.errors].sort(
    (a, b) => Number(a.some((i) => i.code === 'invalid_type')) - Number(b.some((i) => i.code === 'invalid_type')),
  );
  if (chosen.some((i) => i.code === 'invalid_type')) return [issue];
  return chosen.map((own) => ({ ...own, path: [...issue.path, ...own.path] })).flatMap(ownIssues);
}

/** A refusal of an action's request linking to the action's help, as its own refusals do, at the address the caller used. */
function withHelp(error: HttpError, problem: RequestProblem, action: CkanActionName): HttpError {
  return problem.baseUrl ? (inAction(error, actionHelp(problem.baseUrl, action)) as HttpError) : error;
}

/**
 * The service's refusal of a request its route schemas refuse, as CKAN words each: a known action
 * that `{action}` of a GET does not name is one with side effects, which CKAN answers "Please use
 * POST" before anything else; package_search's parameters are refused as the action refuses them
 * (a sort that is not one as its Search Query Error, any other value as its Validation Error).
 */
function openDataRequestError(problem: RequestProblem): HttpError | undefined {
  if (ACTION_ROUTE_IDS.has(problem.routeId) && problem.where === 'path') {
    const action = (problem.input as { action?: unknown } | undefined)?.action;
    if (typeof action === 'string' && isCkanAction(action)) return withHelp(postRequired(), problem, action);
  }
  if (SEARCH_ROUTE_IDS.has(problem.routeId) && (problem.where === 'query' || problem.where === 'body') && problem.error) {
    if (problem.where === 'body' && (typeof problem.input !== 'object' || problem.input === null || Array.isArray(problem.input))) {
      return requestError(problem);
    }
    const issues = problem.error.issues.flatMap(ownIssues);
    const refusal =
      issues.some((issue) => issue.path[0] === 'sort') && issues.every((issue) => issue.path[0] === 'sort')
        ? searchQueryInvalid(SORT_REFUSED)
        : invalid(fieldErrors(issues.filter((issue) => issue.path[0] !== 'sort')));
    return withHelp(refusal, problem, SEARCH_ACTION);
  }
  return requestError(problem);
}

const archiveResult = z.looseObject({});

/** What the archive's listings ask of their days that a schema cannot say: how they relate. */
const PERIOD_RULE =
  `start and end are calendar days (Hong Kong time) with end the same day as start or later, and the period from start to end, ` +
  `both counted, spans at most ${MAX_PERIOD_DAYS} days (20240101 to 20241231 is one): a longer one is refused with a 400 ` +
  'naming the limit; ask for a longer history a year at a time.';

export const openDataService = defineService({
  name: 'open-data',
  title: 'Open data portal',
  version: '1.0.0',
  basePath: OPEN_DATA_BASE,
  formatError,
  requestError: openDataRequestError,
  functions: { api: 'lambda/open-data/handlers/http.ts' },
  environment: {
    /** The CKAN base URL, where download links point too; unset in local mode, where it is the address the caller used. */
    siteUrl: 'OPEN_DATA_SITE_URL',
    /** Where counted downloads are redirected: CloudFront in AWS; unset, to a presigned S3 URL. */
    downloadUrl: 'OPEN_DATA_DOWNLOAD_URL',
    /** The contact address in the DCAT exports. @default opendata@example.gov.hk */
    contactEmail: 'OPEN_DATA_CONTACT_EMAIL',
    /** The largest upload accepted, in bytes. @default 100 MiB */
    maxUploadBytes: 'OPEN_DATA_MAX_UPLOAD_BYTES',
  } as const,
  // The whole catalogue is searched in memory; building the index is CPU-bound (STORE.md).
  functionSettings: { api: { memorySize: 1769 } },
  routes: {
    ...actionRoutes,
    ...searchRoutes,
    listArchivedFiles: {
      method: 'GET',
      path: `${OPEN_DATA_BASE}/v1/historical-archive/list-files`,
      auth: 'public',
      summary: 'Historical archive: files with versions between two days (YYYYMMDD), by category, provider, format or words',
      description: `Files of the archive with a version archived between start and end. ${PERIOD_RULE}`,
      query: listFilesParams,
      response: archiveResult,
    },
    listArchivedFileVersions: {
      method: 'GET',
      path: `${OPEN_DATA_BASE}/v1/historical-archive/list-file-versions`,
      auth: 'public',
      summary: 'Historical archive: the versions (YYYYMMDD-HHMM, Hong Kong time) of one file between two days',
      description: `The versions of the file at url archived between start and end. ${PERIOD_RULE}`,
      query: listFileVersionsParams,
      response: archiveResult,
    },
    getArchivedFile: {
      method: 'GET',
      path: `${OPEN_DATA_BASE}/v1/historical-archive/get-file`,
      auth: 'public',
      summary: 'Historical archive: one version of a file, by redirect (302) to its bytes',
      query: getFileParams,
      successStatus: 302,
    },
    downloadResource: {
      method: 'GET',
      path: `${OPEN_DATA_BASE}/dataset/{packageId}/resource/{resourceId}/download/{fileName}`,
      auth: 'public',
      summary: 'Download a resource: counted for the dataset, then a redirect (302) to the file',
      params: z.strictObject({
        packageId: z.string().min(1).max(100),
        resourceId: z.string().min(1).max(100),
        fileName: z.string().min(1).max(200),
      }),
      successStatus: 302,
    },
    catalogJsonLd: {
      method: 'GET',
      path: `${OPEN_DATA_BASE}/catalog.jsonld`,
      auth: 'public',
      responseType: 'application/ld+json',
      summary: 'The published catalogue as DCAT-AP 3 JSON-LD',
      response: z.looseObject({ '@context': z.unknown() }),
    },
    dataJson: {
      method: 'GET',
      path: `${OPEN_DATA_BASE}/data.json`,
      auth: 'public',
      summary: 'The published catalogue as DCAT-US 1.1 (data.json)',
      response: z.looseObject({ conformsTo: z.string(), dataset: z.array(z.unknown()) }),
    },
  },
});

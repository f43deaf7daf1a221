import { langOf, PUBLIC_CALLER, type RequestContext } from '../domain/caller';
import type { Group, Organization, StoredPackage } from '../domain/entities';
import { ckanError, fail, ok, type Result } from '../domain/errors';
import { checkFacetFields, type Facets, type SearchFacets } from '../domain/facets';
import { parseFilterQuery } from '../domain/filter-query';
import { type Lang, pick } from '../domain/language';
import { findLicense } from '../domain/licenses';
import {
  type CkanGroup,
  type CkanOrganization,
  type CkanPackage,
  type CkanResource,
  type CkanTag,
  groupDict,
  organizationDict,
  packageDict,
  resourceDict,
  tagDict,
} from '../domain/package-dict';
import type {
  GroupListParams,
  GroupShowParams,
  OrganizationListParams,
  OrganizationShowParams,
  PackageListParams,
  PackageSearchParams,
  PackageShowParams,
  ResourceShowParams,
  TagListParams,
} from '../domain/params';
import { parseQuery } from '../domain/query';
import type { SearchIndex } from '../domain/search-index';
import { parseSort } from '../domain/sort';
import { mayRead } from '../domain/visibility';
import type { OpenDataPorts } from '../ports';

/**
 * The CKAN read actions. Listings and search come from the in-memory index; package_show and
 * resource_show read DynamoDB, so a client sees a dataset it has just written whichever
 * instance answers.
 */

const NOT_FOUND_DATASET = 'Dataset not found';

async function findPackage(deps: OpenDataPorts, idOrName: string): Promise<StoredPackage | undefined> {
  return (await deps.packages.get(idOrName)) ?? (await deps.packages.getByName(idOrName));
}

/** package_list: names of published datasets, sorted, optionally paged. */
export async function packageList(deps: OpenDataPorts, _ctx: RequestContext, params: PackageListParams): Promise<Result<string[]>> {
  const index = await deps.catalog.current();
  const names = index
    .visible(PUBLIC_CALLER)
    .map((pkg) => pkg.name)
    .sort();
  const offset = params.offset ?? 0;
  return ok(params.limit === undefined ? names.slice(offset) : names.slice(offset, offset + params.limit));
}

/** package_show: one dataset by id or name; unpublished ones only for their department. */
export async function packageShow(deps: OpenDataPorts, ctx: RequestContext, params: PackageShowParams): Promise<Result<CkanPackage>> {
  const [pkg, index] = await Promise.all([findPackage(deps, params.id), deps.catalog.current()]);
  if (!pkg || !mayRead(pkg, index.departmentOf(pkg), ctx.caller)) return fail(ckanError.notFound(NOT_FOUND_DATASET));
  index.upsert(pkg);
  return ok(packageDict(pkg, index, langOf(ctx)));
}

/** The stored dataset behind package_show, with its ETag, for handlers that send one. */
export async function packageForRead(deps: OpenDataPorts, ctx: RequestContext, idOrName: string): Promise<StoredPackage | undefined> {
  const [pkg, index] = await Promise.all([findPackage(deps, idOrName), deps.catalog.current()]);
  return pkg && mayRead(pkg, index.departmentOf(pkg), ctx.caller) ? pkg : undefined;
}

/** An ETag naming a dataset's revision, for If-Match on updates. */
export function datasetEtag(pkg: Pick<StoredPackage, 'id' | 'revision'>): string {
  return `"${pkg.id}.${pkg.revision}"`;
}

/** resource_show: one resource by id, if its dataset may be read. */
export async function resourceShow(deps: OpenDataPorts, ctx: RequestContext, params: ResourceShowParams): Promise<Result<CkanResource>> {
  const packageId = await deps.packages.packageIdOfResource(params.id);
  const [pkg, index] = await Promise.all([packageId ? deps.packages.get(packageId) : undefined, deps.catalog.current()]);
  const position = pkg?.resources.findIndex((resource) => resource.id === params.id) ?? -1;
  if (!pkg || position < 0 || !mayRead(pkg, index.departmentOf(pkg), ctx.caller))
    return fail(ckanError.notFound('Resource was not found.'));
  return ok(resourceDict(pkg.resources[position], pkg, position, langOf(ctx)));
}

export interface PackageSearchResult {
  readonly count: number;
  readonly sort: string;
  readonly results: CkanPackage[];
  readonly facets: Facets;
  readonly search_facets: SearchFacets;
}

function facetDisplayName(index: SearchIndex, field: string, name: string, lang: Lang): string {
  if (field === 'organization') {
    const org = index.organizationByIdOrName(name);
    return org ? pick(org.title, lang) : name;
  }
  if (field === 'groups') {
    const group = index.group(name);
    return group ? pick(group.title, lang) : name;
  }
  if (field === 'license_id') return findLicense(name)?.title ?? name;
  return name;
}

/** package_search: text, filters, sort, paging and facets over the datasets the caller may see. */
export async function packageSearch(
  deps: OpenDataPorts,
  ctx: RequestContext,
  params: PackageSearchParams,
): Promise<Result<PackageSearchResult>> {
  const query = parseQuery(params.q);
  if (!query.ok) return query;
  const fq = parseFilterQuery(params.fq);
  if (!fq.ok) return fq;
  const sort = parseSort(params.sort);
  if (!sort.ok) return sort;
  const facetFields = checkFacetFields(params.facet ? params['facet.field'] : []);
  if (!facetFields.ok) return facetFields;
  const lang = langOf(ctx);
  const index = await deps.catalog.current();
  const outcome = index.search({
    clauses: query.value.clauses,
    filters: [...query.value.filters, ...fq.value],
    sort: sort.value,
    rows: params.rows,
    start: params.start,
    facetFields: facetFields.value,
    facetLimit: params['facet.limit'],
    facetMinCount: params['facet.mincount'],
    lang,
    caller: ctx.caller,
    unpublished: { includePrivate: params.include_private, includeDrafts: params.include_drafts },
  });
  const facets: Facets = {};
  const searchFacets: SearchFacets = {};
  for (const [field, items] of outcome.facets) {
    facets[field] = Object.fromEntries(items.map((item) => [item.name, item.count]));
    searchFacets[field] = {
      title: field,
      items: items.map((item) => ({ name: item.name, display_name: facetDisplayName(index, field, item.name, lang), count: item.count })),
    };
  }
  return ok({
    count: outcome.count,
    sort: params.sort?.trim() || 'score desc, metadata_modified desc',
    results: outcome.results.map((pkg) => packageDict(pkg, index, lang)),
    facets,
    search_facets: searchFacets,
  });
}

type Listable = { readonly name: string; readonly title: Organization['title'] };

/** Sorting as CKAN's group_list allows it: name, title or package_count, asc or desc. */
function sortListing<T extends Listable>(items: T[], sort: string | undefined, counts: Map<string, number>, lang: Lang): Result<T[]> {
  const [field = 'title', direction = 'asc', ...rest] = (sort?.trim() || 'title asc').split(/\s+/);
  if (!['name', 'title', 'package_count'].includes(field) || !['asc', 'desc'].includes(direction.toLowerCase()) || rest.length > 0) {
    return fail(ckanError.field('sort', `Cannot sort by "${sort}": use name, title or package_count, then asc or desc`));
  }
  const key = (item: T): string | number =>
    field === 'name' ? item.name : field === 'title' ? pick(item.title, lang).toLowerCase() : (counts.get(item.name) ?? 0);
  const sorted = [...items].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : 1;
    return direction.toLowerCase() === 'desc' ? -order : order;
  });
  return ok(sorted);
}

function publishedCounts(index: SearchIndex, keyOf: (pkg: StoredPackage) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pkg of index.visible(PUBLIC_CALLER)) for (const key of keyOf(pkg)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function organizationCounts(index: SearchIndex): Map<string, number> {
  return publishedCounts(index, (pkg) => {
    const org = index.organization(pkg.owner_org);
    return org ? [org.name] : [];
  });
}

function groupCounts(index: SearchIndex): Map<string, number> {
  return publishedCounts(index, (pkg) => pkg.groups);
}

function page<T>(items: T[], offset: number, limit: number | undefined): T[] {
  return limit === undefined ? items.slice(offset) : items.slice(offset, offset + limit);
}

/** organization_list: the departments, as names or (all_fields) dicts with dataset counts. */
export async function organizationList(
  deps: OpenDataPorts,
  ctx: RequestContext,
  params: OrganizationListParams,
): Promise<Result<string[] | CkanOrganization[]>> {
  const index = await deps.catalog.current();
  const counts = organizationCounts(index);
  const sorted = sortListing(index.allOrganizations(), params.sort, counts, langOf(ctx));
  if (!sorted.ok) return sorted;
  const paged = page(sorted.value, params.offset, params.limit);
  if (!params.all_fields) return ok(paged.map((org) => org.name));
  return ok(paged.map((org) => organizationDict(org, langOf(ctx), params.include_dataset_count ? (counts.get(org.name) ?? 0) : undefined)));
}

/** group_list: the data categories, as names or dicts. */
export async function groupList(
  deps: OpenDataPorts,
  ctx: RequestContext,
  params: GroupListParams,
): Promise<Result<string[] | CkanGroup[]>> {
  const index = await deps.catalog.current();
  const counts = groupCounts(index);
  const sorted = sortListing(index.allGroups(), params.sort, counts, langOf(ctx));
  if (!sorted.ok) return sorted;
  const paged = page(sorted.value, params.offset, params.limit);
  if (!params.all_fields) return ok(paged.map((group) => group.name));
  return ok(paged.map((group) => groupDict(group, langOf(ctx), params.include_dataset_count ? (counts.get(group.name) ?? 0) : undefined)));
}

/** Datasets group_show and organization_show list, as CKAN does: published ones, newest first. */
const SHOWN_DATASETS = 1000;

function publishedOf(index: SearchIndex, belongs: (pkg: StoredPackage) => boolean): StoredPackage[] {
  return index
    .visible(PUBLIC_CALLER)
    .filter(belongs)
    .sort((a, b) => (a.metadata_modified > b.metadata_modified ? -1 : 1));
}

/** organization_show: one department, by id or name. */
export async function organizationShow(
  deps: OpenDataPorts,
  ctx: RequestContext,
  params: OrganizationShowParams,
): Promise<Result<CkanOrganization & { packages?: CkanPackage[] }>> {
  const index = await deps.catalog.current();
  const org = index.organizationByIdOrName(params.id);
  if (!org) return fail(ckanError.notFound('Organization was not found.'));
  const datasets = publishedOf(index, (pkg) => pkg.owner_org === org.id);
  const dict = organizationDict(org, langOf(ctx), params.include_dataset_count ? datasets.length : undefined);
  if (!params.include_datasets) return ok(dict);
  return ok({ ...dict, packages: datasets.slice(0, SHOWN_DATASETS).map((pkg) => packageDict(pkg, index, langOf(ctx))) });
}

/** group_show: one category, by id or name. */
export async function groupShow(
  deps: OpenDataPorts,
  ctx: RequestContext,
  params: GroupShowParams,
): Promise<Result<CkanGroup & { packages?: CkanPackage[] }>> {
  const index = await deps.catalog.current();
  const group: Group | undefined = index.groupByIdOrName(params.id);
  if (!group) return fail(ckanError.notFound('Group was not found.'));
  const datasets = publishedOf(index, (pkg) => pkg.groups.includes(group.name));
  const dict = groupDict(group, langOf(ctx), params.include_dataset_count ? datasets.length : undefined);
  if (!params.include_datasets) return ok(dict);
  return ok({ ...dict, packages: datasets.slice(0, SHOWN_DATASETS).map((pkg) => packageDict(pkg, index, langOf(ctx))) });
}

/** tag_list: tags of published datasets, optionally those containing `query`. */
export async function tagList(deps: OpenDataPorts, _ctx: RequestContext, params: TagListParams): Promise<Result<string[] | CkanTag[]>> {
  const index = await deps.catalog.current();
  const needle = params.query?.trim().toLowerCase();
  const tags = [...new Set(index.visible(PUBLIC_CALLER).flatMap((pkg) => pkg.tags))]
    .filter((tag) => !needle || tag.toLowerCase().includes(needle))
    .sort();
  return ok(params.all_fields ? tags.map(tagDict) : tags);
}

export interface StatusShowResult {
  readonly site_title: string;
  readonly site_description: string;
  readonly site_url: string;
  readonly ckan_version: string;
  readonly error_emails_to: null;
  readonly locale_default: string;
  readonly extensions: readonly string[];
}

/** status_show: what CKAN clients read to learn the site and its API version. */
export async function statusShow(deps: OpenDataPorts, ctx: RequestContext): Promise<Result<StatusShowResult>> {
  const lang = langOf(ctx);
  return ok({
    site_title: pick(deps.site.title, lang),
    site_description: pick(deps.site.description, lang),
    site_url: deps.site.siteUrl,
    ckan_version: deps.site.ckanVersion,
    error_emails_to: null,
    locale_default: lang === 'en' ? 'en' : lang === 'tc' ? 'zh_Hant_TW' : 'zh_Hans_CN',
    extensions: ['fluent', 'dcat', 'historical-archive'],
  });
}

import { PUBLIC_CALLER } from '../domain/caller';
import type { StoredPackage } from '../domain/entities';
import { checkFacetFields, type Facets, type SearchFacets } from '../domain/facets';
import { parseFilterQuery } from '../domain/filter-query';
import { allVersions, type Lang, pick } from '../domain/language';
import { findLicense } from '../domain/licenses';
import { type CkanPackage, packageDict } from '../domain/package-dict';
import {
  type AutocompleteParams,
  type CurrentPackageListParams,
  DEFAULT_ROWS,
  type PackageListParams,
  type PackageSearchParams,
  type PackageShowParams,
} from '../domain/params';
import { parseQuery } from '../domain/query';
import type { SearchIndex } from '../domain/search-index';
import { parseSort } from '../domain/sort';
import { mayRead } from '../domain/visibility';
import { datasetNotFound } from '../errors';
import type { OpenDataPorts } from '../ports';
import { langOf, type RequestContext } from './actions';

/**
 * Reading datasets. Listings and search come from the in-memory index; package_show reads
 * DynamoDB, so a client sees a dataset it has just written whichever instance answers.
 */

/** A dataset by id, else by name. */
export async function findPackage(ports: OpenDataPorts, idOrName: string): Promise<StoredPackage | undefined> {
  return (await ports.packages.get(idOrName)) ?? (await ports.packages.getByName(idOrName));
}

/** package_list: names of published datasets, sorted, optionally paged. */
export async function packageList(ports: OpenDataPorts, _ctx: RequestContext, params: PackageListParams): Promise<string[]> {
  const index = await ports.catalog.current();
  const names = index
    .visible(PUBLIC_CALLER)
    .map((pkg) => pkg.name)
    .sort();
  const offset = params.offset ?? 0;
  return params.limit === undefined ? names.slice(offset) : names.slice(offset, offset + params.limit);
}

/** package_show: one dataset by id or name; unpublished ones only for their department. */
export async function packageShow(ports: OpenDataPorts, ctx: RequestContext, params: PackageShowParams): Promise<CkanPackage> {
  const [pkg, index] = await Promise.all([findPackage(ports, params.id), ports.catalog.current()]);
  if (!pkg || !mayRead(pkg, index.departmentOf(pkg), ctx.caller)) throw datasetNotFound();
  index.upsert(pkg);
  return packageDict(pkg, index, langOf(ctx));
}

/** The stored dataset behind package_show, if the caller may read it. */
export async function packageForRead(ports: OpenDataPorts, ctx: RequestContext, idOrName: string): Promise<StoredPackage | undefined> {
  const [pkg, index] = await Promise.all([findPackage(ports, idOrName), ports.catalog.current()]);
  return pkg && mayRead(pkg, index.departmentOf(pkg), ctx.caller) ? pkg : undefined;
}

/** An ETag naming a dataset's revision, for If-Match on updates. */
export function datasetEtag(pkg: Pick<StoredPackage, 'id' | 'revision'>): string {
  return `"${pkg.id}.${pkg.revision}"`;
}

/** The ETag of a dataset as stored now, for the answer of an action that named it. */
export async function currentDatasetEtag(ports: OpenDataPorts, ctx: RequestContext, idOrName: string): Promise<string | undefined> {
  const pkg = await packageForRead(ports, ctx, idOrName);
  return pkg ? datasetEtag(pkg) : undefined;
}

/** The fields `fl` names of a dataset, as Solr answers them: those the dataset has. */
function fieldsOf(dict: CkanPackage, fields: readonly string[]): Partial<CkanPackage> {
  return Object.fromEntries(fields.filter((field) => Object.hasOwn(dict, field)).map((field) => [field, dict[field as keyof CkanPackage]]));
}

export interface PackageSearchResult {
  readonly count: number;
  readonly sort: string;
  readonly results: (CkanPackage | Partial<CkanPackage>)[];
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
export async function packageSearch(ports: OpenDataPorts, ctx: RequestContext, params: PackageSearchParams): Promise<PackageSearchResult> {
  const query = parseQuery(params.q);
  const fq = [params.fq, ...(params.fq_list ?? [])].flatMap((filter) => parseFilterQuery(filter));
  const sort = parseSort(params.sort);
  const facetFields = checkFacetFields(params.facet ? params['facet.field'] : []);
  const lang = langOf(ctx);
  const index = await ports.catalog.current();
  const outcome = index.search({
    clauses: query.clauses,
    filters: [...query.filters, ...fq],
    sort,
    rows: params.rows,
    start: params.start,
    facetFields,
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
  return {
    count: outcome.count,
    sort: params.sort?.trim() || 'score desc, metadata_modified desc',
    results: outcome.results.map((pkg) => {
      const dict = packageDict(pkg, index, lang);
      return params.fl ? fieldsOf(dict, params.fl) : dict;
    }),
    facets,
    search_facets: searchFacets,
  };
}

/**
 * current_package_list_with_resources: the newest datasets with their resources, as CKAN answers
 * it from package_search (10 unless limit says otherwise); platform admins see private ones too.
 */
export async function currentPackageListWithResources(
  ports: OpenDataPorts,
  ctx: RequestContext,
  params: CurrentPackageListParams,
): Promise<CkanPackage[]> {
  const rows = params.limit || DEFAULT_ROWS;
  const offset = params.offset ?? (params.page !== undefined && params.limit ? (params.page - 1) * params.limit : 0);
  const index = await ports.catalog.current();
  const outcome = index.search({
    clauses: [],
    filters: [],
    sort: parseSort('metadata_modified desc'),
    rows,
    start: offset,
    facetFields: [],
    facetLimit: 0,
    facetMinCount: 1,
    lang: langOf(ctx),
    caller: ctx.caller,
    unpublished: { includePrivate: ctx.caller.kind === 'admin', includeDrafts: false },
  });
  return outcome.results.map((pkg) => packageDict(pkg, index, langOf(ctx)));
}

/**
 * package_autocomplete: datasets whose name or title (in any language) contains q, those whose
 * name does first; the caller's department's private datasets too, as CKAN's permission labels allow.
 */
export async function packageAutocomplete(
  ports: OpenDataPorts,
  ctx: RequestContext,
  params: AutocompleteParams,
): Promise<{ name: string; title: string; match_field: 'name' | 'title'; match_displayed: string }[]> {
  const needle = params.q.trim().toLowerCase();
  const lang = langOf(ctx);
  const index = await ports.catalog.current();
  const inName = (pkg: StoredPackage) => pkg.name.includes(needle);
  const inTitle = (pkg: StoredPackage) => allVersions(pkg.title).some((title) => title.toLowerCase().includes(needle));
  return index
    .visible(ctx.caller, { includePrivate: true, includeDrafts: false })
    .filter((pkg) => inName(pkg) || inTitle(pkg))
    .sort((a, b) => Number(inName(b)) - Number(inName(a)) || (a.name < b.name ? -1 : 1))
    .slice(0, params.limit)
    .map((pkg) => {
      const title = pick(pkg.title, lang);
      return inName(pkg)
        ? { name: pkg.name, title, match_field: 'name' as const, match_displayed: pkg.name }
        : { name: pkg.name, title, match_field: 'title' as const, match_displayed: `${title} (${pkg.name})` };
    });
}

import { mayPublishFor, PUBLIC_CALLER } from '../domain/caller';
import type { Group, Organization, StoredPackage } from '../domain/entities';
import { allVersions, type Lang, pick } from '../domain/language';
import { type CkanGroup, type CkanOrganization, type CkanPackage, groupDict, organizationDict, packageDict } from '../domain/package-dict';
import {
  type AutocompleteParams,
  DEFAULT_ROWS,
  type GroupListParams,
  type GroupPackageShowParams,
  type GroupShowParams,
  MAX_LISTED,
  MAX_LISTED_WITH_ALL_FIELDS,
  type OrganizationListForUserParams,
  type OrganizationListParams,
  type OrganizationShowParams,
} from '../domain/params';
import type { SearchIndex } from '../domain/search-index';
import { invalidField, notFound, quoted } from '../errors';
import type { OpenDataPorts } from '../ports';
import { langOf, type RequestContext } from './actions';

/**
 * Organizations (the publishing departments) and groups (the data categories), from the
 * in-memory index, with counts of their published datasets.
 */

type Listable = { readonly name: string; readonly title: Organization['title'] };

/** Sorting as CKAN's group_list allows it: name, title or package_count, asc or desc. */
function sortListing<T extends Listable>(items: T[], sort: string | undefined, counts: Map<string, number>, lang: Lang): T[] {
  const [field = 'title', direction = 'asc', ...rest] = (sort?.trim() || 'title asc').split(/\s+/);
  if (!['name', 'title', 'package_count'].includes(field) || !['asc', 'desc'].includes(direction.toLowerCase()) || rest.length > 0) {
    throw invalidField('sort', `Cannot sort by ${quoted(sort)}: use name, title or package_count, then asc or desc`);
  }
  const key = (item: T): string | number =>
    field === 'name' ? item.name : field === 'title' ? pick(item.title, lang).toLowerCase() : (counts.get(item.name) ?? 0);
  return [...items].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : 1;
    return direction.toLowerCase() === 'desc' ? -order : order;
  });
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

type Described = Listable & { readonly description: Organization['description'] };

/**
 * The organizations or groups a list answers, as CKAN's _group_or_org_list picks them: those
 * named (`organizations`, `groups`), those whose name, title or description contains `q`, sorted, then paged
 * with at most 1000 at once (25 with all_fields, whose answers are larger).
 */
function listed<T extends Described>(
  items: T[],
  params: Omit<OrganizationListParams, 'organizations'>,
  only: readonly string[] | undefined,
  counts: Map<string, number>,
  lang: Lang,
): T[] {
  const named = only && only.length > 0 ? new Set(only) : undefined;
  const words = params.q?.trim().toLowerCase();
  const matching = items.filter(
    (item) =>
      (!named || named.has(item.name)) &&
      (!words ||
        item.name.includes(words) ||
        [item.title, item.description].some((text) => allVersions(text).some((version) => version.toLowerCase().includes(words)))),
  );
  const most = params.all_fields ? MAX_LISTED_WITH_ALL_FIELDS : MAX_LISTED;
  const limit = params.limit === undefined ? most : Math.min(params.limit, most);
  return sortListing(matching, params.sort, counts, lang).slice(params.offset, params.offset + limit);
}

/** organization_list: the departments, as names or (all_fields) dicts with dataset counts. */
export async function organizationList(
  ports: OpenDataPorts,
  ctx: RequestContext,
  params: OrganizationListParams,
): Promise<string[] | CkanOrganization[]> {
  const index = await ports.catalog.current();
  const counts = organizationCounts(index);
  const paged = listed(index.allOrganizations(), params, params.organizations, counts, langOf(ctx));
  if (!params.all_fields) return paged.map((org) => org.name);
  return paged.map((org) => organizationDict(org, langOf(ctx), params.include_dataset_count ? (counts.get(org.name) ?? 0) : undefined));
}

/** group_list: the data categories, as names or dicts. */
export async function groupList(ports: OpenDataPorts, ctx: RequestContext, params: GroupListParams): Promise<string[] | CkanGroup[]> {
  const index = await ports.catalog.current();
  const counts = groupCounts(index);
  const paged = listed(index.allGroups(), params, params.groups, counts, langOf(ctx));
  if (!params.all_fields) return paged.map((group) => group.name);
  return paged.map((group) => groupDict(group, langOf(ctx), params.include_dataset_count ? (counts.get(group.name) ?? 0) : undefined));
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
  ports: OpenDataPorts,
  ctx: RequestContext,
  params: OrganizationShowParams,
): Promise<CkanOrganization & { packages?: CkanPackage[] }> {
  const index = await ports.catalog.current();
  const org = index.organizationByIdOrName(params.id);
  if (!org) throw notFound('Organization was not found.');
  const datasets = publishedOf(index, (pkg) => pkg.owner_org === org.id);
  const dict = organizationDict(org, langOf(ctx), params.include_dataset_count ? datasets.length : undefined);
  if (!params.include_datasets) return dict;
  return { ...dict, packages: datasets.slice(0, SHOWN_DATASETS).map((pkg) => packageDict(pkg, index, langOf(ctx))) };
}

/** group_show: one category, by id or name. */
export async function groupShow(
  ports: OpenDataPorts,
  ctx: RequestContext,
  params: GroupShowParams,
): Promise<CkanGroup & { packages?: CkanPackage[] }> {
  const index = await ports.catalog.current();
  const group: Group | undefined = index.groupByIdOrName(params.id);
  if (!group) throw notFound('Group was not found.');
  const datasets = publishedOf(index, (pkg) => pkg.groups.includes(group.name));
  const dict = groupDict(group, langOf(ctx), params.include_dataset_count ? datasets.length : undefined);
  if (!params.include_datasets) return dict;
  return { ...dict, packages: datasets.slice(0, SHOWN_DATASETS).map((pkg) => packageDict(pkg, index, langOf(ctx))) };
}

/** group_package_show: a category's published datasets, newest first; 10 unless limit says otherwise. */
export async function groupPackageShow(ports: OpenDataPorts, ctx: RequestContext, params: GroupPackageShowParams): Promise<CkanPackage[]> {
  const index = await ports.catalog.current();
  const group = index.groupByIdOrName(params.id);
  if (!group) throw notFound('Group was not found.');
  return publishedOf(index, (pkg) => pkg.groups.includes(group.name))
    .slice(0, params.limit || DEFAULT_ROWS)
    .map((pkg) => packageDict(pkg, index, langOf(ctx)));
}

/** What organization_autocomplete and group_autocomplete answer of each. */
interface Suggestion {
  readonly id: string;
  readonly name: string;
  readonly title: string;
}

function suggestions(items: readonly (Organization | Group)[], params: AutocompleteParams, lang: Lang): Suggestion[] {
  const needle = params.q.trim().toLowerCase();
  return items
    .filter((item) => item.name.includes(needle) || allVersions(item.title).some((title) => title.toLowerCase().includes(needle)))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .slice(0, params.limit)
    .map((item) => ({ id: item.id, name: item.name, title: pick(item.title, lang) }));
}

/** organization_autocomplete: departments whose name or title contains q. */
export async function organizationAutocomplete(
  ports: OpenDataPorts,
  ctx: RequestContext,
  params: AutocompleteParams,
): Promise<Suggestion[]> {
  return suggestions((await ports.catalog.current()).allOrganizations(), params, langOf(ctx));
}

/** group_autocomplete: categories whose name or title contains q. */
export async function groupAutocomplete(ports: OpenDataPorts, ctx: RequestContext, params: AutocompleteParams): Promise<Suggestion[]> {
  return suggestions((await ports.catalog.current()).allGroups(), params, langOf(ctx));
}

/**
 * CKAN's organization roles and what each may do (ckan/authz.py ROLE_PERMISSIONS). An officer is
 * an editor of its department's organization; a platform admin is a sysadmin, admin of every one.
 */
const EDITOR_PERMISSIONS = new Set(['read', 'delete_dataset', 'create_dataset', 'update_dataset', 'manage_group']);

/**
 * organization_list_for_user: the departments the caller has `permission` for (CKAN's default,
 * manage_group), each with its capacity; none for an anonymous caller. Users other than the
 * caller are not known here (`id` naming one is "not found").
 */
export async function organizationListForUser(
  ports: OpenDataPorts,
  ctx: RequestContext,
  params: OrganizationListForUserParams,
): Promise<(CkanOrganization & { capacity: 'admin' | 'editor' })[]> {
  if (params.id) throw notFound('User not found');
  const { caller } = ctx;
  if (caller.kind === 'public') return [];
  const index = await ports.catalog.current();
  const lang = langOf(ctx);
  const counts = params.include_dataset_count ? organizationCounts(index) : undefined;
  const capacity = caller.kind === 'admin' ? ('admin' as const) : ('editor' as const);
  if (capacity === 'editor' && !EDITOR_PERMISSIONS.has(params.permission)) return [];
  return index
    .allOrganizations()
    .filter((org) => mayPublishFor(caller, org.department))
    .map((org) => ({ ...organizationDict(org, lang, counts ? (counts.get(org.name) ?? 0) : undefined), capacity }))
    .sort((a, b) => (a.display_name < b.display_name ? -1 : a.display_name > b.display_name ? 1 : 0));
}

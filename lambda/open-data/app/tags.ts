import { PUBLIC_CALLER } from '../domain/caller';
import { type CkanPackage, type CkanTag, packageDict, tagDict } from '../domain/package-dict';
import type { TagListParams, TagSearchParams, TagShowParams } from '../domain/params';
import type { SearchIndex } from '../domain/search-index';
import { notFound } from '../errors';
import type { OpenDataPorts } from '../ports';
import { langOf, type RequestContext } from './actions';

/**
 * Tags. They live only on datasets (free tags, in no vocabulary), so a tag is one that a
 * published dataset carries: tags found only on private or draft datasets are never named.
 */

/** The most datasets tag_show lists, as CKAN's. */
const SHOWN_DATASETS = 1000;

function publishedTags(index: SearchIndex): string[] {
  return [...new Set(index.visible(PUBLIC_CALLER).flatMap((pkg) => pkg.tags))].sort();
}

/** tag_list: tags of published datasets, optionally those containing `query`. */
export async function tagList(ports: OpenDataPorts, _ctx: RequestContext, params: TagListParams): Promise<string[] | CkanTag[]> {
  // Tags here are free tags, in no vocabulary: naming one finds none, as CKAN finds none in an unknown vocabulary.
  if (params.vocabulary_id) return [];
  const needle = (params.query ?? params.q)?.trim().toLowerCase();
  const tags = publishedTags(await ports.catalog.current()).filter((tag) => !needle || tag.toLowerCase().includes(needle));
  return params.all_fields ? tags.map(tagDict) : tags;
}

/** tag_show: one tag, by name, with the published datasets carrying it if asked. */
export async function tagShow(
  ports: OpenDataPorts,
  ctx: RequestContext,
  params: TagShowParams,
): Promise<CkanTag & { packages?: CkanPackage[] }> {
  const index = await ports.catalog.current();
  const carrying = params.vocabulary_id ? [] : index.visible(PUBLIC_CALLER).filter((pkg) => pkg.tags.includes(params.id));
  if (carrying.length === 0) throw notFound();
  const tag = tagDict(params.id);
  if (!params.include_datasets) return tag;
  const newest = carrying.sort((a, b) => (a.metadata_modified > b.metadata_modified ? -1 : 1)).slice(0, SHOWN_DATASETS);
  return { ...tag, packages: newest.map((pkg) => packageDict(pkg, index, langOf(ctx))) };
}

/** Tags containing every term (CKAN's _tag_search), paged. */
async function matchingTags(ports: OpenDataPorts, params: TagSearchParams): Promise<{ count: number; tags: string[] }> {
  const fromFields = Object.entries(params.fields ?? {})
    .filter(([field, value]) => (field === 'tag' || field === 'tags') && typeof value === 'string')
    .map(([, value]) => value as string);
  const terms = [...(params.query ?? params.q ?? []), ...fromFields].map((term) => term.trim().toLowerCase()).filter(Boolean);
  if (terms.length === 0 || params.vocabulary_id) return { count: 0, tags: [] };
  const found = publishedTags(await ports.catalog.current()).filter((tag) => terms.every((term) => tag.toLowerCase().includes(term)));
  const offset = params.offset ?? 0;
  return { count: found.length, tags: found.slice(offset, params.limit === undefined ? undefined : offset + params.limit) };
}

/** tag_search: `{ count, results }`, each tag as CKAN's table row: id, name, vocabulary_id. */
export async function tagSearch(
  ports: OpenDataPorts,
  _ctx: RequestContext,
  params: TagSearchParams,
): Promise<{ count: number; results: { id: string; name: string; vocabulary_id: null }[] }> {
  const { count, tags } = await matchingTags(ports, params);
  return { count, results: tags.map((name) => ({ id: name, name, vocabulary_id: null })) };
}

/** tag_autocomplete: the names of the tags tag_search finds. */
export async function tagAutocomplete(ports: OpenDataPorts, _ctx: RequestContext, params: TagSearchParams): Promise<string[]> {
  return (await matchingTags(ports, params)).tags;
}

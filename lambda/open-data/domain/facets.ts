import { quoted, searchFailed } from '../errors';

/** Fields package_search can count values of. */
export const FACET_FIELDS = ['organization', 'groups', 'tags', 'res_format', 'license_id'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** CKAN's default `facet.limit` (search.facets.default) and `facet.mincount`. */
export const DEFAULT_FACET_LIMIT = 50;
export const DEFAULT_FACET_MIN_COUNT = 1;

export interface FacetItem {
  readonly name: string;
  readonly display_name: string;
  readonly count: number;
}

/** CKAN's `search_facets`: `{ tags: { title: "tags", items: [{ name, display_name, count }] } }`. */
export type SearchFacets = Record<string, { readonly title: string; readonly items: readonly FacetItem[] }>;

/** CKAN's older `facets`: `{ tags: { traffic: 3 } }`. */
export type Facets = Record<string, Record<string, number>>;

/** The fields to count, each once; an unknown one is an error from the search engine (409), as in CKAN. */
export function checkFacetFields(fields: readonly string[]): FacetField[] {
  const unknown = fields.filter((field) => !(FACET_FIELDS as readonly string[]).includes(field));
  if (unknown.length > 0) {
    throw searchFailed(`can not facet on undefined field ${quoted(unknown[0])}; facet on one of: ${FACET_FIELDS.join(', ')}`);
  }
  return [...new Set(fields)] as FacetField[];
}

/**
 * Counts values over a result set. Each document counts once per value; items are ordered by
 * count, then name, as Solr orders them; `limit` below zero means no limit.
 */
export function countFacets<D>(
  docs: Iterable<D>,
  fields: readonly FacetField[],
  valuesOf: (doc: D, field: FacetField) => readonly string[],
  options: { readonly limit: number; readonly minCount: number },
): Map<FacetField, Array<{ name: string; count: number }>> {
  const counts = new Map<FacetField, Map<string, number>>(fields.map((field) => [field, new Map()]));
  for (const doc of docs) {
    for (const field of fields) {
      const fieldCounts = counts.get(field)!;
      for (const value of new Set(valuesOf(doc, field))) fieldCounts.set(value, (fieldCounts.get(value) ?? 0) + 1);
    }
  }
  const out = new Map<FacetField, Array<{ name: string; count: number }>>();
  for (const [field, fieldCounts] of counts) {
    const items = [...fieldCounts]
      .filter(([, count]) => count >= options.minCount)
      .sort(([nameA, a], [nameB, b]) => b - a || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
      .map(([name, count]) => ({ name, count }));
    out.set(field, options.limit < 0 ? items : items.slice(0, options.limit));
  }
  return out;
}

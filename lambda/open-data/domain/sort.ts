import { quoted, searchFailed, searchQueryInvalid } from '../errors';

/**
 * package_search's `sort`, in Solr's syntax: `score desc, metadata_modified desc`. As in CKAN, a
 * clause without a direction is a malformed query (400, Search Query Error) and an unknown field
 * is an error from the search engine (409, Search Error).
 */
export const SORT_FIELDS = ['score', 'metadata_modified', 'metadata_created', 'name', 'title_string'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface SortClause {
  readonly field: SortField;
  readonly direction: 'asc' | 'desc';
}

export const DEFAULT_SORT = 'score desc, metadata_modified desc';

function isSortField(field: string): field is SortField {
  return (SORT_FIELDS as readonly string[]).includes(field);
}

export function parseSort(sort: string | undefined): SortClause[] {
  const text = sort?.trim() ? sort : DEFAULT_SORT;
  const clauses: SortClause[] = [];
  for (const part of text.split(',')) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const [field, direction, ...rest] = words;
    if (direction === undefined || rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase())) {
      throw searchQueryInvalid(
        `Invalid "sort" parameter: write each clause as "<field> asc" or "<field> desc", not ${quoted(part.trim())}`,
      );
    }
    if (!isSortField(field)) {
      throw searchFailed(`can not sort on undefined field ${quoted(field)}; sort on one of: ${SORT_FIELDS.join(', ')}`);
    }
    clauses.push({ field, direction: direction.toLowerCase() as 'asc' | 'desc' });
  }
  return clauses;
}

import { FILTER_FIELDS, type FilterClause, parseFilterQuery } from './filter-query';
import { queryClauses } from './tokenizer';

/**
 * package_search's `q`: free text, in which CKAN clients may also write Solr field queries such
 * as `tags:traffic` or `organization:hk-td`. Those become filters; other `field:value` pairs
 * (`title:rainfall`) search their value as text; `*:*` matches everything.
 */
export interface ParsedQuery {
  readonly clauses: string[][];
  readonly filters: FilterClause[];
}

const FIELD_QUERY = /(^|\s)([+-]?)([A-Za-z_]+):("(?:[^"\\]|\\.)*"|\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|\S+)/g;

export function parseQuery(q: string | undefined): ParsedQuery {
  const text = (q ?? '').replace(/(^|\s)\*:\*(?=\s|$)/g, ' ');
  const filterParts: string[] = [];
  const rest = text.replace(FIELD_QUERY, (_whole, lead: string, sign: string, field: string, value: string) => {
    if ((FILTER_FIELDS as readonly string[]).includes(field)) {
      filterParts.push(`${sign}${field}:${value}`);
      return lead;
    }
    return `${lead}${value}`;
  });
  return { clauses: queryClauses(rest), filters: parseFilterQuery(filterParts.join(' ')) };
}

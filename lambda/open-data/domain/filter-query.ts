import { quoted, searchFailed } from '../errors';

/**
 * CKAN passes `fq` to Solr, and answers whatever error Solr returns for it, a filter Solr cannot
 * parse as much as a field it does not know, with its Search Error (409): CKAN's Search Query
 * Error (400) is only for parameters it refuses itself (ckan/lib/search/query.py). This reads the part of Solr's syntax CKAN clients use:
 * `organization:hk-td tags:"traffic"`, `+res_format:CSV`, `-groups:health`,
 * `res_format:(CSV OR JSON)`, `metadata_modified:[2024-01-01T00:00:00Z TO *]`, `*:*`.
 * Clauses are ANDed (CKAN's Solr schema sets the default operator to AND); `OR` may join
 * clauses on the same field.
 */
/** Solr's refusal of a filter it cannot parse, as CKAN relays it. */
const unparsable = (why: string) => searchFailed(`cannot parse the filter query: ${why}`);

export const FILTER_FIELDS = [
  'organization',
  'owner_org',
  'tags',
  'groups',
  'res_format',
  'license_id',
  'name',
  'id',
  'dataset_type',
  'capacity',
  'metadata_modified',
  'metadata_created',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export type FilterMatch =
  | { readonly kind: 'values'; readonly values: readonly string[] }
  | { readonly kind: 'any' }
  | { readonly kind: 'range'; readonly from?: string; readonly to?: string };

export interface FilterClause {
  readonly field: FilterField;
  readonly negate: boolean;
  readonly match: FilterMatch;
}

/** The values a dataset offers to filters. */
export interface FilterableDoc {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  readonly owner_org: string;
  readonly tags: readonly string[];
  readonly groups: readonly string[];
  readonly res_format: readonly string[];
  readonly license_id: string;
  readonly capacity: 'public' | 'private';
  readonly metadata_modified: string;
  readonly metadata_created: string;
}

function isFilterField(field: string): field is FilterField {
  return (FILTER_FIELDS as readonly string[]).includes(field);
}

class Lexer {
  private pos = 0;
  constructor(private readonly text: string) {}

  get done(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  take(): string {
    return this.text[this.pos++] ?? '';
  }

  /** A keyword (AND, OR, NOT, &&, ||) standing alone at the cursor, consumed if present. */
  keyword(): string | undefined {
    this.skipSpace();
    const match = /^(AND|OR|NOT|&&|\|\|)(?=\s|$)/.exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[1];
  }

  /** A run up to whitespace or one of `stops`, with backslash escapes. */
  bare(stops: string): string {
    let out = '';
    while (this.pos < this.text.length) {
      const char = this.text[this.pos];
      if (/\s/.test(char) || stops.includes(char)) break;
      if (char === '\\' && this.pos + 1 < this.text.length) {
        out += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      out += char;
      this.pos++;
    }
    return out;
  }

  quoted(): string | undefined {
    this.take();
    let out = '';
    while (this.pos < this.text.length) {
      const char = this.take();
      if (char === '"') return out;
      if (char === '\\' && this.pos < this.text.length) out += this.take();
      else out += char;
    }
    return undefined;
  }
}

function readValue(lexer: Lexer): string {
  if (lexer.peek() === '"') {
    const value = lexer.quoted();
    if (value === undefined) throw unparsable('a quoted value has no closing quote (")');
    return value;
  }
  const value = lexer.bare('()[]');
  if (!value) throw unparsable('a filter has no value after ":"');
  return value;
}

function readMatch(lexer: Lexer): FilterMatch {
  const first = lexer.peek();
  if (first === '(') {
    lexer.take();
    const values: string[] = [];
    for (;;) {
      lexer.skipSpace();
      if (lexer.peek() === ')') {
        lexer.take();
        break;
      }
      if (lexer.peek() === '') throw unparsable('a "(" has no closing ")"');
      if (lexer.keyword()) continue;
      values.push(readValue(lexer));
    }
    if (values.length === 0) throw unparsable('"()" holds no values');
    return { kind: 'values', values };
  }
  if (first === '[' || first === '{') {
    lexer.take();
    lexer.skipSpace();
    const from = lexer.bare(']}');
    if (lexer.keyword() !== undefined) throw unparsable('write a range as [from TO to]');
    lexer.skipSpace();
    if (lexer.bare(']}') !== 'TO') throw unparsable('write a range as [from TO to]');
    lexer.skipSpace();
    const to = lexer.bare(']}');
    const close = lexer.take();
    if (close !== ']' && close !== '}') throw unparsable('a range has no closing "]"');
    return { kind: 'range', from: from === '*' ? undefined : from, to: to === '*' ? undefined : to };
  }
  if (first === '*') {
    const value = lexer.bare('()');
    return value === '*' ? { kind: 'any' } : { kind: 'values', values: [value] };
  }
  return { kind: 'values', values: [readValue(lexer)] };
}

/** Parses an `fq` string into clauses that must all hold. */
export function parseFilterQuery(fq: string | undefined): FilterClause[] {
  const clauses: FilterClause[] = [];
  if (!fq) return clauses;
  const lexer = new Lexer(fq);
  let orWithPrevious = false;
  while (!lexer.done) {
    const keyword = lexer.keyword();
    if (keyword === 'OR' || keyword === '||') {
      if (clauses.length === 0) throw unparsable('"OR" needs a clause on each side');
      orWithPrevious = true;
      continue;
    }
    if (keyword === 'AND' || keyword === '&&') continue;
    let negate = keyword === 'NOT';
    lexer.skipSpace();
    const sign = lexer.peek();
    if (sign === '+' || sign === '-') {
      lexer.take();
      negate = sign === '-';
    }
    const field = lexer.bare(':()');
    if (lexer.take() !== ':') throw unparsable(`${quoted(field)} is not a field:value filter`);
    if (field === '*') {
      const rest = lexer.bare('()');
      if (rest !== '*') throw unparsable('"*:" must be followed by "*"');
      orWithPrevious = false;
      continue;
    }
    if (!isFilterField(field)) {
      throw searchFailed(`cannot filter on undefined field ${quoted(field)}; filter on one of: ${FILTER_FIELDS.join(', ')}`);
    }
    const clause: FilterClause = { field, negate, match: readMatch(lexer) };
    if (orWithPrevious) {
      const previous = clauses[clauses.length - 1];
      if (previous.field !== field || previous.negate || negate || previous.match.kind !== 'values' || clause.match.kind !== 'values') {
        throw unparsable(`"OR" joins values of one field; write ${field}:(a OR b)`);
      }
      clauses[clauses.length - 1] = { ...previous, match: { kind: 'values', values: [...previous.match.values, ...clause.match.values] } };
      orWithPrevious = false;
      continue;
    }
    clauses.push(clause);
  }
  if (orWithPrevious) throw unparsable('"OR" needs a clause on each side');
  return clauses;
}

function fieldValues(doc: FilterableDoc, field: FilterField): readonly string[] {
  switch (field) {
    case 'dataset_type':
      return ['dataset'];
    case 'tags':
    case 'groups':
    case 'res_format':
      return doc[field];
    default:
      return [doc[field]];
  }
}

function sameValue(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

function matchesClause(doc: FilterableDoc, clause: FilterClause): boolean {
  const values = fieldValues(doc, clause.field);
  const { match } = clause;
  let hit: boolean;
  if (match.kind === 'any') hit = values.length > 0;
  else if (match.kind === 'values') hit = values.some((value) => match.values.some((wanted) => sameValue(value, wanted)));
  else hit = values.some((value) => (match.from === undefined || value >= match.from) && (match.to === undefined || value <= match.to));
  return clause.negate ? !hit : hit;
}

export function matchesFilters(doc: FilterableDoc, clauses: readonly FilterClause[]): boolean {
  return clauses.every((clause) => matchesClause(doc, clause));
}

import { type DataService, type Row, type Value, valueFits } from './dataset';
import type { AccessRequest, Verdict } from './grant';

export const OPERATORS = ['eq', 'lt', 'lte', 'gt', 'gte'] as const;
export type Operator = (typeof OPERATORS)[number];

/** One condition on a shared column: equality, or a bound of a range. */
export interface Filter {
  readonly column: string;
  readonly op: Operator;
  readonly value: Value;
}

/** A bounded query: which columns, which rows, how many. No free SQL. */
export interface Query {
  readonly columns: readonly string[];
  readonly filters: readonly Filter[];
  readonly limit: number;
}

/** What an engine is asked to run: the grant's row filter joined to the caller's filters. */
export interface PlannedQuery {
  readonly service: DataService;
  readonly columns: readonly string[];
  readonly filters: readonly Filter[];
  readonly limit: number;
}

/** Checks a query against the grant: only its columns, filters typed as their columns, at most `maxRows`. */
export function planQuery(service: DataService, grant: AccessRequest, query: Query, maxRows: number): Verdict<PlannedQuery> {
  const shared = new Set(grant.columns);
  const notShared = [...query.columns, ...query.filters.map((f) => f.column)].filter((c) => !shared.has(c));
  if (notShared.length > 0)
    return { ok: false, code: 'column_not_shared', message: `Column ${[...new Set(notShared)].join(', ')} is not shared by this grant.` };
  for (const filter of query.filters) {
    const column = service.columns.find((c) => c.name === filter.column);
    if (!column || !valueFits(column.type, filter.value))
      return { ok: false, code: 'filter_type', message: `The value for ${filter.column} is not a ${column?.type ?? 'known'} value.` };
    if (filter.op !== 'eq' && (column.type === 'string' || column.type === 'boolean'))
      return { ok: false, code: 'filter_type', message: `${filter.column} is a ${column.type}: only eq applies.` };
  }
  return {
    ok: true,
    value: {
      service,
      columns: query.columns,
      filters: [...(grant.rowFilter ?? []), ...query.filters],
      limit: Math.min(query.limit, maxRows),
    },
  };
}

function holds(filter: Filter, value: Value | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  switch (filter.op) {
    case 'eq':
      return value === filter.value;
    case 'lt':
      return value < filter.value;
    case 'lte':
      return value <= filter.value;
    case 'gt':
      return value > filter.value;
    case 'gte':
      return value >= filter.value;
  }
}

/** The planned query over rows in memory: local mode's engine, and the reference the Athena SQL must match. */
export function evaluate(plan: PlannedQuery, rows: readonly Row[]): Row[] {
  return rows
    .filter((row) => plan.filters.every((f) => holds(f, row[f.column])))
    .slice(0, plan.limit)
    .map((row) => Object.fromEntries(plan.columns.map((c) => [c, row[c] ?? null])));
}

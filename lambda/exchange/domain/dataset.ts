import type { Level } from './classification';

export const COLUMN_TYPES = ['string', 'integer', 'decimal', 'date', 'boolean'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** A column name as Glue and Athena accept it unquoted: lower case, a letter first. */
export const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
}

/** A data service: a dataset a department publishes in its lake, and the terms it is offered on. */
export interface DataService {
  readonly id: string;
  readonly owner: string;
  /** The table in the owner's Glue database. */
  readonly table: string;
  readonly title: string;
  readonly purpose: string;
  readonly classification: Level;
  readonly columns: readonly Column[];
  readonly publishedAt: string;
  readonly publishedBy: string;
}

export type Value = string | number | boolean;
export type Row = Readonly<Record<string, Value | null>>;

/** Whether a value is one of the column's type; dates are ISO calendar dates, which sort as text. */
export function valueFits(type: ColumnType, value: Value): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'boolean':
      return typeof value === 'boolean';
  }
}

import * as z from 'zod';
import { fieldName, MAX_PARAMETER_DEPTH } from '../errors';
import { MESSAGES } from './validation';

/**
 * package_revise as CKAN applies it (ckan/logic/action/update.py package_revise, and the
 * dictionary functions of ckan/lib/navl/dictization_functions.py): the dataset as package_show
 * gives it must still hold every value in `match` (and the flattened `match__<key>` values);
 * then `filter` removes fields by glob, `update` merges in, and the flattened `update__<key>`
 * values merge in at their key (`update__resources__extend` adds resources, `update__resources__0`
 * or `update__resources__<id prefix>` changes one). `include` picks the fields answered.
 *
 * A flattened key names a path by `__`: object members by name, list items by position (negative
 * from the end) or, in lists of objects, by the first five or more characters of their `id`.
 */

type Json = unknown;
type JsonObject = Record<string, Json>;
type Path = readonly (string | number)[];

/** A key or value that does not fit the dataset (CKAN's DataError): reported as a validation error. */
export class RevisionError extends Error {}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const joined = (path: Path) => path.map(String).join('__');

function sameValue(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Paths of `select`'s values the dataset does not hold (check_dict). */
export function checkDict(data: Json, select: JsonObject, parent: Path = []): Path[] {
  if (!isObject(data)) return [parent];
  const unmatched: Path[] = [];
  for (const key of Object.keys(select).sort()) {
    const value = select[key];
    const path = [...parent, key];
    if (!Object.hasOwn(data, key)) unmatched.push(path);
    else if (isObject(value)) unmatched.push(...checkDict(data[key], value, path));
    else if (Array.isArray(value)) unmatched.push(...checkList(data[key], value, path));
    else if (!sameValue(data[key], value)) unmatched.push(path);
  }
  return unmatched;
}

/** Paths of `select`'s items the list does not hold (check_list). */
export function checkList(data: Json, select: readonly Json[], parent: Path = []): Path[] {
  if (!Array.isArray(data)) return [parent];
  const unmatched: Path[] = [];
  select.forEach((value, index) => {
    const path = [...parent, index];
    if (index >= data.length) unmatched.push(path);
    else if (isObject(value)) unmatched.push(...checkDict(data[index], value, path));
    else if (Array.isArray(value)) unmatched.push(...checkList(data[index], value, path));
    else if (!sameValue(data[index], value)) unmatched.push(path);
  });
  return unmatched;
}

/** The value a flattened key names, and its path (resolve_string_key). */
export function resolveStringKey(data: Json, key: string): { value: Json; path: Path } {
  const path: (string | number)[] = [];
  let current = data;
  const unmatched = (part: string) => new RevisionError(`Unmatched key ${fieldName(joined([...path, part]))}`);
  for (const part of key.split('__')) {
    if (isObject(current)) {
      if (!Object.hasOwn(current, part)) throw unmatched(part);
      path.push(part);
      current = current[part];
      continue;
    }
    if (!Array.isArray(current)) throw unmatched(part);
    if (part.length >= 5) {
      const index = current.findIndex((item) => isObject(item) && typeof item.id === 'string' && item.id.startsWith(part));
      if (index < 0 || current.slice(0, index).some((item) => !isObject(item) || typeof item.id !== 'string')) throw unmatched(part);
      path.push(index);
      current = current[index];
      continue;
    }
    const position = /^-?\d+$/.test(part) ? Number(part) : Number.NaN;
    if (!Number.isInteger(position) || position < -current.length || position >= current.length) throw unmatched(part);
    const index = position < 0 ? current.length + position : position;
    path.push(index);
    current = current[index];
  }
  return { value: current, path };
}

/** Paths where the value a flattened key names differs from `value` (check_string_key). */
export function checkStringKey(data: Json, key: string, value: Json): Path[] {
  const { value: current, path } = resolveStringKey(data, key);
  if (isObject(value)) return checkDict(current, value, path);
  if (Array.isArray(value)) return checkList(current, value, path);
  return sameValue(current, value) ? [] : [path];
}

type Glob = { readonly keep: boolean; readonly parts: readonly string[] };

/**
 * Removes the fields the glob patterns name, in place (filter_glob_match): `-resources__1` the
 * second resource, `+title`, `-*` everything at that level but title; the first pattern naming a
 * field wins.
 */
export function filterGlobMatch(data: Json, patterns: readonly string[]): void {
  filterGlobs(
    data,
    patterns.map((pattern) => ({ keep: pattern.startsWith('+'), parts: pattern.replace(/^[-+]+/, '').split('__') })),
  );
}

function filterGlobs(data: Json, globs: readonly Glob[]): void {
  if (isObject(data)) {
    const protectedFields: JsonObject = {};
    const children = new Map<string, Glob[]>();
    for (const { keep, parts } of globs) {
      const [head, ...rest] = parts;
      if (head === '*') {
        if (keep) Object.assign(protectedFields, data);
        else for (const key of Object.keys(data)) delete data[key];
        continue;
      }
      if (!Object.hasOwn(data, head)) continue;
      if (rest.length > 0) children.set(head, [...(children.get(head) ?? []), { keep, parts: rest }]);
      else if (keep) protectedFields[head] = data[head];
      else delete data[head];
    }
    Object.assign(data, protectedFields);
    for (const [head, inner] of children) if (Object.hasOwn(data, head)) filterGlobs(data[head], inner);
    return;
  }
  if (!Array.isArray(data)) return;
  const kept = new Set<number>();
  const removed = new Set<number>();
  const children = new Map<number, Glob[]>();
  const all = () => data.map((_, index) => index);
  for (const { keep, parts } of globs) {
    const [head, ...rest] = parts;
    if (head === '*') {
      for (const index of all()) if (keep ? !removed.has(index) : !kept.has(index)) (keep ? kept : removed).add(index);
      continue;
    }
    let index: number;
    try {
      index = resolveStringKey(data, head).path[0] as number;
    } catch {
      continue;
    }
    if (rest.length > 0) children.set(index, [...(children.get(index) ?? []), { keep, parts: rest }]);
    else if (keep ? !removed.has(index) : !kept.has(index)) (keep ? kept : removed).add(index);
  }
  const gone = new Set([...removed].filter((index) => !kept.has(index)));
  for (const [index, inner] of children) if (!gone.has(index)) filterGlobs(data[index], inner);
  const remaining = data.filter((_, index) => !gone.has(index));
  data.splice(0, data.length, ...remaining);
}

/** Merges `update` into the object, in place (update_merge_dict). */
export function updateMergeDict(data: JsonObject, update: Json, parent: Path = []): void {
  if (!isObject(update)) throw new RevisionError(`Expected dict for ${fieldName(joined(parent))}`);
  for (const [key, value] of Object.entries(update)) {
    const current = data[key];
    if (!Object.hasOwn(data, key)) data[key] = value;
    else if (isObject(current)) updateMergeDict(current, value, [...parent, key]);
    else if (Array.isArray(current)) updateMergeList(current, value, [...parent, key]);
    else data[key] = value;
  }
}

/** Merges `update`'s items into the list by position, in place (update_merge_list). */
export function updateMergeList(data: Json[], update: Json, parent: Path = []): void {
  if (!Array.isArray(update)) throw new RevisionError(`Expected list for ${fieldName(joined(parent))}`);
  update.forEach((value, index) => {
    const current = data[index];
    if (index >= data.length) data.push(value);
    else if (isObject(current)) updateMergeDict(current, value, [...parent, index]);
    else if (Array.isArray(current)) updateMergeList(current, value, [...parent, index]);
    else data[index] = value;
  });
}

/** Merges a value in at a flattened key, in place; `<list>__extend` appends (update_merge_string_key). */
export function updateMergeStringKey(data: JsonObject, key: string, value: Json): void {
  const parts = key.split('__');
  const last = parts.pop() as string;
  const parentKey = parts.join('__');
  const { value: parent, path } = parentKey ? resolveStringKey(data, parentKey) : { value: data as Json, path: [] as Path };
  if (isObject(parent)) {
    updateMergeDict(parent, { [last]: value }, path);
  } else if (Array.isArray(parent)) {
    if (last === 'extend') {
      if (!Array.isArray(value)) throw new RevisionError(`Expected list for ${fieldName(parentKey)}`);
      parent.push(...value);
      return;
    }
    const { value: child, path: childPath } = resolveStringKey(parent, last);
    const index = childPath[0] as number;
    if (isObject(child)) updateMergeDict(child, value, [...path, index]);
    else if (Array.isArray(child)) updateMergeList(child, value, [...path, index]);
    else parent[index] = value;
  } else {
    throw new RevisionError(`Expected list or dict for ${fieldName(parentKey)}`);
  }
}

/**
 * The order CKAN applies flattened updates in: `__extend` keys first, so that a resource added
 * in the same call can be changed by position after it.
 */
export function updateOrder(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => Number(b.endsWith('extend')) - Number(a.endsWith('extend')) || (a < b ? -1 : a > b ? 1 : 0));
}

/** How deeply a parsed value nests arrays and objects, counted without recursion; stops past `limit`. */
function nesting(value: Json, limit: number): number {
  let deepest = 0;
  const pending: [Json, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [Json, number];
    if (typeof item !== 'object' || item === null) continue;
    const level = depth + 1;
    if (level > limit) return level;
    deepest = Math.max(deepest, level);
    for (const child of Array.isArray(item) ? item : Object.values(item)) pending.push([child, level]);
  }
  return deepest;
}

const DEEP = Symbol('too deep');

/** CKAN's json_or_string: a string holding JSON is read as that JSON, any other value kept as it is. */
function jsonOrString(value: Json): Json {
  if (typeof value !== 'string') return value;
  try {
    const parsed = JSON.parse(value) as Json;
    return nesting(parsed, MAX_PARAMETER_DEPTH) > MAX_PARAMETER_DEPTH ? DEEP : parsed;
  } catch {
    return value;
  }
}

/** CKAN's json_list_or_string: JSON, else a comma-separated list. */
function jsonListOrString(value: Json): Json {
  if (typeof value !== 'string') return value;
  const parsed = jsonOrString(value);
  return parsed === value ? value.split(',') : parsed;
}

const tooDeep = `Must nest arrays and objects at most ${MAX_PARAMETER_DEPTH} levels deep`;

const dictOnly = (what: string) =>
  z.preprocess(jsonOrString, z.record(z.string(), z.unknown(), { error: (issue) => (issue.input === DEEP ? tooDeep : what) }));

const globList = z.preprocess(
  jsonListOrString,
  z.array(z.string({ error: MESSAGES.string }).max(500), { error: (issue) => (issue.input === DEEP ? tooDeep : MESSAGES.list) }).max(100),
);

/** The flattened `match__<key>` or `update__<key>` members of the parameters, by key without the prefix. */
function collectPrefix(input: JsonObject, prefix: string): { values: JsonObject; deep: string[] } {
  const values: JsonObject = {};
  const deep: string[] = [];
  for (const [key, raw] of Object.entries(input)) {
    if (!key.startsWith(prefix) || key.length === prefix.length) continue;
    const value = jsonOrString(raw);
    if (value === DEEP) deep.push(key);
    else values[key.slice(prefix.length)] = value;
  }
  return { values, deep };
}

/** The most flattened keys one call may give. */
const MAX_FLATTENED_KEYS = 100;

/**
 * package_revise's parameters (package_revise_schema): `match` and `update` as objects or JSON
 * text, `filter` and `include` as lists, JSON or comma-separated text, and the flattened keys
 * collected into `match__` and `update__`. Other parameters are ignored, as CKAN ignores them.
 */
export const packageReviseParams = z
  .looseObject({
    match: dictOnly('Must be a dict, such as {"id": "...", "metadata_modified": "..."}').optional(),
    update: dictOnly('Must be a dict of the fields to change').optional(),
    filter: globList.optional(),
    include: globList.optional(),
  })
  .transform((input, ctx) => {
    const match = collectPrefix(input, 'match__');
    const update = collectPrefix(input, 'update__');
    for (const key of [...match.deep, ...update.deep]) ctx.issues.push({ code: 'custom', path: [key], message: tooDeep, input: key });
    const flattened = Object.keys(match.values).length + Object.keys(update.values).length;
    if (flattened > MAX_FLATTENED_KEYS) {
      ctx.issues.push({
        code: 'custom',
        path: ['update__'],
        message: `Give at most ${MAX_FLATTENED_KEYS} flattened keys`,
        input: flattened,
      });
    }
    return {
      match: input.match as JsonObject | undefined,
      update: input.update as JsonObject | undefined,
      filter: input.filter as string[] | undefined,
      include: input.include as string[] | undefined,
      match__: match.values,
      update__: update.values,
    };
  });
export type PackageReviseParams = z.output<typeof packageReviseParams>;

/** A path as CKAN reports an unmatched one: its keys joined by `__`. */
export function pathName(path: Path): string {
  return fieldName(joined(path));
}

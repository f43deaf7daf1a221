import { releaseSchema } from './ocds-schema';

/**
 * OCDS's merge routine for a compiled release (1.1.5, "Merging"): releases of one ocid in date
 * order, each merged into the result; `omitWhenMerged` fields (id, date, tag) dropped; a null
 * removes a field; an array of objects merged by `id` unless the schema marks it
 * `wholeListMerge` or its items have no `id`, then replaced whole like any literal; the result
 * has tag ["compiled"], the latest date, and the id `{ocid}-{date}`.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type SchemaNode = {
  $ref?: string;
  type?: string | readonly string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  wholeListMerge?: boolean;
  omitWhenMerged?: boolean;
};

const DEFINITIONS = releaseSchema.definitions as unknown as Record<string, SchemaNode>;

function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  return DEFINITIONS[node.$ref.replace('#/definitions/', '')];
}

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether an array field is merged by identifier, as the schema says. */
function mergesById(field: SchemaNode | undefined, value: Json[]): boolean {
  if (!value.every(isObject)) return false;
  if (field?.wholeListMerge) return false;
  const items = deref(field?.items);
  // A field the schema does not describe: by identifier when every object has one.
  if (!items?.properties) return value.every((v) => isObject(v) && v.id !== undefined);
  return 'id' in items.properties;
}

function mergeObject(output: JsonObject, input: JsonObject, schema: SchemaNode | undefined, top: boolean): JsonObject {
  const node = deref(schema);
  const result: JsonObject = { ...output };
  for (const [key, value] of Object.entries(input)) {
    const field = node?.properties?.[key];
    if (top && field?.omitWhenMerged) continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    result[key] = mergeValue(result[key], value, field);
  }
  return result;
}

function mergeValue(output: Json | undefined, input: Json, schema: SchemaNode | undefined): Json {
  if (Array.isArray(input)) {
    if (!mergesById(schema, input) || !Array.isArray(output)) {
      if (input.length === 0 && Array.isArray(output) && mergesById(schema, output)) return output;
      return strip(input);
    }
    if (input.length === 0) return output;
    const items = deref(schema)?.items;
    const merged = [...output];
    for (const entry of input as JsonObject[]) {
      const at = merged.findIndex((o) => isObject(o) && o.id === entry.id);
      if (at >= 0) merged[at] = mergeObject(merged[at] as JsonObject, entry, items, false);
      else merged.push(mergeObject({}, entry, items, false));
    }
    return merged;
  }
  if (isObject(input)) return mergeObject(isObject(output) ? output : {}, input, schema, false);
  return input;
}

/** A value copied into the result without its nulls, which mean "absent". */
function strip(value: Json): Json {
  if (Array.isArray(value)) return value.map(strip);
  if (isObject(value))
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, strip(v)]),
    );
  return value;
}

export interface MergeableRelease {
  readonly ocid: string;
  readonly date: string;
  readonly [key: string]: unknown;
}

/** The compiled release of one contracting process's releases. */
export function compileReleases<R extends MergeableRelease>(releases: readonly R[]): JsonObject {
  if (releases.length === 0) throw new Error('A compiled release needs at least one release.');
  const ocids = new Set(releases.map((r) => r.ocid));
  if (ocids.size > 1) throw new Error(`Releases of different ocids cannot be merged: ${[...ocids].join(', ')}.`);
  // Stable: releases of the same date keep the order given.
  const ordered = [...releases].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  let compiled: JsonObject = {};
  for (const release of ordered) compiled = mergeObject(compiled, release as unknown as JsonObject, releaseSchema as SchemaNode, true);
  const date = ordered[ordered.length - 1].date;
  const { ocid, ...rest } = compiled;
  return { ocid, id: `${ocid}-${date}`, date, tag: ['compiled'], ...rest };
}

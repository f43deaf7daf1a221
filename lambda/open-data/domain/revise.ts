/**
 * package_revise's `match` and `update`, as CKAN applies them (ckan/lib/navl/dictization_functions
 * check_dict and update_merge_dict): every value in `match` must equal the dataset's, objects and
 * lists compared member by member; `update` merges objects and list items by position and
 * replaces everything else.
 */

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths (joined by `__`, as CKAN reports them) where the current value differs from `match`. */
export function unmatchedPaths(current: Json, match: Json, path: readonly (string | number)[] = []): string[] {
  if (isObject(match)) {
    if (!isObject(current)) return [path.join('__')];
    return Object.entries(match).flatMap(([key, value]) => unmatchedPaths(current[key], value, [...path, key]));
  }
  if (Array.isArray(match)) {
    if (!Array.isArray(current)) return [path.join('__')];
    return match.flatMap((value, index) => unmatchedPaths(current[index], value, [...path, index]));
  }
  return current === match ? [] : [path.join('__')];
}

/** `target` with `update` merged in; neither is changed. */
export function mergeUpdate(target: Json, update: Json): Json {
  if (isObject(update) && isObject(target)) {
    const out: Record<string, Json> = { ...target };
    for (const [key, value] of Object.entries(update)) out[key] = mergeUpdate(target[key], value);
    return out;
  }
  if (Array.isArray(update) && Array.isArray(target)) {
    const out = [...target];
    update.forEach((value, index) => {
      out[index] = isObject(value) && isObject(target[index]) ? mergeUpdate(target[index], value) : value;
    });
    return out;
  }
  return update;
}

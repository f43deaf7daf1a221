import * as z from 'zod';
import { fieldErrors, invalid, searchQueryInvalid } from '../errors';

/** CKAN's own wording for the commonest problems (ckan/logic/validators.py). */
export const MESSAGES = {
  missing: 'Missing value',
  integer: 'Invalid integer',
  natural: 'Must be a natural number',
  positive: 'Must be a positive integer',
  string: 'Must be a string',
  list: 'Not a list',
  json: 'Could not parse as valid JSON',
} as const;

/** Reports a missing required value the way CKAN does, whatever the expected type. */
const missingValue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return MESSAGES.missing;
  return undefined;
};

/**
 * Marks an issue as the search engine's refusal (CKAN's Search Query Error, 400) rather than a
 * parameter's (Validation Error, 409): package_search's parameters Solr does not take.
 */
export const SEARCH_QUERY_ISSUE = 'searchQuery';

function isSearchQueryIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && (issue.params as Record<string, unknown> | undefined)?.[SEARCH_QUERY_ISSUE] === true;
}

/**
 * Validates input with a schema and turns every problem into CKAN's per-field errors, so an
 * action answers 409 with `{ rows: ["Must be 1000 or less"] }` rather than a zod dump. As in
 * CKAN, the parameters' own problems come first; the search engine's are answered only without them.
 */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {}, { error: missingValue });
  if (parsed.success) return parsed.data;
  const own = parsed.error.issues.filter((issue) => !isSearchQueryIssue(issue));
  if (own.length > 0) throw invalid(fieldErrors(own));
  throw searchQueryInvalid(parsed.error.issues.map((issue) => issue.message).join('; '));
}

/**
 * An integer as CKAN's int_validator accepts it: a JSON number or a base-10 string, so the same
 * schema serves GET query strings and POST bodies. An empty string counts as absent.
 */
export function ckanInteger() {
  return z.preprocess(
    (value) => {
      if (typeof value === 'string') {
        const trimmed = value.trim();
        if (trimmed === '') return undefined;
        return /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : value;
      }
      return value;
    },
    z.int({ error: (issue) => (issue.input === undefined ? MESSAGES.missing : MESSAGES.integer) }),
  );
}

/**
 * A parameter given blank (`rows=`, `"offset": ""`) counts as not given, so its default applies:
 * CKAN's `default` validator and its int_validator take a blank value as none.
 */
export function blankAbsent<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);
}

/** CKAN's natural_number_validator: an integer of zero or more. */
export function naturalNumber() {
  return ckanInteger().pipe(z.int().min(0, { error: MESSAGES.natural }));
}

/**
 * CKAN's boolean_validator: true for true, "true", "yes", "t", "y" and "1" (any case), false for
 * anything else.
 */
export function ckanBoolean() {
  return z.preprocess((value) => {
    if (typeof value === 'boolean') return value;
    if (value === undefined || value === null) return undefined;
    return ['true', 'yes', 't', 'y', '1'].includes(String(value).trim().toLowerCase());
  }, z.boolean());
}

/** A required, non-empty string after trimming. */
export function requiredString(max = 1000) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? MESSAGES.missing : MESSAGES.string) })
    .trim()
    .min(1, { error: MESSAGES.missing })
    .max(max, { error: `Must be at most ${max} characters long` });
}

/** A list of strings given as a JSON array, a JSON-encoded string or one bare string (CKAN's list_of_strings). */
export function listOfStrings() {
  return z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const trimmed = value.trim();
      if (!trimmed.startsWith('[')) return [trimmed];
      try {
        return JSON.parse(trimmed);
      } catch {
        return Symbol.for('invalid-json');
      }
    },
    z.array(z.string({ error: MESSAGES.string }), {
      error: (issue) => (issue.input === Symbol.for('invalid-json') ? MESSAGES.json : MESSAGES.list),
    }),
  );
}

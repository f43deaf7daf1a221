import type * as z from 'zod';
import { HttpError } from '../shared/errors';
import type { ErrorFormatter, RequestProblem } from '../shared/route';

/**
 * CKAN's errors, and its envelope for every failure:
 * `{help, success: false, error: {__type, message, ...field errors}}`. `__type` names the kind
 * of failure, with a fixed HTTP status per kind (ckan/views/api.py): Validation Error 409, Not
 * Found Error 404, Authorization Error 403, Search Query Error 400, Search Error 409; CKAN
 * clients pick the exception they raise by it. CKAN answers an unknown action or unreadable JSON
 * with a bare 400 string; here those get the envelope too, with `__type` "Bad Request", as do the
 * errors answered before any action runs (by the runtime: 401, 404 for an unknown path, 413,
 * unreadable JSON; or by API Gateway itself), so that every failure parses alike.
 */

/** The CKAN release whose Action API this service follows. */
export const CKAN_COMPATIBLE_VERSION = '2.10.4';

/** The documentation of the Action API this service follows: the `help` of errors not tied to one action. */
export const API_HELP = `https://docs.ckan.org/en/${CKAN_COMPATIBLE_VERSION.split('.').slice(0, 2).join('.')}/api/`;

/** CKAN points an action's `help` at its documentation: `<site>/api/3/action/help_show?name=<action>`. */
export function actionHelp(siteUrl: string, action: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
}

/** The most of one input value a message quotes. */
const QUOTED_CHARS = 60;
/** The most of a field name, taken from the input, an error names. */
const FIELD_NAME_CHARS = 100;
/** The most field problems `summarise` spells out; the others are counted. */
const SUMMARISED_PROBLEMS = 5;

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never half of a character written as a surrogate pair.
  const head = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${head}…`;
}

/**
 * An input value as an error message quotes it: in double quotes, and only its first characters,
 * so that no answer repeats what was sent (a 200 KB tag, an array of a million items).
 */
export function quoted(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Array.isArray(value) ? '[…]' : typeof value === 'object' ? '{…}' : String(value);
  }
  return `"${cut(text, QUOTED_CHARS)}"`;
}

/** A field name taken from the input, as an error names it. */
export function fieldName(name: string): string {
  return cut(name, FIELD_NAME_CHARS);
}

/** Field errors as CKAN nests them: `{ name: ["..."] }`, `{ resources: [{}, { url: ["..."] }] }`. */
export interface FieldErrors {
  [field: string]: string[] | FieldErrors | FieldErrors[];
}

function problemLines(fields: FieldErrors, prefix: string, lines: string[]): void {
  for (const [key, value] of Object.entries(fields)) {
    const path = prefix ? `${prefix}.${fieldName(key)}` : fieldName(key);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      lines.push(`${path}: ${(value as string[]).join(' ')}`);
    } else if (Array.isArray(value)) {
      (value as FieldErrors[]).forEach((item, index) => {
        problemLines(item, `${path}[${index}]`, lines);
      });
    } else {
      problemLines(value as FieldErrors, path, lines);
    }
  }
}

/**
 * One line naming the field problems, for the `message` CKAN clients show people: the first five,
 * then how many more there are (every one stays in the field errors beside it).
 */
export function summarise(fields: FieldErrors): string {
  const lines: string[] = [];
  problemLines(fields, '', lines);
  const shown = lines.slice(0, SUMMARISED_PROBLEMS).join('; ');
  return lines.length > SUMMARISED_PROBLEMS ? `${shown}; and ${lines.length - SUMMARISED_PROBLEMS} more` : shown;
}

const badRequest = (detail: string) => new HttpError(400, 'bad_request', `Bad request - ${detail}`);

export const unknownAction = (action: string) => badRequest(`Action name not known: ${fieldName(action)}`);

export const badJson = (detail: string) => badRequest(`JSON Error: ${detail}`);

/** CKAN's refusal of a write action sent by GET. */
export const postRequired = () => badJson('Invalid request. Please use POST method for your request');

export const notAuthorized = (detail?: string) => new HttpError(403, 'forbidden', detail ? `Access denied: ${detail}` : 'Access denied');

export const notFound = (detail?: string) => new HttpError(404, 'not_found', detail ? `Not found: ${detail}` : 'Not found');

export const datasetNotFound = () => notFound('Dataset not found');

export const resourceNotFound = () => notFound('Resource was not found.');

/** CKAN's Validation Error: every field problem at once, nested as the input is. */
export const invalid = (fields: FieldErrors) => new HttpError(409, 'validation_failed', summarise(fields), fields);

/** One field, one message: the common case. */
export const invalidField = (field: string, message: string) => invalid({ [field]: [message] });

/** Another write got in between the read and this write: nothing changed. */
export const changedSinceRead = () =>
  invalidField('match', 'The dataset was changed by someone else since it was read: fetch it again and repeat the change');

/** A malformed `q`, `fq` or `sort` (Solr's syntax error). */
export const searchQueryInvalid = (detail: string) => new HttpError(400, 'search_query_invalid', `Search Query is invalid: ${detail}`);

/** A well-formed search the engine cannot run, like a sort on an unknown field. */
export const searchFailed = (detail: string) => new HttpError(409, 'search_failed', `Search error: ${detail}`);

/** The historical archive has no version of that file in that minute. */
export const noArchivedVersion = (url: string, time: string) =>
  new HttpError(404, 'not_found', `No version of ${url} was archived at ${time}: list them with list-file-versions`);

/** Whether a JSON value is an object, as CKAN needs an action's parameters to be. */
export function isDictionary(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** CKAN's refusal of a JSON request body that is not an object. */
export const notADictionary = (parsed: unknown) =>
  badJson(`Request data JSON decoded to ${quoted(parsed)} but it needs to be a dictionary.`);

/**
 * How deep parameters may nest arrays and objects: the runtime's MAX_JSON_DEPTH, which refuses a
 * deeper body before parsing it (a test keeps the two equal; the domain cannot import the runtime).
 * JSON given as a string inside the parameters (package_revise's `match__` keys) is held to it too.
 */
export const MAX_PARAMETER_DEPTH = 32;

/** Parameters nested deeper than MAX_PARAMETER_DEPTH, refused before they are parsed. */
export const nestedTooDeep = () =>
  badJson(`Error decoding JSON data. Error: the parameters nest arrays and objects deeper than ${MAX_PARAMETER_DEPTH} levels`);

/** CKAN's message for a parameter it does not know. */
export const UNKNOWN_FIELD = 'This field is not accepted: remove it';

/** Nests zod issues into CKAN's error shape: objects by key, lists by index. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const root: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map((key) => (typeof key === 'string' ? fieldName(key) : key));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) addMessage(root, [...path, fieldName(key)], UNKNOWN_FIELD);
    } else {
      addMessage(root, path.length > 0 ? path : ['__input'], issue.message);
    }
  }
  return root;
}

function addMessage(root: FieldErrors, path: readonly PropertyKey[], message: string): void {
  let node: FieldErrors | FieldErrors[] = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const last = i === path.length - 1;
    const nextIsIndex = !last && typeof path[i + 1] === 'number';
    if (Array.isArray(node)) {
      const index = Number(key);
      while (node.length <= index) node.push({});
      if (last) {
        // A message about a list item itself: keep it under a reserved key of that item.
        const item = node[index] as FieldErrors;
        item.__item = [...((item.__item as string[]) ?? []), message];
        return;
      }
      node = node[index];
      continue;
    }
    const name = String(key);
    if (last) {
      const existing = node[name];
      node[name] =
        Array.isArray(existing) && existing.every((v) => typeof v === 'string') ? [...(existing as string[]), message] : [message];
      return;
    }
    if (!(name in node) || (Array.isArray(node[name]) && !nextIsIndex)) node[name] = nextIsIndex ? [] : {};
    node = node[name] as FieldErrors | FieldErrors[];
  }
}

/** CKAN's `__type` by the error's code, else by its HTTP status. */
function ckanType(error: HttpError): string {
  if (error.code === 'validation_failed') return 'Validation Error';
  if (error.code === 'search_query_invalid') return 'Search Query Error';
  if (error.code === 'search_failed') return 'Search Error';
  if (error.status >= 500) return 'Internal Server Error';
  switch (error.status) {
    case 401:
    case 403:
      return 'Authorization Error';
    case 404:
      return 'Not Found Error';
    case 409:
      return 'Validation Error';
    case 429:
      return 'Too Many Requests';
    default:
      return 'Bad Request';
  }
}

const LOCATION = /^(path|query|body)\./;

/** Field errors beside `__type`, as CKAN nests them: from the runtime's list or a CKAN-shaped object. */
function fieldsOf(details: unknown): FieldErrors {
  if (Array.isArray(details)) {
    const fields: FieldErrors = {};
    for (const detail of details as { field?: unknown; message?: unknown }[]) {
      if (typeof detail?.field !== 'string' || typeof detail.message !== 'string') continue;
      const key = detail.field.replace(LOCATION, '') || detail.field;
      const held = fields[key];
      fields[key] = [...(Array.isArray(held) ? (held as string[]) : []), detail.message];
    }
    return fields;
  }
  if (details && typeof details === 'object') return details as FieldErrors;
  return {};
}

/**
 * The `help` of errors an action ended with. An ErrorFormatter sees only the error, not the
 * action it came from, so the action's handler names it here (`inAction`).
 */
const actionHelpOf = new WeakMap<HttpError, string>();

/** The error, to be answered with its action's `help` link as CKAN answers it. */
export function inAction(error: unknown, help: string): unknown {
  if (error instanceof HttpError) actionHelpOf.set(error, help);
  return error;
}

/**
 * The service's error formatter. The message is kept exactly as given: API Gateway's gateway
 * responses are rendered from this shape with the gateway's own message put in its place.
 */
export const formatError: ErrorFormatter = (error) => ({
  help: actionHelpOf.get(error) ?? API_HELP,
  success: false,
  error: { __type: ckanType(error), message: error.message, ...fieldsOf(error.details) },
});

function jsonProblem(text: string): string {
  try {
    JSON.parse(text);
    return 'Error decoding JSON data.';
  } catch (error) {
    return `Error decoding JSON data. Error: ${(error as Error).message}`;
  }
}

/**
 * Requests the route schemas refuse, worded as CKAN words them: an unknown action is CKAN's
 * "Action name not known", an unreadable or missing JSON body is CKAN's "Bad request - JSON Error"
 * (400), a body that is not an object is refused with CKAN's "needs to be a dictionary", and bad
 * parameters become per-field errors.
 */
export function requestError(problem: RequestProblem): HttpError | undefined {
  // The action routes' one path parameter names the action: one not known is CKAN's own refusal.
  if (problem.where === 'path' && isDictionary(problem.input) && typeof problem.input.action === 'string') {
    return unknownAction(problem.input.action);
  }
  if (problem.where === 'body') {
    if (problem.error === undefined) {
      if (problem.reason === 'too-deep') return nestedTooDeep();
      return badJson(
        typeof problem.input === 'string'
          ? jsonProblem(problem.input)
          : 'No request body: send the parameters as a JSON object, {} for none.',
      );
    }
    if (!isDictionary(problem.input)) return notADictionary(problem.input);
  }
  if (!problem.error) return undefined;
  const fields = fieldErrors(problem.error.issues);
  return new HttpError(400, 'validation_failed', summarise(fields), fields);
}

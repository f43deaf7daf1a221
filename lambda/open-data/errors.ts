import { HttpError } from '../shared/errors';
import type { ErrorFormatter, RequestProblem } from '../shared/route';
import { ckanError, errorStatus, type FieldErrors, notADictionary, summarise } from './domain/errors';
import { fieldErrors } from './domain/validation';

/** The CKAN release whose Action API this service follows. */
export const CKAN_COMPATIBLE_VERSION = '2.10.4';

/**
 * Errors answered before any action runs (by the runtime: 401, 404 for an unknown path, 413,
 * unreadable JSON; or by API Gateway itself) in CKAN's envelope, so a CKAN client parses every
 * failure the same way: `{help, success: false, error: {__type, message, ...field errors}}`.
 */

/** The documentation of the Action API this service follows, for errors not tied to one action. */
export const API_HELP = `https://docs.ckan.org/en/${CKAN_COMPATIBLE_VERSION.split('.').slice(0, 2).join('.')}/api/`;

/** CKAN's `__type` for an HTTP status; CKAN clients pick the exception they raise by it. */
function ckanType(error: HttpError): string {
  if (error.code === 'validation_failed') return 'Validation Error';
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
 * The service's error formatter. The message is kept exactly as given: API Gateway's gateway
 * responses are rendered from this shape with the gateway's own message put in its place.
 */
export const ckanErrorFormat: ErrorFormatter = (error) => ({
  help: API_HELP,
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
 * Requests the route schemas refuse, worded as CKAN words them: an unreadable or missing JSON
 * body is CKAN's "Bad request - JSON Error" (400), a body that is not an object is refused with
 * CKAN's "needs to be a dictionary", and bad parameters become per-field errors.
 */
export function ckanRequestError(problem: RequestProblem): HttpError | undefined {
  if (problem.where === 'body') {
    const bodyError =
      problem.error === undefined
        ? ckanError.badJson(
            typeof problem.input === 'string'
              ? jsonProblem(problem.input)
              : 'No request body: send the parameters as a JSON object, {} for none.',
          )
        : notADictionary(problem.input);
    if (bodyError) return new HttpError(errorStatus(bodyError), 'bad_request', bodyError.message);
  }
  if (!problem.error) return undefined;
  const fields = fieldErrors(problem.error.issues);
  return new HttpError(400, 'validation_failed', summarise(fields), fields);
}

import { badJson, isDictionary, notADictionary } from '../errors';

/** A call of the Action API as it arrived. */
export interface ActionRequest {
  readonly method: string;
  /** Query parameters; a repeated one as a list. */
  readonly query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body of a POST. */
  readonly body?: string | null;
  /** The body of a POST already parsed from JSON (by the HTTP runtime); wins over `body`. */
  readonly data?: unknown;
}

/**
 * The action's input as CKAN reads it (ckan/views/api.py _get_request_data): query parameters
 * for GET, a JSON object for POST. JSONP's `callback` is dropped, as CKAN drops it.
 */
export function actionInput(request: ActionRequest): Record<string, unknown> {
  let data: Record<string, unknown>;
  if (request.method.toUpperCase() === 'GET') {
    data = Object.fromEntries(
      Object.entries(request.query ?? {})
        .filter((entry): entry is [string, string | readonly string[]] => entry[1] !== undefined)
        .map(([key, value]) => [key, Array.isArray(value) && value.length === 1 ? value[0] : value]),
    );
  } else if (request.data === undefined && (!request.body || request.body.trim() === '')) {
    data = {};
  } else {
    let parsed: unknown = request.data;
    if (parsed === undefined) {
      try {
        parsed = JSON.parse(request.body!);
      } catch (error) {
        throw badJson(`Error decoding JSON data. Error: ${(error as Error).message}`);
      }
    }
    if (!isDictionary(parsed)) throw notADictionary(parsed);
    data = parsed;
  }
  const { callback: _jsonp, ...rest } = data;
  return rest;
}

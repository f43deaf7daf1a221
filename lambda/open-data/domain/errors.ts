/**
 * CKAN's error model. The Action API answers every failure with an envelope whose `error.__type`
 * names the kind of failure, with a fixed HTTP status per kind (ckan/views/api.py):
 * Validation Error 409, Not Found Error 404, Authorization Error 403, Search Query Error 400,
 * Search Error 409. CKAN answers an unknown action or unreadable JSON with a bare 400 string;
 * here those get the same envelope, with `__type` "Bad Request", so every failure parses alike.
 */

/** Field errors as CKAN nests them: `{ name: ["..."] }`, `{ resources: [{}, { url: ["..."] }] }`. */
export interface FieldErrors {
  [field: string]: string[] | FieldErrors | FieldErrors[];
}

export type CkanError =
  | { readonly kind: 'bad-request'; readonly message: string }
  | { readonly kind: 'not-authorized'; readonly message: string }
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'validation'; readonly fields: FieldErrors; readonly message: string }
  | { readonly kind: 'search-query'; readonly message: string }
  | { readonly kind: 'search'; readonly message: string };

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CkanError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: CkanError): Result<T> {
  return { ok: false, error };
}

const STATUS: Readonly<Record<CkanError['kind'], number>> = {
  'bad-request': 400,
  'not-authorized': 403,
  'not-found': 404,
  validation: 409,
  'search-query': 400,
  search: 409,
};

const TYPE: Readonly<Record<CkanError['kind'], string>> = {
  'bad-request': 'Bad Request',
  'not-authorized': 'Authorization Error',
  'not-found': 'Not Found Error',
  validation: 'Validation Error',
  'search-query': 'Search Query Error',
  search: 'Search Error',
};

export function errorStatus(error: CkanError): number {
  return STATUS[error.kind];
}

/** The `error` member of CKAN's envelope. Field errors sit beside `__type`, as in CKAN. */
export function errorBody(error: CkanError): Record<string, unknown> {
  if (error.kind === 'validation') return { __type: TYPE.validation, message: error.message, ...error.fields };
  return { __type: TYPE[error.kind], message: error.message };
}

/** One line naming every field problem, for the `message` CKAN clients show people. */
export function summarise(fields: FieldErrors, prefix = ''): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      parts.push(`${path}: ${(value as string[]).join(' ')}`);
    } else if (Array.isArray(value)) {
      (value as FieldErrors[]).forEach((item, index) => {
        const inner = summarise(item, `${path}[${index}]`);
        if (inner) parts.push(inner);
      });
    } else {
      const inner = summarise(value as FieldErrors, path);
      if (inner) parts.push(inner);
    }
  }
  return parts.join('; ');
}

export const ckanError = {
  badRequest(detail: string): CkanError {
    return { kind: 'bad-request', message: `Bad request - ${detail}` };
  },
  unknownAction(action: string): CkanError {
    return { kind: 'bad-request', message: `Bad request - Action name not known: ${action}` };
  },
  badJson(detail: string): CkanError {
    return { kind: 'bad-request', message: `Bad request - JSON Error: ${detail}` };
  },
  notAuthorized(detail?: string): CkanError {
    return { kind: 'not-authorized', message: detail ? `Access denied: ${detail}` : 'Access denied' };
  },
  notFound(detail?: string): CkanError {
    return { kind: 'not-found', message: detail ? `Not found: ${detail}` : 'Not found' };
  },
  validation(fields: FieldErrors): CkanError {
    return { kind: 'validation', fields, message: summarise(fields) };
  },
  /** One field, one message: the common case. */
  field(field: string, message: string): CkanError {
    return ckanError.validation({ [field]: [message] });
  },
  searchQuery(detail: string): CkanError {
    return { kind: 'search-query', message: `Search Query is invalid: ${detail}` };
  },
  search(detail: string): CkanError {
    return { kind: 'search', message: `Search error: ${detail}` };
  },
};

/** CKAN's refusal of a JSON request body that is not an object, or nothing when it is one. */
export function notADictionary(parsed: unknown): CkanError | undefined {
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return undefined;
  return ckanError.badJson(`Request data JSON decoded to ${JSON.stringify(parsed)} but it needs to be a dictionary.`);
}

/**
 * Errors in GOV.UK Notify's v2 shape: `{status_code, errors: [{error, message}]}`. The error
 * names and messages are the ones Notify's clients and documentation know, so a department's
 * existing error handling keeps working.
 */
export type NotifyErrorName =
  | 'BadRequestError'
  | 'ValidationError'
  | 'AuthError'
  | 'NoResultFound'
  | 'RateLimitError'
  | 'TooManyRequestsError'
  | 'ConflictError'
  | 'Exception';

export interface NotifyErrorItem {
  readonly error: NotifyErrorName;
  readonly message: string;
}

export interface NotifyErrorBody {
  readonly status_code: number;
  readonly errors: readonly NotifyErrorItem[];
}

export class NotifyError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errors: readonly NotifyErrorItem[],
  ) {
    super(errors.map((e) => `${e.error}: ${e.message}`).join('; '));
    this.name = 'NotifyError';
  }

  get body(): NotifyErrorBody {
    return { status_code: this.statusCode, errors: this.errors };
  }
}

function single(statusCode: number, error: NotifyErrorName, message: string): NotifyError {
  return new NotifyError(statusCode, [{ error, message }]);
}

export const badRequest = (message: string): NotifyError => single(400, 'BadRequestError', message);
export const validationFailed = (messages: readonly string[]): NotifyError =>
  new NotifyError(
    400,
    messages.map((message) => ({ error: 'ValidationError', message })),
  );
export const authError = (message: string, statusCode = 403): NotifyError => single(statusCode, 'AuthError', message);
export const noResultFound = (): NotifyError => single(404, 'NoResultFound', 'No result found');
export const invalidJson = (): NotifyError => single(400, 'BadRequestError', 'Invalid JSON supplied in POST data');
export const conflict = (message: string): NotifyError => single(409, 'ConflictError', message);

/** Notify names live keys LIVE in this message although it calls them `normal` internally. */
export const rateLimited = (keyType: string, limit: number, intervalSeconds: number): NotifyError =>
  single(
    429,
    'RateLimitError',
    `Exceeded rate limit for key type ${keyType.toUpperCase()} of ${limit} requests per ${intervalSeconds} seconds`,
  );

export const dailyLimitReached = (limit: number): NotifyError =>
  single(429, 'TooManyRequestsError', `Exceeded send limits (${limit}) for today`);

export const internalError = (): NotifyError => single(500, 'Exception', 'Internal server error');

/** Maps anything thrown by the service functions to Notify's response: known errors as they are, the rest as a 500. */
export function toNotifyErrorResponse(err: unknown): { readonly statusCode: number; readonly body: NotifyErrorBody } {
  const known = err instanceof NotifyError ? err : internalError();
  return { statusCode: known.statusCode, body: known.body };
}

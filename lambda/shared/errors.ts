import { type AssuranceLevel, stepUpChallenge } from './assurance';

/**
 * An error with an HTTP status that a handler throws or returns to end a request. Its `code`
 * is a stable machine-readable name; `details` says what to change (field errors, limits).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'bad_request', message, details);
export const validationFailed = (message: string, details?: unknown) => new HttpError(400, 'validation_failed', message, details);
export const unauthorized = (message = 'Authentication required: send a bearer token.') =>
  new HttpError(401, 'unauthorized', message, undefined, { 'www-authenticate': 'Bearer' });
/** 401 with RFC 9470's challenge: the token is good, the sign-in's assurance level too low for the route. */
export const insufficientAssurance = (level: AssuranceLevel, required: AssuranceLevel) =>
  new HttpError(
    401,
    'insufficient_user_authentication',
    `This needs a sign-in at assurance level ${required}; this one is ${level}. Sign in again asking for acr_values=${required}.`,
    { acr: level, required },
    { 'www-authenticate': stepUpChallenge(required) },
  );
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const methodNotAllowed = (allowed: readonly string[]) =>
  new HttpError(405, 'method_not_allowed', `Use one of: ${allowed.join(', ')}.`, { allowed }, { allow: allowed.join(', ') });
export const conflict = (message: string, details?: unknown) => new HttpError(409, 'conflict', message, details);
export const preconditionFailed = (message: string) => new HttpError(412, 'precondition_failed', message);
export const payloadTooLarge = (limit: number) =>
  new HttpError(413, 'payload_too_large', `The request body is larger than ${limit} bytes.`, { limitBytes: limit });
export const unsupportedMediaType = (expected: string) =>
  new HttpError(415, 'unsupported_media_type', `Send the body as ${expected}.`, { expected });

export function isHttpError(err: unknown): err is HttpError {
  return err instanceof HttpError;
}

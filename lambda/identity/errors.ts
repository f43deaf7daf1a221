import { conflict, HttpError } from '../shared/errors';
import type { ErrorFormatter } from '../shared/route';

/**
 * The identity service answers errors as OAuth 2.0 and OpenID Connect do (RFC 6749 §5.2,
 * RFC 6750 §3): `{"error": "<code>", "error_description": "<what to change>"}`, with the
 * request id beside it; nothing is changed when one is thrown.
 */
const OAUTH_CODES: Readonly<Record<string, string>> = {
  validation_failed: 'invalid_request',
  bad_request: 'invalid_request',
  unauthorized: 'invalid_token',
  forbidden: 'access_denied',
};

export const formatError: ErrorFormatter = (error, requestId) => ({
  error: OAUTH_CODES[error.code] ?? error.code,
  error_description: error.message,
  ...(error.details === undefined || error.details === null ? {} : { details: error.details }),
  request_id: requestId,
});

export const invalidCardNumber = (problem: 'format' | 'check-digit') =>
  new HttpError(
    400,
    'invalid_request',
    problem === 'check-digit'
      ? 'The check digit does not match the identity card number: check the number and the digit in brackets.'
      : 'Write the identity card number like A123456(3).',
    { field: 'body.cardNumber', problem },
  );

export const refused = (reason: string) => new HttpError(403, 'access_denied', reason);

export const tooManyQueries = (retryAfterSeconds: number) =>
  new HttpError(
    429,
    'too_many_requests',
    `Your department has made its card status queries for this minute; retry in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );

export const profileChanged = () =>
  new HttpError(412, 'precondition_failed', 'The profile has changed since you read it: read it again and reapply your change.');

export const malformedIfMatch = () =>
  new HttpError(400, 'invalid_request', 'If-Match is longer than any ETag of a profile: send the ETag as you last read it, like "3".');

export const noProfile = () => new HttpError(404, 'not_found', 'There is no profile yet: write one with PUT.');

export const noConsent = (clientId: string) => new HttpError(404, 'not_found', `You have not signed in to ${clientId}.`);

export const writeConflict = () => conflict('Another change was being made at the same time; retry.');

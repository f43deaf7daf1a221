import { HttpError } from '../shared/errors';
import type { ErrorFormatter, RequestProblem } from '../shared/route';
import { invalidJson, NotifyError, type NotifyErrorBody, type NotifyErrorItem, type NotifyErrorName } from './domain/errors';
import { notifyValidationError } from './domain/validation';

/**
 * Notify's error body, `{status_code, errors: [{error, message}]}`, whoever answers: the
 * service functions (their NotifyError rides through the runtime in `details`), the runtime
 * itself (unknown route, size cap) and API Gateway (its gateway responses use this format too).
 */
export function notifyHttpError(error: NotifyError): HttpError {
  return new HttpError(error.statusCode, error.errors[0]?.error ?? 'Exception', error.message, error.errors);
}

/** Runs a service function, turning its NotifyError into the runtime's error. */
export async function notifyOutcome<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw err instanceof NotifyError ? notifyHttpError(err) : err;
  }
}

function isNotifyItems(details: unknown): details is NotifyErrorItem[] {
  return (
    Array.isArray(details) &&
    details.length > 0 &&
    details.every((d) => typeof d === 'object' && d !== null && typeof d.error === 'string' && typeof d.message === 'string')
  );
}

function nameFor(status: number): NotifyErrorName {
  if (status === 403) return 'AuthError';
  if (status === 404) return 'NoResultFound';
  if (status === 409) return 'ConflictError';
  if (status === 429) return 'RateLimitError';
  return 'BadRequestError';
}

const body = (status: number, error: NotifyErrorName, message: string): NotifyErrorBody => ({
  status_code: status,
  errors: [{ error, message }],
});

export const notifyErrorFormat: ErrorFormatter = (error) => {
  if (isNotifyItems(error.details)) return { status_code: error.status, errors: error.details };
  // API Gateway answers a request without an Authorization header itself, before the authorizer runs.
  if (error.status === 401) return body(401, 'AuthError', 'Unauthorized: authentication token must be provided');
  if (error.status >= 500) return body(error.status, 'Exception', 'Internal server error');
  return body(error.status, nameFor(error.status), error.message);
};

/** A request the route schemas refuse, in Notify's words. */
export function notifyRequestError(problem: RequestProblem): HttpError {
  return notifyHttpError(problem.error ? notifyValidationError(problem.error, problem.input) : invalidJson());
}

import type * as z from 'zod';
import { HttpError } from '../shared/errors';
import type { ErrorFormatter, RequestProblem } from '../shared/route';
import { valueAt } from '../shared/value-at';

/**
 * Errors in GOV.UK Notify's v2 shape: `{status_code, errors: [{error, message}]}`. The error
 * names and messages are the ones Notify's clients and documentation know, so a department's
 * existing error handling keeps working. Each constructor makes an HttpError whose `details`
 * are Notify's error items; `formatError` answers them as they are.
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

function notifyError(status: number, errors: readonly NotifyErrorItem[]): HttpError {
  return new HttpError(status, errors[0]?.error ?? 'Exception', errors.map((e) => e.message).join('; '), errors);
}

const single = (status: number, error: NotifyErrorName, message: string): HttpError => notifyError(status, [{ error, message }]);

export const badRequest = (message: string): HttpError => single(400, 'BadRequestError', message);
export const validationFailed = (messages: readonly string[]): HttpError =>
  notifyError(
    400,
    messages.map((message) => ({ error: 'ValidationError', message })),
  );
export const authError = (message: string, status = 403): HttpError => single(status, 'AuthError', message);
export const noResultFound = (): HttpError => single(404, 'NoResultFound', 'No result found');
export const invalidJson = (): HttpError => single(400, 'BadRequestError', 'Invalid JSON supplied in POST data');
export const conflict = (message: string): HttpError => single(409, 'ConflictError', message);

/** Notify names live keys LIVE in this message although it calls them `normal` internally. */
export const rateLimited = (keyType: string, limit: number, intervalSeconds: number): HttpError =>
  single(
    429,
    'RateLimitError',
    `Exceeded rate limit for key type ${keyType.toUpperCase()} of ${limit} requests per ${intervalSeconds} seconds`,
  );

export const dailyLimitReached = (limit: number): HttpError =>
  single(429, 'TooManyRequestsError', `Exceeded send limits (${limit}) for today`);

/**
 * Notify's ValidationError list for what a schema refused in `input`, with messages in Notify's
 * style (`email_address is a required property`, `reference 5 is not of type string`,
 * `Additional properties are not allowed (x was unexpected)`). Schemas that need a particular
 * message give it themselves, already naming the field.
 */
export function notifyValidationError(error: z.ZodError, input: unknown): HttpError {
  const messages = error.issues.flatMap((issue) => issueMessages(issue, input));
  return validationFailed([...new Set(messages)]);
}

/**
 * Where a value may take one of several forms (one status or a list of them; a letter from a
 * template or a precompiled PDF) and takes none, Notify reports against the form the caller
 * meant: so the messages are those of the form the value comes closest to.
 */
function issueMessages(issue: z.core.$ZodIssue, input: unknown): string[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issueMessage(issue, input)];
  const branch = closestBranch(issue.errors);
  return branch.flatMap((inner) => issueMessages({ ...inner, path: [...issue.path, ...inner.path] }, input));
}

/**
 * The form with the fewest objections at the value itself (a value not of the form's type at
 * all is the furthest), then the fewest objections overall, then the first declared.
 */
function closestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] {
  const distance = (issues: readonly z.core.$ZodIssue[]) => {
    const atValue = issues.filter((i) => i.path.length === 0);
    return [atValue.some((i) => i.code === 'invalid_type') ? 1 : 0, atValue.length, issues.length];
  };
  const scored = branches.map((issues) => ({ issues, distance: distance(issues) }));
  const closer = (a: number[], b: number[]) => {
    const i = a.findIndex((value, k) => value !== b[k]);
    return i >= 0 && a[i] < b[i];
  };
  return scored.reduce((best, next) => (closer(next.distance, best.distance) ? next : best)).issues;
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const field = issue.path.map(String).join(' ');
  const value = valueAt(input, issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `Additional properties are not allowed (${issue.keys.join(', ')} ${issue.keys.length === 1 ? 'was' : 'were'} unexpected)`;
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'Request body must be a JSON object';
  if (issue.code === 'invalid_type' && value === undefined) return `${field} is a required property`;
  const generic = issue.message.startsWith('Invalid input') || issue.message.startsWith('Too ') || issue.message.startsWith('Invalid ');
  if (!generic) return issue.message;
  if (issue.code === 'invalid_type') return `${field} ${JSON.stringify(value)} is not of type ${issue.expected}`;
  return `${field} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`.trim();
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

/**
 * Notify's error body, whoever answers: the service's use cases (their errors carry Notify's
 * items), the runtime itself (unknown route, size cap) and API Gateway (its gateway responses
 * use this format too).
 */
export const formatError: ErrorFormatter = (error): NotifyErrorBody => {
  if (isNotifyItems(error.details)) return { status_code: error.status, errors: error.details };
  // API Gateway answers a request without an Authorization header itself, before the authorizer runs.
  if (error.status === 401) return body(401, 'AuthError', 'Unauthorized: authentication token must be provided');
  if (error.status >= 500) return body(error.status, 'Exception', 'Internal server error');
  return body(error.status, nameFor(error.status), error.message);
};

/** A request the route schemas refuse, in Notify's words. */
export function requestError(problem: RequestProblem): HttpError {
  return problem.error ? notifyValidationError(problem.error, problem.input) : invalidJson();
}

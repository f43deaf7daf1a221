import type * as z from 'zod';
import { HttpError } from '../shared/errors';
import type { ErrorFormatter, RequestProblem } from '../shared/route';
import { valueAt } from '../shared/value-at';
import { BLANK, createPaymentRequestSchema, createRefundRequestSchema, MAX_IDEMPOTENCY_KEY_LENGTH } from './domain/schemas';
import type { payService } from './routes';

type SchemaError = NonNullable<RequestProblem['error']>;
type SchemaIssue = SchemaError['issues'][number];

/**
 * Errors in GOV.UK Pay's v1 shape, `{code, description}` (and `field` or `header` when one
 * is to blame), with Pay's codes: P01xx create, P02xx get, P03xx events, P04xx search, P05xx
 * cancel, P06xx refund, P07xx/P08xx refunds read, P09xx any endpoint, P10xx capture. Each is an
 * HttpError whose `details` is the body Pay answers, which `formatError` sends as it is.
 */
export interface PayErrorBody {
  readonly code: string;
  readonly description: string;
  readonly field?: string;
  readonly header?: string;
}

function payError(status: number, code: string, description: string, blame: { field?: string; header?: string } = {}): HttpError {
  const body: PayErrorBody = {
    ...(blame.field ? { field: blame.field } : {}),
    ...(blame.header ? { header: blame.header } : {}),
    code,
    description,
  };
  return new HttpError(status, code, `${code}: ${description}`, body);
}

export const missingAttribute = (field: string, code = 'P0101') => payError(400, code, `Missing mandatory attribute: ${field}`, { field });
/** A value out of its range or format: 422. */
export const invalidAttribute = (field: string, detail: string, code = 'P0102') =>
  payError(422, code, `Invalid attribute value: ${field}. ${detail}`, { field });
/** A value of the wrong JSON type: Pay refuses it before reading it, with 400. */
export const wrongTypeAttribute = (field: string, detail: string, code = 'P0102') =>
  payError(400, code, `Invalid attribute value: ${field}. ${detail}`, { field });
export const unexpectedAttribute = (field: string) => payError(400, 'P0104', `Unexpected attribute: ${field}`, { field });
export const motoNotEnabled = () => payError(422, 'P0196', 'MOTO payments are not enabled for this account');
export const nonHttpsReturnUrl = () =>
  payError(422, 'P0920', 'Invalid attribute value: return_url. Must begin with https:// for a live gateway account', {
    field: 'return_url',
  });
export const unparsableJson = (code = 'P0197') => payError(400, code, 'Unable to parse JSON');
export const invalidSearch = (fields: readonly string[], code = 'P0401') =>
  payError(422, code, `Invalid parameters: ${fields.join(', ')}. See Public API documentation for the correct data formats`);
export const pageNotFound = () => payError(404, 'P0402', 'Page not found');
export const notFound = (code: 'P0200' | 'P0300' | 'P0500' | 'P0600' | 'P0700' | 'P0800' | 'P1000') => payError(404, code, 'Not found');
export const idempotencyKeyReused = () =>
  payError(409, 'P0191', 'The `Idempotency-Key` you sent in the request header has already been used to create a payment.', {
    header: 'Idempotency-Key',
  });
export const idempotencyKeyInProgress = () =>
  payError(409, 'P0191', 'A request with this `Idempotency-Key` is still being processed.', { header: 'Idempotency-Key' });
/** Pay's two refusals of a key: its length, then its characters. */
export const invalidIdempotencyKey = (key: string) =>
  payError(
    422,
    'P0102',
    key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH
      ? `Header [Idempotency-Key] can have a size between 1 and ${MAX_IDEMPOTENCY_KEY_LENGTH}`
      : 'Header [Idempotency-Key] can only contain alphanumeric characters and hyphens',
    { header: 'Idempotency-Key' },
  );
export const cancelFailed = () => payError(409, 'P0502', 'Cancellation of payment failed');
export const captureFailed = () => payError(409, 'P1003', 'Payment cannot be captured');
export const refundNotAvailable = (refundStatus: string) =>
  payError(400, 'P0603', `The payment is not available for refund. Payment refund status: ${refundStatus}`);
export const refundAmountMismatch = () => payError(412, 'P0604', 'Refund amount available mismatch.');
export const downstreamError = (code: 'P0198' | 'P0598' | 'P0698' | 'P1098') => payError(500, code, 'Downstream system error');

/**
 * Pay's API answers a missing, unknown or revoked key as its web framework does, not in the
 * error shape above; API Gateway's own 401 (from the service's authorizer) answers the same.
 */
const CREDENTIALS_REQUIRED = { code: 401, message: 'Credentials are required to access this resource.' } as const;
export const invalidCredentials = () => new HttpError(401, 'unauthorized', CREDENTIALS_REQUIRED.message, CREDENTIALS_REQUIRED);

function isPayBody(details: unknown): details is object {
  return typeof details === 'object' && details !== null && !Array.isArray(details) && 'code' in details;
}

/**
 * Pay's error bodies whoever answers: the service's own errors as they are, and for what Pay's
 * web framework answers itself (no or a bad API key, an unknown path) its `{code, message}`.
 * API Gateway's own responses use this format too.
 */
export const formatError: ErrorFormatter = (error) => {
  if (isPayBody(error.details)) return error.details;
  if (error.status === 401) return CREDENTIALS_REQUIRED;
  if (error.status === 429) return { code: 'P0900', description: 'Too many requests' };
  if (error.status >= 500) return { code: 'P0999', description: 'The payments service is unavailable' };
  return { code: error.status, message: error.message };
};

interface BodyCodes {
  readonly missing: string;
  readonly invalid: string;
  readonly unparsable: string;
  /** The body's schema: which fields are mandatory. */
  readonly schema: z.ZodObject;
}

const CREATE_PAYMENT_BODY: BodyCodes = { missing: 'P0101', invalid: 'P0102', unparsable: 'P0197', schema: createPaymentRequestSchema };
const CREATE_REFUND_BODY: BodyCodes = { missing: 'P0601', invalid: 'P0602', unparsable: 'P0697', schema: createRefundRequestSchema };

/**
 * Pay's codes for a request a route's schemas refuse, by route. Pay reports one problem of a
 * body at a time and every bad search parameter at once. The refund route's body reaches its
 * use case, which finds the payment first (invalidRefundBody). The hosted page's forms are not
 * Pay's API: the platform's words stand there.
 */
const REQUEST_CODES: { readonly [R in keyof typeof payService.routes]?: { readonly body?: BodyCodes; readonly query?: string } } = {
  createPayment: { body: CREATE_PAYMENT_BODY },
  createRefund: { body: CREATE_REFUND_BODY },
  searchPayments: { query: 'P0401' },
};

/** A request the route schemas refuse (or a body that is not JSON), in Pay's words and with Pay's codes for the route. */
export function requestError(problem: RequestProblem): HttpError | undefined {
  const codes = Object.hasOwn(REQUEST_CODES, problem.routeId) ? REQUEST_CODES[problem.routeId as keyof typeof REQUEST_CODES] : undefined;
  if (problem.where === 'query' && codes?.query && problem.error) return invalidSearch(searchFields(problem.error), codes.query);
  if (problem.where !== 'body' || !codes?.body) return undefined;
  return problem.error ? bodyError(problem.error.issues[0], problem.input, codes.body) : unparsableJson(codes.body.unparsable);
}

/** What the refund body's schema refused, once its payment is found. */
export function invalidRefundBody(issues: readonly SchemaIssue[], input: unknown): HttpError {
  return bodyError(issues[0], input, CREATE_REFUND_BODY);
}

/**
 * The first problem of a body, as Pay words it: a mandatory attribute absent, null or blank is
 * missing (400); an unexpected one is refused (400); a value of the wrong JSON type is invalid
 * with 400, one out of range or format with 422. Metadata is one attribute to Pay: whatever is
 * wrong in it is an invalid `metadata` (422); an attribute inside another is named by itself.
 */
function bodyError(issue: SchemaIssue, input: unknown, codes: BodyCodes): HttpError {
  if (issue.code === 'unrecognized_keys') return unexpectedAttribute(issue.keys[0]);
  if (issue.path.length === 0) return unparsableJson(codes.unparsable);
  const top = String(issue.path[0]);
  if (top === 'metadata') return invalidAttribute(top, detail(issue), codes.invalid);
  // Pay names an attribute inside an object by its own name (`cardholder_name`, `line1`).
  const field = String(issue.path.at(-1));
  const value = valueAt(input, issue.path);
  const mandatory = issue.path.length === 1 && Object.hasOwn(codes.schema.shape, top) && !codes.schema.shape[top].isOptional();
  if (value === undefined || (value === null && mandatory) || issue.message === BLANK) return missingAttribute(field, codes.missing);
  if (issue.code === 'invalid_type') return wrongTypeAttribute(field, detail(issue), codes.invalid);
  return invalidAttribute(field, detail(issue), codes.invalid);
}

/** Every search parameter a schema refused, each named once. */
function searchFields(error: SchemaError): string[] {
  return [
    ...new Set(error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.map(String).join('.')]))),
  ];
}

/** The schema's own words (`Must be less than or equal to 10000000`), or Pay's for zod's generic ones. */
function detail(issue: SchemaIssue): string {
  if (!issue.message.startsWith('Invalid') && !issue.message.startsWith('Too ')) return issue.message;
  if (issue.code === 'invalid_type') return `Must be of type ${issue.expected}`;
  return 'Must be a valid value';
}

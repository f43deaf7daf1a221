/**
 * Errors in GOV.UK Pay's v1 shape, `{code, description}` (and `field` or `header` when one
 * is to blame), with Pay's codes: P01xx create, P02xx get, P03xx events, P04xx search, P05xx
 * cancel, P06xx refund, P07xx/P08xx refunds read, P09xx any endpoint, P10xx capture.
 */
export interface PayErrorBody {
  readonly code: string;
  readonly description: string;
  readonly field?: string;
  readonly header?: string;
}

export class PayError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly description: string,
    readonly field?: string,
    readonly header?: string,
  ) {
    super(`${code}: ${description}`);
    this.name = 'PayError';
  }

  get body(): PayErrorBody {
    return {
      ...(this.field ? { field: this.field } : {}),
      ...(this.header ? { header: this.header } : {}),
      code: this.code,
      description: this.description,
    };
  }
}

export const missingAttribute = (field: string, code = 'P0101') => new PayError(400, code, `Missing mandatory attribute: ${field}`, field);
export const invalidAttribute = (field: string, detail: string, code = 'P0102') =>
  new PayError(422, code, `Invalid attribute value: ${field}. ${detail}`, field);
export const unexpectedAttribute = (field: string) => new PayError(422, 'P0104', `Unexpected attribute: ${field}`, field);
export const unparsableJson = (code: 'P0197' | 'P0697' = 'P0197') => new PayError(400, code, 'Unable to parse JSON');
export const invalidSearch = (fields: readonly string[], code = 'P0401') =>
  new PayError(422, code, `Invalid parameters: ${fields.join(', ')}. See Public API documentation for the correct data formats`);
export const pageNotFound = () => new PayError(404, 'P0402', 'Page not found');
export const notFound = (code: 'P0200' | 'P0300' | 'P0500' | 'P0600' | 'P0700' | 'P0800' | 'P1000') => new PayError(404, code, 'Not found');
export const idempotencyKeyReused = () =>
  new PayError(
    409,
    'P0191',
    'The `Idempotency-Key` you sent in the request header has already been used to create a payment.',
    undefined,
    'Idempotency-Key',
  );
export const invalidIdempotencyKey = () =>
  new PayError(422, 'P0102', 'Invalid header value: Idempotency-Key. Must be 1 to 255 visible characters', undefined, 'Idempotency-Key');
export const cancelFailed = () => new PayError(409, 'P0502', 'Cancellation of payment failed');
export const captureFailed = () => new PayError(409, 'P1003', 'Payment cannot be captured');
export const refundNotAvailable = (refundStatus: string) =>
  new PayError(400, 'P0603', `The payment is not available for refund. Payment refund status: ${refundStatus}`);
export const refundAmountMismatch = () => new PayError(412, 'P0604', 'Refund amount available mismatch.');
export const downstreamError = (code: 'P0198' | 'P0598' | 'P0698' | 'P1098') => new PayError(500, code, 'Downstream system error');

/** Pay's API answers a missing or unknown key as its web framework does, not in the error shape above. */
export class PayAuthError extends Error {
  readonly statusCode = 401;
  readonly body = { code: 401, message: 'Credentials are required to access this resource.' };
}

/** Maps anything thrown by the service functions to Pay's response: known errors as they are, the rest as a 500. */
export function toPayErrorResponse(err: unknown): { readonly statusCode: number; readonly body: object } {
  if (err instanceof PayError || err instanceof PayAuthError) return { statusCode: err.statusCode, body: err.body };
  return { statusCode: 500, body: { code: 'P0999', description: 'The payments service is unavailable' } };
}

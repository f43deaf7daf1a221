/** Why a service call did not succeed; the runtime maps each kind to an HTTP status. */
export type CertErrorKind =
  | 'invalid-input'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'idempotency-mismatch'
  | 'invalid-transition'
  | 'precondition-required'
  | 'precondition-failed';

export interface CertError {
  readonly kind: CertErrorKind;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CertError };

/** The HTTP status each kind of error answers with. */
export const ERROR_STATUS: Readonly<Record<CertErrorKind, number>> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'invalid-transition': 409,
  'precondition-failed': 412,
  'idempotency-mismatch': 422,
  'precondition-required': 428,
};

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(kind: CertErrorKind, message: string): Result<T> {
  return { ok: false, error: { kind, message } };
}

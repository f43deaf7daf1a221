export { canonicalJson, requestFingerprint } from '../../shared/request-fingerprint';

import { idempotencyKeyReused, invalidIdempotencyKey } from '../errors';

/**
 * Pay's `Idempotency-Key`: the same key and body within 24 hours answers with the payment the
 * first request made (200, not 201); the same key with another body is a 409 (P0191).
 */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export interface PayIdempotencyClaim {
  readonly fingerprint: string;
  readonly paymentId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

export function checkIdempotencyKey(key: string): string {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw invalidIdempotencyKey();
  return key;
}

export type PayIdempotencyOutcome = { readonly kind: 'new' } | { readonly kind: 'replay'; readonly paymentId: string };

export function resolveIdempotency(claim: PayIdempotencyClaim | undefined, fingerprint: string, nowSeconds: number): PayIdempotencyOutcome {
  if (!claim || claim.expiresAt <= nowSeconds) return { kind: 'new' };
  if (claim.fingerprint !== fingerprint) throw idempotencyKeyReused();
  return { kind: 'replay', paymentId: claim.paymentId };
}

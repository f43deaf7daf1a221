export { canonicalJson, requestFingerprint } from '../../shared/request-fingerprint';

import { badRequest, conflict } from '../errors';

/**
 * `Idempotency-Key` (an addition: Notify has none). The first request with a key claims it with
 * a fingerprint of its body; a retry with the same key and body gets the original notification,
 * the same key with another body is a 409. A claim lasts a day.
 */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
const KEY = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyClaim {
  readonly fingerprint: string;
  /** The notification the first request creates; known before it is stored. */
  readonly notificationId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

export function checkIdempotencyKey(key: string): string {
  if (!KEY.test(key)) throw badRequest('Idempotency-Key must be 1 to 255 visible ASCII characters');
  return key;
}

export type IdempotencyOutcome = { readonly kind: 'new' } | { readonly kind: 'replay'; readonly notificationId: string };

/** What to do with a request given the live claim on its key, if any. */
export function resolveIdempotency(claim: IdempotencyClaim | undefined, fingerprint: string, nowSeconds: number): IdempotencyOutcome {
  if (!claim || claim.expiresAt <= nowSeconds) return { kind: 'new' };
  if (claim.fingerprint !== fingerprint) throw conflict('This Idempotency-Key was already used with a different request body');
  return { kind: 'replay', notificationId: claim.notificationId };
}

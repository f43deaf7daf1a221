import type { IdempotencyPolicy, IdempotencyRefusals } from '../../shared/idempotency';
import { badRequest, conflict } from '../errors';

/**
 * `Idempotency-Key` on sending (an addition: Notify has none). The first request with a key
 * claims it with a fingerprint of its body; a retry with the same key and body gets the original
 * notification, the same key with another body is a 409. A claim lasts a day.
 */
export const NOTIFY_IDEMPOTENCY: IdempotencyPolicy = { windowSeconds: 24 * 3600, keyPattern: /^[\x21-\x7e]{1,255}$/ };

export const NOTIFY_IDEMPOTENCY_REFUSALS = {
  invalidKey: () => badRequest('Idempotency-Key must be 1 to 255 visible ASCII characters'),
  reusedWithOtherRequest: () => conflict('This Idempotency-Key was already used with a different request body'),
  stillInProgress: () => conflict('A request with this Idempotency-Key is still being processed'),
} satisfies IdempotencyRefusals;

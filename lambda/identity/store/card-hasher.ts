import { createHmac } from 'node:crypto';
import type { CardHasher } from '../ports';

/** HMAC-SHA-256 of the card number under the service's secret key: without the key, a hash reveals nothing. */
export function hmacCardHasher(key: Uint8Array): CardHasher {
  return async (canonicalNumber) => createHmac('sha256', key).update(canonicalNumber).digest('hex');
}

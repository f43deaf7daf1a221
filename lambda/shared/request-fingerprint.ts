import { sha256Hex } from './sealed-secret';

/** JSON with object keys sorted and undefined fields left out, so equal requests serialize equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * SHA-256 of a request body in canonical JSON: an `Idempotency-Key` retried with the same body
 * matches, whatever its field order; reused with another body, it does not.
 */
export function requestFingerprint(body: unknown): string {
  return sha256Hex(canonicalJson(body));
}

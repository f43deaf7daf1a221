import type { AssuranceLevel } from '../../shared/assurance';

/**
 * A signature is made over a statement, not over the bare digest: the statement names who signed
 * (their subject and the assurance level they signed in at), what (the document's digest and
 * name), when, and with which key, so a verifier learns all of that from one check. It is
 * serialised canonically (keys sorted, no spaces), and those bytes are signed with ECDSA P-256
 * and SHA-256.
 */
export interface SignatureStatement {
  readonly version: 1;
  readonly signer: { readonly subject: string; readonly assurance: AssuranceLevel };
  readonly document: { readonly digestAlgorithm: 'SHA-256'; readonly digest: string; readonly name?: string };
  readonly signedAt: string;
  /** The signing key, as `<key id>`: every key signs for one assurance domain. */
  readonly keyId: string;
}

export const SIGNING_ALGORITHM = 'ECDSA_SHA_256';

/** The statement's canonical bytes: what is signed and what a verifier checks. */
export function canonicalStatement(statement: SignatureStatement): Uint8Array {
  return new TextEncoder().encode(canonicalJson(statement));
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

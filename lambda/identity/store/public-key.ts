import { createPublicKey, verify } from 'node:crypto';

/** A DER SubjectPublicKeyInfo as PEM. */
export function derToPem(der: Uint8Array): string {
  return createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' })
    .export({ format: 'pem', type: 'spki' })
    .toString();
}

/** Checks an ECDSA P-256 / SHA-256 signature (DER) of a message with a PEM public key. */
export function verifyEcdsa(publicKeyPem: string, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify('sha256', message, { key: publicKeyPem, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

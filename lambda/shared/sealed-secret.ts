import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets at rest. A secret the service must use again (a Notify key's HS256 secret, a
 * department's callback bearer token, a Pay webhook signing secret) is sealed with AES-256-GCM
 * under a 32-byte key the runtime supplies (from Secrets Manager in AWS, generated in local
 * mode); the store never holds one in the clear. A secret that is only compared (a Pay API
 * key) is kept as its SHA-256 alone.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

const VERSION = 'v1';

export function aesGcmSecretBox(key: Uint8Array): SecretBox {
  if (key.length !== 32)
    throw new Error(`The secret box key must be 32 bytes, got ${key.length}: generate one with crypto.randomBytes(32)`);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** SHA-256 in hex of a text (as UTF-8) or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmacSha256Hex(key: string, message: string): string {
  return createHmac('sha256', Buffer.from(key, 'utf8')).update(message, 'utf8').digest('hex');
}

/** Compares two hex digests in constant time; anything that is not a non-empty hex digest never matches. */
export function sameHex(a: string, b: string): boolean {
  if (!/^[0-9a-f]*$/i.test(a) || !/^[0-9a-f]*$/i.test(b)) return false;
  const left = Buffer.from(a.toLowerCase(), 'hex');
  const right = Buffer.from(b.toLowerCase(), 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

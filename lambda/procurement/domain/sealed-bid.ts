import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../shared/request-fingerprint';

/**
 * A sealed bid: its content encrypted under a data key of its own (AES-256-GCM, in process), the
 * data key encrypted under the tender's key, which refuses to decrypt before the closing time.
 * The SHA-256 of the bid's canonical bytes is the receipt's, and the opening checks it again.
 */
export interface SealedContent {
  /** base64 of the AES-256-GCM ciphertext. */
  readonly ciphertext: string;
  /** base64 of the 96-bit nonce. */
  readonly iv: string;
  /** base64 of the 128-bit authentication tag. */
  readonly tag: string;
  /** base64 of the data key as the tender's key encrypted it. */
  readonly encryptedKey: string;
}

export const BID_STATES = ['submitted', 'withdrawn'] as const;
export type BidState = (typeof BID_STATES)[number];

export interface Bid {
  readonly tenderId: string;
  readonly supplierId: string;
  readonly state: BidState;
  /** Counts submissions of this supplier to this tender: a resubmission replaces the bid with the next. */
  readonly submission: number;
  readonly sha256: string;
  readonly size: number;
  /** When the server received the request that submitted (or withdrew) the bid: the time that decides whether it is late. */
  readonly receivedAt: string;
  readonly submittedBy: string;
  /** Absent once withdrawn: a withdrawn bid's content is deleted. */
  readonly sealed?: SealedContent;
  readonly version: number;
}

/** The bid's bytes as they are hashed and sealed: JSON with the keys of every object in code-point order, no spaces. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

/** What binds a data key to one supplier's bid for one tender: KMS's encryption context, GCM's associated data. */
export const bidContext = (tenderId: string, supplierId: string) => ({ tender: tenderId, supplier: supplierId });

const aad = (context: Record<string, string>) => Buffer.from(canonicalJson(context), 'utf8');

/** Encrypts the bid's bytes under a plaintext data key, which it then overwrites. */
export function seal(
  bytes: Buffer,
  dataKey: { plaintext: Uint8Array; encrypted: Uint8Array },
  context: Record<string, string>,
): SealedContent {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey.plaintext, iv);
  cipher.setAAD(aad(context));
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
  dataKey.plaintext.fill(0);
  return {
    ciphertext: ciphertext.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    encryptedKey: Buffer.from(dataKey.encrypted).toString('base64'),
  };
}

/** Decrypts a sealed bid with its data key, once the tender's key has given it back; throws if anything was altered. */
export function unseal(sealed: SealedContent, plaintextKey: Uint8Array, context: Record<string, string>): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', plaintextKey, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(aad(context));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const bytes = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  plaintextKey.fill(0);
  return bytes;
}

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { Signer } from '../ports';
import { verifyEcdsa } from './public-key';

/** Where local mode keeps its signing key (PKCS #8 PEM), so a restart over the same data still verifies. */
export const LOCAL_SIGNING_KEY_ENV = 'IDENTITY_LOCAL_SIGNING_KEY';

/**
 * Local mode's stand-in for the KMS key: the same algorithm (ECDSA P-256, SHA-256, DER), a key
 * made for the process and left in its environment.
 */
export class LocalSigner implements Signer {
  private readonly privateKey: KeyObject;
  private readonly id: string;
  private readonly pem: string;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    env[LOCAL_SIGNING_KEY_ENV] ??= generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    this.privateKey = createPrivateKey(env[LOCAL_SIGNING_KEY_ENV]);
    this.pem = createPublicKey(this.privateKey).export({ format: 'pem', type: 'spki' }).toString();
    this.id = `local:${createHash('sha256').update(this.pem).digest('hex').slice(0, 16)}`;
  }

  async keyId(): Promise<string> {
    return this.id;
  }

  async sign(message: Uint8Array): Promise<{ signature: Uint8Array; keyId: string }> {
    return { signature: sign('sha256', message, { key: this.privateKey, dsaEncoding: 'der' }), keyId: this.id };
  }

  async publicKey(keyId: string): Promise<string | undefined> {
    return keyId === this.id ? this.pem : undefined;
  }

  async verify(keyId: string, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    const publicKey = await this.publicKey(keyId);
    return publicKey !== undefined && verifyEcdsa(publicKey, message, signature);
  }
}

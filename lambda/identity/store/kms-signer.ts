import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { SIGNING_ALGORITHM } from '../domain/signing';
import type { Signer } from '../ports';
import { derToPem, verifyEcdsa } from './public-key';

/**
 * Signs with the assurance domain's asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY): the private
 * key never leaves KMS. Public keys are read once per key and cached, so verifying costs no call.
 */
export class KmsSigner implements Signer {
  private readonly client = new KMSClient({});
  private readonly publicKeys = new Map<string, Promise<string | undefined>>();

  constructor(private readonly keyArn: string) {}

  async keyId(): Promise<string> {
    return this.keyArn;
  }

  async sign(message: Uint8Array): Promise<{ signature: Uint8Array; keyId: string }> {
    const out = await this.client.send(
      new SignCommand({ KeyId: this.keyArn, Message: message, MessageType: 'RAW', SigningAlgorithm: SIGNING_ALGORITHM }),
    );
    if (!out.Signature) throw new Error('KMS answered a signature request without a signature');
    return { signature: out.Signature, keyId: this.keyArn };
  }

  publicKey(keyId: string): Promise<string | undefined> {
    // Only the domain's own key: a statement naming any other key is not ours to vouch for.
    if (keyId !== this.keyArn) return Promise.resolve(undefined);
    let key = this.publicKeys.get(keyId);
    if (!key) {
      key = this.client
        .send(new GetPublicKeyCommand({ KeyId: keyId }))
        .then((out) => (out.PublicKey ? derToPem(out.PublicKey) : undefined));
      this.publicKeys.set(keyId, key);
    }
    return key;
  }

  async verify(keyId: string, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    const publicKey = await this.publicKey(keyId);
    return publicKey !== undefined && verifyEcdsa(publicKey, message, signature);
  }
}

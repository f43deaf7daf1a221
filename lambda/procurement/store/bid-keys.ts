import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  EnableKeyRotationCommand,
  GenerateDataKeyCommand,
  GetKeyPolicyCommand,
  KMSClient,
  PutKeyPolicyCommand,
} from '@aws-sdk/client-kms';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { BID_KEY_ALIAS_PREFIX, BID_KEY_TAG, bidKeyPolicy, decryptNotBefore, extendedClosing } from '../domain/key-policy';
import { type BidKeys, type DataKey, DecryptRefused } from '../ports';
import { getItem, table } from './table';

/** Where the service's role and account are, for the key policies it writes. */
export interface KmsBidKeysOptions {
  readonly serviceRoleArn: string;
}

const POLICY_NAME = 'default';

function arnParts(roleArn: string): { partition: string; account: string } {
  const match = /^arn:([^:]+):iam::(\d{12}):role\//.exec(roleArn);
  if (!match) throw new Error(`The service role ARN ${roleArn} is not an IAM role's ARN.`);
  return { partition: match[1], account: match[2] };
}

/**
 * Bid keys in AWS KMS: a symmetric key per tender, tagged and aliased under the prefix the
 * service's role is limited to, whose key policy denies kms:Decrypt before the closing time.
 * Every GenerateDataKey and Decrypt is logged by CloudTrail with the bid's encryption context.
 */
export class KmsBidKeys implements BidKeys {
  private readonly kms = new KMSClient({});

  constructor(private readonly options: KmsBidKeysOptions) {}

  private policy(tenderId: string, closesAt: string): string {
    return JSON.stringify(
      bidKeyPolicy({ ...arnParts(this.options.serviceRoleArn), serviceRoleArn: this.options.serviceRoleArn, tenderId, closesAt }),
    );
  }

  async create(tenderId: string, closesAt: string): Promise<string> {
    const created = await this.kms.send(
      new CreateKeyCommand({
        Description: `Seals the bids of tender ${tenderId}; refuses decryption before ${closesAt}`,
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Policy: this.policy(tenderId, closesAt),
        Tags: [
          { TagKey: BID_KEY_TAG.key, TagValue: BID_KEY_TAG.value },
          { TagKey: 'egov:tender', TagValue: tenderId },
        ],
      }),
    );
    const keyId = created.KeyMetadata?.KeyId;
    if (!keyId) throw new Error(`KMS made no key for tender ${tenderId}.`);
    await this.kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
    await this.kms.send(new CreateAliasCommand({ AliasName: `${BID_KEY_ALIAS_PREFIX}${tenderId}`, TargetKeyId: keyId }));
    return created.KeyMetadata?.Arn ?? keyId;
  }

  async extend(keyRef: string, tenderId: string, closesAt: string): Promise<void> {
    const { Policy } = await this.kms.send(new GetKeyPolicyCommand({ KeyId: keyRef, PolicyName: POLICY_NAME }));
    const current = Policy ? decryptNotBefore(JSON.parse(Policy)) : undefined;
    const next = current ? extendedClosing(current, closesAt) : closesAt;
    await this.kms.send(new PutKeyPolicyCommand({ KeyId: keyRef, PolicyName: POLICY_NAME, Policy: this.policy(tenderId, next) }));
  }

  async generateDataKey(keyRef: string, context: Record<string, string>): Promise<DataKey> {
    const key = await this.kms.send(new GenerateDataKeyCommand({ KeyId: keyRef, KeySpec: 'AES_256', EncryptionContext: context }));
    if (!key.Plaintext || !key.CiphertextBlob) throw new Error('KMS gave no data key.');
    return { plaintext: key.Plaintext, encrypted: key.CiphertextBlob };
  }

  async decrypt(keyRef: string, encrypted: Uint8Array, context: Record<string, string>): Promise<Uint8Array> {
    try {
      const { Plaintext } = await this.kms.send(
        new DecryptCommand({ KeyId: keyRef, CiphertextBlob: encrypted, EncryptionContext: context }),
      );
      if (!Plaintext) throw new Error('KMS gave no plaintext.');
      return Plaintext;
    } catch (err) {
      if ((err as { name?: string }).name === 'AccessDeniedException') throw new DecryptRefused((err as Error).message);
      throw err;
    }
  }
}

/**
 * Bid keys of local mode and the tests, with KMS's rule applied by this provider itself: a key
 * per tender, kept in the service's embedded table as KMS would keep it, that refuses to decrypt before its closing time as read from the
 * injected clock, and whose closing time only ever moves later. Data keys are wrapped with
 * AES-256-GCM, bound to the encryption context.
 */
export class LocalBidKeys implements BidKeys {
  constructor(private readonly clock: () => Date) {}

  async create(tenderId: string, closesAt: string): Promise<string> {
    const ref = `local:${tenderId}:${randomBytes(4).toString('hex')}`;
    await this.save(ref, { secret: randomBytes(32).toString('base64'), notBefore: new Date(closesAt).toISOString() });
    return ref;
  }

  async extend(keyRef: string, _tenderId: string, closesAt: string): Promise<void> {
    const key = await this.key(keyRef);
    await this.save(keyRef, { ...key, notBefore: extendedClosing(key.notBefore, closesAt) });
  }

  async generateDataKey(keyRef: string, context: Record<string, string>): Promise<DataKey> {
    const key = await this.key(keyRef);
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(key.secret, 'base64'), iv);
    cipher.setAAD(Buffer.from(JSON.stringify(context)));
    const wrapped = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { plaintext: Buffer.from(plaintext), encrypted: Buffer.concat([iv, cipher.getAuthTag(), wrapped]) };
  }

  async decrypt(keyRef: string, encrypted: Uint8Array, context: Record<string, string>): Promise<Uint8Array> {
    const key = await this.key(keyRef);
    const now = this.clock();
    if (now.getTime() < Date.parse(key.notBefore))
      throw new DecryptRefused(`The key refuses to decrypt before ${key.notBefore} (now ${now.toISOString()}).`);
    const blob = Buffer.from(encrypted);
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key.secret, 'base64'), blob.subarray(0, 12));
    decipher.setAAD(Buffer.from(JSON.stringify(context)));
    decipher.setAuthTag(blob.subarray(12, 28));
    try {
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]);
    } catch {
      throw new DecryptRefused('The data key does not belong to this bid (its encryption context differs).');
    }
  }

  /** The closing time the key holds to, for tests. */
  async notBefore(keyRef: string): Promise<string> {
    return (await this.key(keyRef)).notBefore;
  }

  private async save(ref: string, key: LocalKey): Promise<void> {
    await dynamo().send(new PutCommand({ TableName: table(), Item: { pk: `LOCALKEY#${ref}`, sk: 'KEY', kind: 'local-key', ...key } }));
  }

  private async key(ref: string): Promise<LocalKey> {
    const key = await getItem<LocalKey>(`LOCALKEY#${ref}`, 'KEY', 'local-key');
    if (!key) throw new Error(`No local bid key ${ref}.`);
    return key;
  }
}

interface LocalKey {
  readonly secret: string;
  readonly notBefore: string;
}

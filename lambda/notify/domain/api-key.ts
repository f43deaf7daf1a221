import { randomUUID } from 'node:crypto';
import { type SecretBox, sha256Hex } from '../../shared/sealed-secret';
import type { ApiKeyRecord, ApiKeyType } from './model';

/**
 * Notify's API key text: `{key_name}-{service_id}-{secret}`, the last two being 36-character
 * UUIDs. Clients read the service id and the secret back from the end of the text, so the name
 * may contain hyphens. The text is shown once, when the key is made; the store keeps the secret
 * sealed and its hash.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ParsedApiKey {
  readonly name: string;
  readonly serviceId: string;
  readonly secret: string;
}

export function parseApiKey(text: string): ParsedApiKey {
  const secret = text.slice(-36);
  const serviceId = text.slice(-73, -37);
  const separators = text.at(-37) === '-' && (text.length === 73 || text.at(-74) === '-');
  if (text.length < 73 || !separators || !UUID.test(secret) || !UUID.test(serviceId)) {
    throw new Error('An API key is written {key_name}-{service_id}-{secret}, where the service id and the secret are UUIDs');
  }
  return { name: text.length > 73 ? text.slice(0, -74) : '', serviceId, secret };
}

/** Notify writes key names in lower case with underscores for spaces. */
export function apiKeyName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '_');
}

export interface NewApiKey {
  readonly record: ApiKeyRecord;
  /** The key text to hand to the department; never stored. */
  readonly text: string;
}

export interface NewApiKeyInput {
  readonly serviceId: string;
  readonly name: string;
  readonly type: ApiKeyType;
  readonly createdBy: string;
  readonly now: Date;
  readonly box: SecretBox;
  /** @default - a random UUID */
  readonly id?: string;
  /** @default - a random UUID; give one only to reproduce a known local demo key */
  readonly secret?: string;
}

export function createApiKey(input: NewApiKeyInput): NewApiKey {
  const secret = input.secret ?? randomUUID();
  if (!UUID.test(secret)) throw new Error('An API key secret must be a UUID');
  const name = apiKeyName(input.name);
  return {
    text: `${name}-${input.serviceId}-${secret}`,
    record: {
      id: input.id ?? randomUUID(),
      serviceId: input.serviceId,
      name,
      type: input.type,
      sealedSecret: input.box.seal(secret),
      secretHash: sha256Hex(secret),
      createdAt: input.now.toISOString(),
      createdBy: input.createdBy,
    },
  };
}

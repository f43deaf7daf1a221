import { sha256Hex } from '../../shared/sealed-secret';
import type { PayApiKeyRecord } from './model';
import { randomBase32 } from './secrets';

/**
 * Pay API keys are bearer tokens, `api_test_…` or `api_live_…` followed by 40 random base32
 * characters (200 bits). The token is shown once; the store keeps its SHA-256 and finds the
 * key by it, so a leaked table yields no usable key.
 */
export interface NewPayApiKey {
  readonly record: PayApiKeyRecord;
  readonly token: string;
}

export function createPayApiKey(input: {
  readonly accountId: string;
  readonly live: boolean;
  readonly name: string;
  readonly createdBy: string;
  readonly now: Date;
  readonly id: string;
  /** @default - random; give one only to reproduce a known local demo key */
  readonly token?: string;
}): NewPayApiKey {
  const token = input.token ?? `${input.live ? 'api_live_' : 'api_test_'}${randomBase32(40)}`;
  return {
    token,
    record: {
      hash: payKeyHash(token),
      id: input.id,
      accountId: input.accountId,
      name: input.name,
      createdAt: input.now.toISOString(),
      createdBy: input.createdBy,
    },
  };
}

export function payKeyHash(token: string): string {
  return sha256Hex(token);
}

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function payBearerToken(authorization: string | undefined): string | undefined {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

import { randomBytes } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * Where a service finds the 32-byte key of its secret box: in AWS the ARN of a Secrets Manager
 * secret its stack made (read once per cold start); in local mode and tests the key itself, in
 * base64, in an environment variable.
 */
export interface SecretBoxKeySource {
  /** Variable holding the key, base64. */
  readonly keyEnv: string;
  /** Variable holding the ARN of the secret whose value is the key, base64 or base64url. */
  readonly secretArnEnv: string;
}

/** Reads a secret's value by ARN. */
export type SecretReader = (arn: string) => Promise<string | undefined>;

export async function loadSecretBoxKey(
  source: SecretBoxKeySource,
  env: NodeJS.ProcessEnv = process.env,
  readSecret: SecretReader = secretValue,
): Promise<Uint8Array> {
  const arn = env[source.secretArnEnv];
  const text = arn ? await readSecret(arn) : env[source.keyEnv];
  if (!text) {
    throw new Error(`Neither ${source.secretArnEnv} nor ${source.keyEnv} is set: the stack passes the secret, local mode the key itself`);
  }
  return decodeSecretBoxKey(text);
}

/**
 * Local mode's and the tests' key: the one the environment gives, or a new one for this process,
 * left in the environment where the handlers, running in the same process, find it.
 */
export function localSecretBoxKey(keyEnv: string, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  env[keyEnv] ??= randomBytes(32).toString('base64');
  return decodeSecretBoxKey(env[keyEnv]);
}

/** Node's base64 decoder reads base64url too, which is what the stack's generated secret is. */
export function decodeSecretBoxKey(text: string): Uint8Array {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`The secret box key must decode to 32 bytes, got ${key.length}`);
  return key;
}

const secretValue: SecretReader = async (arn) => {
  const client = new SecretsManagerClient({});
  try {
    return (await client.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString;
  } finally {
    client.destroy();
  }
};

import { randomUUID } from 'node:crypto';
import { builtOnce } from '../shared/once';
import { loadSecretBoxKey, localSecretBoxKey } from '../shared/secret-box-key';
import type { EhrPorts, IdentityNumbers } from './ports';
import { ehrService } from './routes';
import { sealedIdentityNumbers, sealingIdentityNumbers } from './store/identity-numbers';
import { DynamoResourceStore } from './store/resource-store';

const ENV = ehrService.environment;

/** Local mode and the tests: the identifier key made for the process, left in its environment. */
export function useLocalIdentifierKey(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  return localSecretBoxKey(ENV.identifierKey, env);
}

/** The eHR's ports over DynamoDB; identity numbers under local mode's key unless given. */
export function dynamoPorts(overrides: Partial<EhrPorts> = {}, identityNumbers?: IdentityNumbers): EhrPorts {
  return {
    resources: sealingIdentityNumbers(new DynamoResourceStore(), identityNumbers ?? sealedIdentityNumbers(useLocalIdentifierKey())),
    clock: () => new Date(),
    ids: randomUUID,
    ...overrides,
  };
}

/** The ports of this process, built on first use: a cold start reads the identifier key once. */
export const ehrPorts = /* @__PURE__ */ builtOnce(async () =>
  dynamoPorts({}, sealedIdentityNumbers(await loadSecretBoxKey({ keyEnv: ENV.identifierKey, secretArnEnv: ENV.identifierKeySecretArn }))),
);

import { randomUUID } from 'node:crypto';
import { builtOnce } from '../shared/once';
import { loadSecretBoxKey, localSecretBoxKey } from '../shared/secret-box-key';
import type { IdentityPorts, People, SignInGrants, SigningPorts } from './ports';
import { identityService } from './routes';
import { DynamoAuditLog } from './store/audit-log';
import { hmacCardHasher } from './store/card-hasher';
import { DynamoCardRegister } from './store/card-register';
import { KmsSigner } from './store/kms-signer';
import { LocalSigner } from './store/local-signer';
import { DynamoPeople } from './store/people';

const ENV = identityService.environment;
const CARD_HASH_KEY = { keyEnv: ENV.cardHashKey, secretArnEnv: ENV.cardHashKeySecretArn };

/** Local mode and the tests: the card hash key made for the process, left in its environment. */
export function useLocalCardHashKey(env: NodeJS.ProcessEnv = process.env): void {
  localSecretBoxKey(ENV.cardHashKey, env);
}

let localGrants: SignInGrants | undefined;

/** Local mode: a revoked consent also revokes the relying party's grant at local mode's OpenID provider. */
export function useLocalSignInGrants(grants: SignInGrants): void {
  localGrants = grants;
}

/** The ports of the card register, profiles and consents, over DynamoDB. */
export const identityPorts = /* @__PURE__ */ builtOnce(
  async (): Promise<IdentityPorts> => ({
    register: new DynamoCardRegister(),
    audit: new DynamoAuditLog(),
    people: new DynamoPeople(),
    cardHash: hmacCardHasher(await loadSecretBoxKey(CARD_HASH_KEY)),
    clock: () => new Date(),
    newId: randomUUID,
    // Read when used: local mode may start another provider after the ports were built.
    get grants() {
      return localGrants;
    },
  }),
);

/** The signing function's ports: the KMS key of its stack, or local mode's own key. */
export const signingPorts = /* @__PURE__ */ builtOnce(
  async (): Promise<SigningPorts> => ({
    signer: process.env[ENV.signingKeyArn] ? new KmsSigner(process.env[ENV.signingKeyArn] as string) : new LocalSigner(),
    people: new DynamoPeople(),
    clock: () => new Date(),
    newId: randomUUID,
  }),
);

/** The sign-in recorder's port: the people table alone. */
export const peoplePorts = /* @__PURE__ */ builtOnce(async (): Promise<{ people: People }> => ({ people: new DynamoPeople() }));

import { identityService } from '../../lambda/identity/routes';
import { SecretBoxKey } from './secret-box-key';
import type { ServiceStack } from './service-stack';
import { SigningKey } from './signing-key';

/**
 * What the identity service needs beyond its API: the key card numbers are hashed with (for the
 * register and its audit), and the verified-plus domain's signing key (for its signing function only).
 */
export function addIdentityExtension(stack: ServiceStack): void {
  const env = identityService.environment;
  const cardHashKey = new SecretBoxKey(stack, 'CardHashKey', {
    encryptionKey: stack.key,
    purpose: 'keys the hashes of identity card numbers in the register and its audit',
  });
  cardHashKey.grantRead(stack.functions.api, env.cardHashKeySecretArn);
  const signing = new SigningKey(stack, 'SigningKeyVerifiedPlus', {
    assuranceDomain: 'verified-plus',
    alias: `${stack.config.platform.prefix}-identity-signing-verified-plus`,
  });
  signing.grantSign(stack.functions.signing, env.signingKeyArn);
}

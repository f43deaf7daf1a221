import { PAY_ENVIRONMENT } from '../../lambda/pay/environment';
import { SecretBoxKey } from './secret-box-key';
import type { ServiceStack } from './service-stack';

/**
 * What the payments service needs beyond its API: the key sealing webhook signing secrets, for
 * its functions (its authorizer finds API keys by hash and never needs it), and the departments
 * whose day the nightly run reconciles.
 */
export function addPayExtension(stack: ServiceStack): void {
  const secretBoxKey = new SecretBoxKey(stack, 'SecretBoxKey', {
    encryptionKey: stack.key,
    purpose: 'seals the signing secrets of departments’ payment webhooks',
  });
  for (const fn of Object.values(stack.functions)) secretBoxKey.grantRead(fn, PAY_ENVIRONMENT.secretBoxKeySecretArn);
  const entitled = stack.config.departments.filter((d) => d.services.includes('pay')).map((d) => d.code);
  stack.functions.scheduled.function.addEnvironment(PAY_ENVIRONMENT.departments, JSON.stringify(entitled));
}

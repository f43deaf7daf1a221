import { payService } from '../../lambda/pay/routes';
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
  for (const fn of Object.values(stack.functions)) secretBoxKey.grantRead(fn, payService.environment.secretBoxKeySecretArn);
  const entitled = stack.config.departments.filter((d) => d.services.includes('pay')).map((d) => d.code);
  stack.functions.scheduled.function.addEnvironment(payService.environment.departments, JSON.stringify(entitled));
}

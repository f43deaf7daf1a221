import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { identityService } from '../../lambda/identity/routes';
import { readParameter } from '../contract/ssm';
import { SecretBoxKey } from './secret-box-key';
import type { ServiceStack } from './service-stack';
import { SigningKey } from './signing-key';

/**
 * What the identity service needs beyond its API: the key card numbers are hashed with (for the
 * register and its audit), the verified-plus domain's signing key (for its signing function
 * only), and the sign-ins the citizen pool's trigger reports on the shared services' queue.
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
  recordSignIns(stack);
}

/** The sign-in recorder reads the shared services' queue, up to ten reports at a time. */
function recordSignIns(stack: ServiceStack): void {
  const names = stack.parameterNames;
  // With its key, reading the queue's messages is granted with decrypting them.
  const queue = sqs.Queue.fromQueueAttributes(stack, 'SignInQueue', {
    queueArn: readParameter(stack, names.signInQueueArn),
    keyArn: readParameter(stack, names.signInKeyArn),
  });
  stack.functions.signIns.function.addEventSource(new SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true }));
}

import { ehrService } from '../../lambda/ehr/routes';
import { SecretBoxKey } from './secret-box-key';
import type { ServiceStack } from './service-stack';

/** What the eHR needs beyond its API: the key identity card numbers are sealed and matched with, for its API function. */
export function addEhrExtension(stack: ServiceStack): void {
  const identifierKey = new SecretBoxKey(stack, 'IdentifierKey', {
    encryptionKey: stack.key,
    purpose: "seals patients' identity card numbers and keys the hashes they are found by",
  });
  identifierKey.grantRead(stack.functions.api, ehrService.environment.identifierKeySecretArn);
}

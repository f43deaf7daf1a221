import { NOTIFY_ENVIRONMENT } from '../../lambda/notify/routes';
import { NotifyDelivery } from './notify-delivery';
import { notifyConfigurationSetName } from './notify-email-stack';
import { SecretBoxKey } from './secret-box-key';
import type { ServiceStack } from './service-stack';

/**
 * What the notifications service needs beyond its API: the key sealing API key secrets and
 * callback tokens (read by its functions and its authorizer, which checks tokens with those
 * secrets), and delivery through SES and SNS from its API function, with SES's delivery events
 * coming back to move statuses.
 */
export function addNotifyExtension(stack: ServiceStack): void {
  const secretBoxKey = new SecretBoxKey(stack, 'SecretBoxKey', {
    encryptionKey: stack.key,
    purpose: 'seals the secrets of Notify API keys and departments’ callback bearer tokens',
  });
  for (const fn of [...Object.values(stack.functions), ...Object.values(stack.authorizerFunctions)]) {
    secretBoxKey.grantRead(fn, NOTIFY_ENVIRONMENT.secretBoxKeySecretArn);
  }
  new NotifyDelivery(stack, 'Delivery', {
    sender: stack.functions.api,
    eventHandler: stack.functions.deliveryEvents,
    emailRegion: stack.config.notify.emailRegion ?? stack.region,
    configurationSetName: notifyConfigurationSetName(stack.config.platform.prefix),
  });
}

import { loadSecretBoxKey } from '../shared/secret-box-key';
import type { NotifyPorts } from './application/ports';
import { NOTIFY_ENVIRONMENT } from './environment';
import { deliveryProviderFromEnvironment } from './providers/from-environment';
import { createNotifyPorts } from './service';

let ports: Promise<NotifyPorts> | undefined;

/**
 * The ports every function of the service uses, made on first use (a cold start reads the
 * secret box key once) and kept for the life of the process. A failed start is retried on the
 * next request rather than remembered.
 */
export function notifyPorts(): Promise<NotifyPorts> {
  ports ??= build().catch((err: unknown) => {
    ports = undefined;
    throw err;
  });
  return ports;
}

async function build(): Promise<NotifyPorts> {
  const secretBoxKey = await loadSecretBoxKey({
    keyEnv: NOTIFY_ENVIRONMENT.secretBoxKey,
    secretArnEnv: NOTIFY_ENVIRONMENT.secretBoxKeySecretArn,
  });
  return createNotifyPorts({ secretBoxKey, provider: deliveryProviderFromEnvironment() });
}

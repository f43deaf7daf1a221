import { loadSecretBoxKey } from '../shared/secret-box-key';
import type { PayPorts } from './application/ports';
import { PAY_ENVIRONMENT } from './environment';
import { SandboxProvider } from './providers/sandbox';
import { createPayPorts } from './service';

let ports: Promise<PayPorts> | undefined;

/**
 * The ports every function of the service uses, made on first use (a cold start reads the
 * secret box key once) and kept for the life of the process; a failed start is retried.
 * The sandbox is the only payment provider so far: a live acquirer's adapter goes here.
 */
export function payPorts(): Promise<PayPorts> {
  ports ??= build().catch((err: unknown) => {
    ports = undefined;
    throw err;
  });
  return ports;
}

async function build(): Promise<PayPorts> {
  const secretBoxKey = await loadSecretBoxKey({
    keyEnv: PAY_ENVIRONMENT.secretBoxKey,
    secretArnEnv: PAY_ENVIRONMENT.secretBoxKeySecretArn,
  });
  return createPayPorts({ secretBoxKey, provider: new SandboxProvider() });
}

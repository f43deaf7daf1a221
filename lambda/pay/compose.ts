import { builtOnce } from '../shared/once';
import { postSender } from '../shared/outgoing-post';
import { aesGcmSecretBox } from '../shared/sealed-secret';
import { loadSecretBoxKey, localSecretBoxKey } from '../shared/secret-box-key';
import { randomBase32 } from './domain/secrets';
import type { HttpSender, PaymentProvider, PayPorts, ReconciliationPorts } from './ports';
import { payService } from './routes';
import { paymentIdempotencyStore } from './store/idempotency-claims';
import { DynamoPaymentStore } from './store/payments';
import { S3ReportStore } from './store/reports';
import { SandboxProvider } from './store/sandbox-provider';
import { webhookOutbox } from './store/webhook-outbox';

const ENVIRONMENT = payService.environment;

/** Webhooks get 15 seconds to answer, as Pay's do. */
const webhookSender: HttpSender = postSender(15_000);

export interface PayPortOptions {
  /** 32 bytes sealing webhook signing secrets; from Secrets Manager in AWS. */
  readonly secretBoxKey: Uint8Array;
  /** The acquirer in AWS; a SandboxProvider in local mode and for test accounts. */
  readonly provider: PaymentProvider;
  /** @default - POSTs with a 15 second limit */
  readonly http?: HttpSender;
  /** @default - the system clock */
  readonly clock?: () => Date;
  /** @default - 26 random base32 characters */
  readonly newId?: () => string;
}

/** Ports backed by the service's DynamoDB table (named by the environment the stack or local mode sets). */
export function createPayPorts(options: PayPortOptions): PayPorts {
  return {
    store: new DynamoPaymentStore(),
    idempotency: paymentIdempotencyStore(),
    webhooks: webhookOutbox(),
    provider: options.provider,
    box: aesGcmSecretBox(options.secretBoxKey),
    http: options.http ?? webhookSender,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? (() => randomBase32(26)),
  };
}

/**
 * The ports every function of the service uses, made on first use (a cold start reads the
 * secret box key once) and kept for the life of the process; a failed start is retried.
 * The sandbox is the only payment provider so far: a live acquirer's adapter goes here.
 */
export const payPorts = /* @__PURE__ */ builtOnce(async () =>
  createPayPorts({
    secretBoxKey: await loadSecretBoxKey({ keyEnv: ENVIRONMENT.secretBoxKey, secretArnEnv: ENVIRONMENT.secretBoxKeySecretArn }),
    provider: new SandboxProvider(),
  }),
);

/** The nightly reconciliation's ports: the service's, and its reports bucket (only its bundle holds the S3 client). */
export const reconciliationPorts = /* @__PURE__ */ builtOnce(
  async (): Promise<ReconciliationPorts> => ({ ...(await payPorts()), reports: new S3ReportStore() }),
);

/** The authorizer's ports: keys are found by their hash alone, so it needs the table, never the secret box. */
export const payKeyPorts = /* @__PURE__ */ builtOnce(async (): Promise<Pick<PayPorts, 'store'>> => ({ store: new DynamoPaymentStore() }));

/** The department codes to reconcile; a bad value stops the run rather than skipping departments silently. */
export function reconciledDepartments(env: NodeJS.ProcessEnv = process.env): string[] {
  const value: unknown = JSON.parse(env[ENVIRONMENT.departments] ?? '[]');
  if (!Array.isArray(value) || value.some((code) => typeof code !== 'string')) {
    throw new Error(`${ENVIRONMENT.departments} must be a JSON list of department codes`);
  }
  return value;
}

/** Local mode: a secret box key for this process, unless one is given. */
export function useLocalSecretBoxKey(env: NodeJS.ProcessEnv = process.env): void {
  localSecretBoxKey(ENVIRONMENT.secretBoxKey, env);
}

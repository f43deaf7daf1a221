import { randomUUID } from 'node:crypto';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { builtOnce } from '../shared/once';
import { postSender } from '../shared/outgoing-post';
import { aesGcmSecretBox } from '../shared/sealed-secret';
import { loadSecretBoxKey, localSecretBoxKey as sharedLocalSecretBoxKey } from '../shared/secret-box-key';
import type { AuthenticationPorts } from './app/authenticate';
import type { DeliveryProvider, HttpSender, NotifyPorts } from './ports';
import { AWS_DELIVERY, NOTIFY_ENVIRONMENT } from './routes';
import { DynamoNotifyDirectory } from './store/directory';
import { DynamoNotificationStore } from './store/notifications';
import { RecordingProvider } from './store/recording-provider';
import { sendWithSes } from './store/ses-email';
import { sendWithSns } from './store/sns-sms';
import { callbackOutbox, DynamoCounterStore, workIdempotencyStore } from './store/work';

export interface NotifyPortOptions {
  /** 32 bytes sealing API key secrets and callback tokens; from Secrets Manager in AWS. */
  readonly secretBoxKey: Uint8Array;
  /** SES/SNS in AWS; a RecordingProvider in local mode and tests. */
  readonly provider: DeliveryProvider;
  /** @default - POSTs with a 10-second limit */
  readonly http?: HttpSender;
  /** @default - the system clock */
  readonly clock?: () => Date;
  /** @default crypto.randomUUID */
  readonly newId?: () => string;
}

/** Callbacks get 10 seconds to answer. */
const fetchSender: HttpSender = postSender(10_000);

/** Ports backed by the service's DynamoDB tables (named by the environment the stack or local mode sets). */
export function createNotifyPorts(options: NotifyPortOptions): NotifyPorts {
  return {
    directory: new DynamoNotifyDirectory(),
    notifications: new DynamoNotificationStore(),
    counters: new DynamoCounterStore(),
    idempotency: workIdempotencyStore(),
    callbacks: callbackOutbox(),
    provider: options.provider,
    box: aesGcmSecretBox(options.secretBoxKey),
    http: options.http ?? fetchSender,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
  };
}

/**
 * The ports every function of the service uses, made on first use (a cold start reads the
 * secret box key once) and kept for the life of the process.
 */
export const notifyPorts = /* @__PURE__ */ builtOnce(async (): Promise<NotifyPorts> => {
  const secretBoxKey = await loadSecretBoxKey({
    keyEnv: NOTIFY_ENVIRONMENT.secretBoxKey,
    secretArnEnv: NOTIFY_ENVIRONMENT.secretBoxKeySecretArn,
  });
  return createNotifyPorts({ secretBoxKey, provider: deliveryProviderFromEnvironment() });
});

/** The authorizer's ports: it checks tokens and sends nothing, so its bundle holds no SES or SNS client. */
export const notifyAuthorizerPorts = /* @__PURE__ */ builtOnce(async (): Promise<AuthenticationPorts> => {
  const secretBoxKey = await loadSecretBoxKey({
    keyEnv: NOTIFY_ENVIRONMENT.secretBoxKey,
    secretArnEnv: NOTIFY_ENVIRONMENT.secretBoxKeySecretArn,
  });
  return { directory: new DynamoNotifyDirectory(), box: aesGcmSecretBox(secretBoxKey), clock: () => new Date() };
});

/**
 * SES for e-mail and SNS for text messages where the stack says so; otherwise (local mode) a
 * recording provider that reports every message delivered at once.
 */
export function deliveryProviderFromEnvironment(env: NodeJS.ProcessEnv = process.env): DeliveryProvider {
  if (env[NOTIFY_ENVIRONMENT.deliveryProvider] !== AWS_DELIVERY) return new RecordingProvider({ deliverImmediately: true });
  const ses = new SESv2Client({ region: env[NOTIFY_ENVIRONMENT.emailRegion] || undefined });
  const sns = new SNSClient({});
  const configurationSet = env[NOTIFY_ENVIRONMENT.emailConfigurationSet] || undefined;
  return {
    sendEmail: (message) => sendWithSes(ses, message, { configurationSet }),
    sendSms: (message) => sendWithSns(sns, message),
  };
}

/** Local mode's secret box key (`lambda/shared/secret-box-key.ts`), under Notify's variable. */
export const localSecretBoxKey = (): Uint8Array => sharedLocalSecretBoxKey(NOTIFY_ENVIRONMENT.secretBoxKey);

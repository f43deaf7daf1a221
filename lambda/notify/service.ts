import { randomUUID } from 'node:crypto';
import { aesGcmSecretBox } from '../shared/sealed-secret';
import { fetchSender, type HttpSender, type NotifyPorts } from './application/ports';
import type { DeliveryProvider } from './domain/provider';
import { NOTIFY_ENVIRONMENT } from './environment';
import { DynamoNotifyDirectory } from './store/directory';
import { DynamoNotificationStore } from './store/notifications';
import { DynamoWorkStore } from './store/work';

export { createService, issueApiKey, revokeApiKey, saveTemplate } from './application/admin';
/**
 * The notifications service's application functions: what each handler calls once it has
 * parsed the request (with the schemas in domain/schemas.ts) and knows the caller.
 *
 * | route                                  | function                                   |
 * | -------------------------------------- | ------------------------------------------ |
 * | (every route: the JWT)                 | authenticateRequest / callerFromContext    |
 * | POST /v2/notifications/email           | sendEmail                                  |
 * | POST /v2/notifications/sms             | sendSms                                    |
 * | GET  /v2/notifications/{id}            | getNotification                            |
 * | GET  /v2/notifications                 | listNotifications                          |
 * | GET  /v2/template/{id}                 | getTemplate                                |
 * | GET  /v2/template/{id}/version/{v}     | getTemplateVersion                         |
 * | POST /v2/template/{id}/preview         | previewTemplate                            |
 * | GET  /v2/templates                     | listTemplates                              |
 * | (SES/SNS events, local simulation)     | recordDeliveryEvent                        |
 * | (schedule)                             | dispatchDueCallbacks                       |
 *
 * Each throws NotifyError for an outcome Notify answers with an error; toNotifyErrorResponse
 * turns whatever was thrown into Notify's status code and body.
 */
export { authenticateRequest, callerContext, callerFromContext, type NotifyCallerContext } from './application/authenticate';
export { dispatchDueCallbacks, recordDeliveryEvent } from './application/delivery';
export {
  fetchSender,
  type HttpSender,
  type NotifyPorts,
  type RequestOptions,
  type SendOptions,
  type ServiceResult,
} from './application/ports';
export { getNotification, listNotifications } from './application/read';
export { sendEmail, sendSms } from './application/send';
export { getTemplate, getTemplateVersion, listTemplates, previewTemplate } from './application/templates';
export type { NotifyCaller } from './domain/auth';
export { NotifyError, toNotifyErrorResponse } from './domain/errors';
export * from './domain/schemas';
export { parseNotify } from './domain/validation';

export interface NotifyPortOptions {
  /** 32 bytes sealing API key secrets and callback tokens; from Secrets Manager in AWS. */
  readonly secretBoxKey: Uint8Array;
  /** SES/SNS in AWS; a RecordingProvider in local mode and tests. */
  readonly provider: DeliveryProvider;
  /** @default fetchSender */
  readonly http?: HttpSender;
  /** @default - the system clock */
  readonly clock?: () => Date;
  /** @default crypto.randomUUID */
  readonly newId?: () => string;
}

/** Ports backed by the service's DynamoDB tables (named by the environment the stack or local mode sets). */
export function createNotifyPorts(options: NotifyPortOptions): NotifyPorts {
  return {
    directory: new DynamoNotifyDirectory(),
    notifications: new DynamoNotificationStore(),
    work: new DynamoWorkStore(),
    provider: options.provider,
    box: aesGcmSecretBox(options.secretBoxKey),
    http: options.http ?? fetchSender,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
  };
}

/** Environment variable carrying the secret box key (base64) where no secret store is wired. */
export const SECRET_BOX_KEY_ENV = NOTIFY_ENVIRONMENT.secretBoxKey;

export function secretBoxKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const value = env[SECRET_BOX_KEY_ENV];
  if (!value) throw new Error(`${SECRET_BOX_KEY_ENV} is not set: pass 32 random bytes in base64 (openssl rand -base64 32)`);
  return Buffer.from(value, 'base64');
}

import { aesGcmSecretBox } from '../shared/sealed-secret';
import { fetchSender, type HttpSender, type PayPorts } from './application/ports';
import type { PaymentProvider } from './domain/provider';
import { randomBase32 } from './domain/secrets';
import { PAY_ENVIRONMENT } from './environment';
import { DynamoPaymentStore } from './store/payments';
import { S3ReportStore } from './store/reports';

/**
 * The payments service's application functions: what each handler calls once it has parsed
 * the request (with the schemas in domain/schemas.ts) and knows the caller.
 *
 * | route                                          | function                                  |
 * | ---------------------------------------------- | ----------------------------------------- |
 * | (every /v1 route: the API key)                 | authenticatePayRequest / payCallerFromContext |
 * | POST /v1/payments                              | createPayment                             |
 * | GET  /v1/payments/{id}                         | getPayment                                |
 * | GET  /v1/payments                              | searchPayments                            |
 * | GET  /v1/payments/{id}/events                  | getPaymentEvents                          |
 * | POST /v1/payments/{id}/cancel                  | cancelPayment (204)                       |
 * | POST /v1/payments/{id}/capture                 | capturePayment (204)                      |
 * | POST /v1/payments/{id}/refunds                 | createRefund (202)                        |
 * | GET  /v1/payments/{id}/refunds                 | getRefunds                                |
 * | GET  /v1/payments/{id}/refunds/{refundId}      | getRefund                                 |
 * | GET  /secure/{token}           (public, HTML)  | showPaymentPage                           |
 * | POST /secure/{token}           (public, form)  | submitPaymentPage                         |
 * | POST /secure/{token}/cancel    (public, form)  | cancelPaymentPage                         |
 * | POST /secure  (next_url_post, chargeTokenId)   | 303 to /secure/{chargeTokenId}            |
 * | (schedule)                                     | dispatchDueWebhooks                       |
 * | (nightly, per department)                      | writeReconciliationReport                 |
 *
 * API functions throw PayError (or PayAuthError); toPayErrorResponse turns whatever was thrown
 * into Pay's status code and body. Page functions answer a PageResult to send as it is.
 */
export { configureWebhook, createAccount, issuePayApiKey, revokePayApiKey } from './application/admin';
export {
  authenticatePayRequest,
  type PayCaller,
  type PayCallerContext,
  payCallerContext,
  payCallerFromContext,
} from './application/authenticate';
export { cancelPaymentPage, type PageResult, showPaymentPage, submitPaymentPage } from './application/payment-page';
export { cancelPayment, capturePayment, createPayment, getPayment, getPaymentEvents, searchPayments } from './application/payments';
export {
  type CreatePaymentOptions,
  fetchSender,
  type HttpSender,
  type PayPorts,
  type PayRequestOptions,
  type ServiceResult,
} from './application/ports';
export { buildReconciliation, previousHongKongDay, writeReconciliationReport } from './application/reconciliation';
export { createRefund, getRefund, getRefunds } from './application/refunds';
export { dispatchDueWebhooks } from './application/webhooks';
export { PayAuthError, PayError, toPayErrorResponse, unparsableJson } from './domain/errors';
export * from './domain/schemas';
export { CREATE_PAYMENT_CODES, CREATE_REFUND_CODES, parsePayBody, parsePayQuery } from './domain/validation';
export { SIGNATURE_HEADER, verifyWebhookSignature } from './domain/webhooks';

export interface PayPortOptions {
  /** 32 bytes sealing webhook signing secrets; from Secrets Manager in AWS. */
  readonly secretBoxKey: Uint8Array;
  /** The acquirer in AWS; a SandboxProvider in local mode and for test accounts. */
  readonly provider: PaymentProvider;
  /** @default fetchSender */
  readonly http?: HttpSender;
  /** @default - the system clock */
  readonly clock?: () => Date;
  /** @default - 26 random base32 characters */
  readonly newId?: () => string;
}

/** Ports backed by the service's DynamoDB table and S3 bucket (named by the environment the stack or local mode sets). */
export function createPayPorts(options: PayPortOptions): PayPorts {
  return {
    store: new DynamoPaymentStore(),
    reports: new S3ReportStore(),
    provider: options.provider,
    box: aesGcmSecretBox(options.secretBoxKey),
    http: options.http ?? fetchSender,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? (() => randomBase32(26)),
  };
}

/** Environment variable carrying the secret box key (base64) where no secret store is wired. */
export const PAY_SECRET_BOX_KEY_ENV = PAY_ENVIRONMENT.secretBoxKey;

export function paySecretBoxKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const value = env[PAY_SECRET_BOX_KEY_ENV];
  if (!value) throw new Error(`${PAY_SECRET_BOX_KEY_ENV} is not set: pass 32 random bytes in base64 (openssl rand -base64 32)`);
  return Buffer.from(value, 'base64');
}

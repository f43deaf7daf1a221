import type { PayIdempotencyClaim } from './idempotency';
import type { PayAccount, PayApiKeyRecord, Payment, PaymentEventRecord, Refund } from './model';
import type { ReconciliationEntry } from './reconciliation';
import type { WebhookDelivery } from './webhooks';

/** Storage the payments service needs; DynamoDB and S3 adapters in store/ implement it. */

export interface PaymentSearch {
  readonly accountId: string;
  readonly fromDate?: string;
  readonly toDate?: string;
  readonly reference?: string;
  readonly email?: string;
  readonly status?: string;
}

/** Fields a state change may set beside the state itself. */
export type TransitionFields = Partial<Pick<Payment, 'providerId' | 'card' | 'capturedDate' | 'email'>>;

export interface PaymentStore {
  getAccount(accountId: string): Promise<PayAccount | undefined>;
  putAccount(account: PayAccount): Promise<void>;
  putApiKey(key: PayApiKeyRecord): Promise<void>;
  findApiKey(hash: string): Promise<PayApiKeyRecord | undefined>;

  /** Stores a new payment and its charge token; fails if the id exists. */
  createPayment(payment: Payment): Promise<void>;
  getPayment(paymentId: string): Promise<Payment | undefined>;
  findByChargeToken(token: string): Promise<Payment | undefined>;
  /**
   * Moves a payment to a new state if it is still at the version it was read at, appending
   * the event; answers the stored payment, or undefined when another change got there first.
   */
  transition(current: Payment, event: PaymentEventRecord, fields: TransitionFields): Promise<Payment | undefined>;
  /** Newest first. */
  searchPayments(search: PaymentSearch): Promise<Payment[]>;

  /**
   * Records a refund only if the payment is paid and its refunded amount is still
   * `expectedRefunded`: one atomic conditional write, so parallel refunds can never together
   * exceed the amount. False when the condition failed.
   */
  reserveRefund(payment: Payment, refund: Refund, expectedRefunded: number): Promise<boolean>;
  /** Settles a submitted refund; an error gives its amount back to what may be refunded. */
  settleRefund(payment: Payment, refund: Refund): Promise<void>;

  getIdempotencyClaim(scope: string): Promise<PayIdempotencyClaim | undefined>;
  claimIdempotencyKey(scope: string, claim: PayIdempotencyClaim, nowSeconds: number): Promise<boolean>;
  releaseIdempotencyKey(scope: string, paymentId: string): Promise<void>;

  saveWebhook(delivery: WebhookDelivery): Promise<void>;
  dueWebhooks(now: Date, limit: number): Promise<WebhookDelivery[]>;

  /** Payments captured and refunds settled on a Hong Kong day, for one department. */
  reconciliationEntries(departmentCode: string, day: string): Promise<ReconciliationEntry[]>;
}

export interface ReportStore {
  /** Writes a report object; answers its key. */
  putReport(key: string, body: string, contentType: string): Promise<string>;
}

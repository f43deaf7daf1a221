import type { IdempotencyStore } from '../shared/idempotency';
import type { OutboxStore } from '../shared/outbox';
import type { PostSender } from '../shared/outgoing-post';
import type { SecretBox } from '../shared/sealed-secret';
import type { CardInput } from './domain/cards';
import type { CardSummary, PayAccount, PayApiKeyRecord, Payment, PaymentEventRecord, Refund } from './domain/model';
import type { ReconciliationEntry } from './domain/reconciliation';
import type { WebhookDelivery } from './domain/webhooks';

/** What the payments service's use cases reach outside themselves; compose.ts builds them, store/ implements them. */
export interface PayPorts {
  readonly store: PaymentStore;
  /** Claims on the `Idempotency-Key`s of created payments. */
  readonly idempotency: IdempotencyStore;
  /** Webhook messages waiting to be sent. */
  readonly webhooks: OutboxStore<WebhookDelivery>;
  readonly provider: PaymentProvider;
  readonly box: SecretBox;
  readonly http: HttpSender;
  readonly clock: () => Date;
  /** Pay-style ids: 26 random lower-case base32 characters. */
  readonly newId: () => string;
}

/** What the nightly reconciliation needs besides: the bucket its reports go to (the API never writes there). */
export interface ReconciliationPorts extends PayPorts {
  readonly reports: ReportStore;
}

/** An outgoing POST to a department, answering its HTTP status; rejects when there is no answer. */
export type HttpSender = PostSender;

/** An account's payments created in a period; the search's other filters are the domain's (domain/search.ts). */
export interface PaymentSearch {
  readonly accountId: string;
  readonly fromDate?: string;
  readonly toDate?: string;
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

  /** Payments captured and refunds settled on a Hong Kong day, for one department. */
  reconciliationEntries(departmentCode: string, day: string): Promise<ReconciliationEntry[]>;
}

export interface ReportStore {
  /** Writes a report object; answers its key. */
  putReport(key: string, body: string, contentType: string): Promise<string>;
}

/**
 * The payment service provider (acquirer) behind the platform. The sandbox provider stands in
 * for it in local mode and on test accounts; a live one is wired in AWS. Card details pass
 * through `authorise` and are not kept by anything on this side.
 */
export interface PaymentProvider {
  /** Shown as `payment_provider`. */
  readonly name: string;
  authorise(request: { readonly paymentId: string; readonly amount: number; readonly card: CardInput }): Promise<AuthorisationResult>;
  capture(providerId: string, amount: number): Promise<void>;
  /** Releases an authorisation that will not be captured. */
  cancel(providerId: string): Promise<void>;
  refund(request: { readonly providerId: string; readonly refundId: string; readonly amount: number }): Promise<'success' | 'error'>;
}

export type AuthorisationResult =
  | {
      readonly outcome: 'authorised';
      readonly providerId: string;
      /** The card as the provider describes it (Pay's `card_details`): never its number or security code. */
      readonly card: CardSummary;
    }
  | { readonly outcome: 'declined'; readonly reason: string }
  | { readonly outcome: 'error'; readonly reason: string };

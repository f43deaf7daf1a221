/** The records the payments service keeps. Amounts are Hong Kong dollar cents; times ISO-8601 UTC. */

export const PAYMENT_STATUSES = ['created', 'started', 'submitted', 'capturable', 'success', 'failed', 'cancelled', 'error'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface PaymentState {
  readonly status: PaymentStatus;
  readonly finished: boolean;
  /** Why a payment failed, was cancelled or errored (P0010 ... P0050). */
  readonly code?: string;
  readonly message?: string;
}

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export type MetadataValue = string | number | boolean;

/**
 * What is kept of a card: what Pay shows of it (`card_details`), as far as the provider told it,
 * never enough to use it. Payments taken before a field was kept lack it.
 */
export interface CardSummary {
  readonly brand: string;
  readonly cardType: 'credit' | 'debit' | null;
  readonly lastDigits: string;
  /** The first six digits (the issuer's range). */
  readonly firstDigits?: string;
  readonly cardholderName?: string;
  /** `MM/YY`. */
  readonly expiryDate?: string;
  /** Undefined where the payment page did not ask for it. */
  readonly billingAddress?: BillingAddress;
}

export interface BillingAddress {
  readonly line1: string;
  readonly line2?: string;
  readonly postcode?: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

export type RefundStatus = 'submitted' | 'success' | 'error';

export interface Refund {
  readonly refundId: string;
  readonly paymentId: string;
  readonly amount: number;
  readonly status: RefundStatus;
  readonly createdDate: string;
  /** When the provider confirmed it. */
  readonly settledDate?: string;
}

export interface PaymentEventRecord {
  readonly state: PaymentState;
  readonly updated: string;
}

export interface Payment {
  readonly id: string;
  readonly accountId: string;
  readonly departmentCode: string;
  /** Taken with a live key; test payments only ever reach the sandbox. */
  readonly live: boolean;
  readonly amount: number;
  readonly reference: string;
  readonly description: string;
  readonly returnUrl: string;
  readonly email?: string;
  /** The name the service prefilled on the payment page (Pay's `prefilled_cardholder_details`). */
  readonly prefilledCardholderName?: string;
  readonly metadata?: Readonly<Record<string, MetadataValue>>;
  readonly language: Language;
  readonly delayedCapture: boolean;
  /** A MOTO payment: keyed in by the service's staff for a caller on the telephone or by mail. */
  readonly moto?: boolean;
  readonly state: PaymentState;
  readonly createdDate: string;
  /** The capability in `next_url`; answers only while the payment is in progress. */
  readonly chargeToken: string;
  readonly provider: string;
  readonly providerId?: string;
  readonly card?: CardSummary;
  /** When the money was taken (success). */
  readonly capturedDate?: string;
  /** Sum of refunds submitted or succeeded. */
  readonly refundedAmount: number;
  readonly refunds: Readonly<Record<string, Refund>>;
  readonly events: readonly PaymentEventRecord[];
  /** Bumped by every state change; the condition of the next one. */
  readonly version: number;
}

export interface WebhookConfig {
  readonly url: string;
  /** Sealed: it signs every message, so it must be usable, not merely comparable. */
  readonly sealedSigningSecret: string;
  /** Event types sent; all when empty. */
  readonly subscriptions: readonly string[];
}

/** A department's payment service (Pay's gateway account): owns keys and payments. */
export interface PayAccount {
  readonly id: string;
  readonly departmentCode: string;
  readonly name: string;
  /** Live accounts need https return URLs; test accounts may use http. */
  readonly live: boolean;
  /**
   * Takes MOTO payments (mail or telephone orders, keyed in by the service's staff), as a service
   * asks GOV.UK Pay to enable; others refuse `moto: true` with P0196.
   * @default false
   */
  readonly motoEnabled?: boolean;
  readonly webhook?: WebhookConfig;
  readonly createdAt: string;
}

export interface PayApiKeyRecord {
  /** SHA-256 of the whole token, hex: the only form in which a key is kept. */
  readonly hash: string;
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt?: string;
}

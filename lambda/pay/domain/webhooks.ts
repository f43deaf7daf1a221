import type { Delivery, RetryPolicy } from '../../shared/outbox';
import { hmacSha256Hex, sameHex } from '../../shared/sealed-secret';
import type { Payment } from './model';
import { type PaymentResponse, paymentResponse } from './responses';
import type { PaymentEvent } from './state-machine';

/**
 * Webhooks as Pay sends them: a JSON message POSTed to the department's URL, signed in the
 * `Pay-Signature` header with the lower-case hex HMAC-SHA256 of the exact body under the
 * webhook's signing secret. A message is retried with growing gaps (1, 2, 4 ... minutes, at
 * most an hour apart) until the department answers 2xx, for up to three days.
 */
export const SIGNATURE_HEADER = 'Pay-Signature';
export const WEBHOOK_RETRY_POLICY: RetryPolicy = {
  firstDelaySeconds: 60,
  factor: 2,
  maxDelaySeconds: 3600,
  giveUpAfterSeconds: 3 * 24 * 3600,
};

export const WEBHOOK_EVENT_TYPES = [
  'card_payment_started',
  'card_payment_succeeded',
  'card_payment_captured',
  'card_payment_refunded',
  'card_payment_failed',
  'card_payment_expired',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The webhook event a payment's state change raises, if any. */
export function webhookEventFor(event: PaymentEvent, status: Payment['state']['status']): WebhookEventType | undefined {
  switch (event) {
    case 'start':
      return 'card_payment_started';
    case 'authorise':
      return 'card_payment_succeeded';
    case 'confirm':
      return status === 'success' ? 'card_payment_captured' : undefined;
    case 'capture':
      return 'card_payment_captured';
    case 'expire':
      return 'card_payment_expired';
    case 'decline':
    case 'authorisation_error':
    case 'cancel_by_user':
      return 'card_payment_failed';
    default:
      return undefined;
  }
}

export function signWebhookBody(body: string, signingSecret: string): string {
  return hmacSha256Hex(signingSecret, body);
}

/** What a department runs on receipt: does the signature match the body under its secret? */
export function verifyWebhookSignature(body: string, signingSecret: string, signature: string | undefined): boolean {
  return signature !== undefined && sameHex(signWebhookBody(body, signingSecret), signature.trim());
}

export interface WebhookMessage {
  readonly id: string;
  readonly api_version: 1;
  readonly created_date: string;
  readonly resource_id: string;
  readonly resource_type: 'payment';
  readonly event_type: WebhookEventType;
  readonly resource: Omit<PaymentResponse, '_links'>;
}

export function webhookMessage(id: string, eventType: WebhookEventType, payment: Payment, now: Date): WebhookMessage {
  // The resource is the payment as GET answers it, less the links (which need no base URL here).
  const { _links, ...resource } = paymentResponse(payment, { baseUrl: '' });
  return {
    id,
    api_version: 1,
    created_date: now.toISOString(),
    resource_id: payment.id,
    resource_type: 'payment',
    event_type: eventType,
    resource,
  };
}

/** A message in the webhook outbox, sent and retried by the shared outbox. */
export interface WebhookDelivery extends Delivery {
  readonly accountId: string;
  readonly paymentId: string;
  readonly eventType: WebhookEventType;
  /** The message exactly as signed and sent. */
  readonly body: string;
}

import type { Notification } from './model';
import { notifyTimestamp } from './responses';

/**
 * Delivery receipts: when a notification reaches a final status, Notify POSTs a receipt to the
 * department's callback URL with the department's bearer token. A failed POST (no answer, or
 * not 2xx) is retried with growing gaps, 1, 2, 4, 8 and 16 minutes, then abandoned, so a
 * department that is down for half an hour still gets its receipts.
 */
export const CALLBACK_RETRIES = 5;
export const FIRST_RETRY_SECONDS = 60;

export interface DeliveryReceipt {
  readonly id: string;
  readonly reference: string | null;
  readonly to: string;
  readonly status: string;
  readonly created_at: string;
  readonly completed_at: string | null;
  readonly sent_at: string | null;
  readonly notification_type: string;
  readonly template_id: string;
  readonly template_version: number;
}

export function deliveryReceipt(notification: Notification): DeliveryReceipt {
  return {
    id: notification.id,
    reference: notification.reference,
    to: notification.to,
    status: notification.status,
    created_at: notifyTimestamp(notification.createdAt),
    completed_at: notification.completedAt && notifyTimestamp(notification.completedAt),
    sent_at: notification.sentAt && notifyTimestamp(notification.sentAt),
    notification_type: notification.type,
    template_id: notification.templateId,
    template_version: notification.templateVersion,
  };
}

/** Seconds to wait after the given number of failed attempts, or undefined to give up. */
export function callbackRetryDelaySeconds(failedAttempts: number): number | undefined {
  if (failedAttempts < 1 || failedAttempts > CALLBACK_RETRIES) return undefined;
  return FIRST_RETRY_SECONDS * 2 ** (failedAttempts - 1);
}

export interface OutgoingRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function callbackRequest(url: string, bearerToken: string, body: string): OutgoingRequest {
  return { url, body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearerToken}` } };
}

/** A department acknowledges with any 2xx answer. */
export function acknowledged(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

export type CallbackState = 'pending' | 'delivered' | 'abandoned';

export interface CallbackDelivery {
  readonly id: string;
  readonly serviceId: string;
  readonly notificationId: string;
  /** The receipt exactly as it is posted. */
  readonly payload: string;
  readonly state: CallbackState;
  readonly attempts: number;
  /** ISO time of the next attempt while pending. */
  readonly nextAttemptAt: string;
  readonly lastResponseStatus?: number;
  readonly createdAt: string;
}

/** The delivery after one attempt answered with `status` (undefined: no answer). */
export function afterAttempt(delivery: CallbackDelivery, status: number | undefined, now: Date): CallbackDelivery {
  const attempts = delivery.attempts + 1;
  if (acknowledged(status)) return { ...delivery, attempts, state: 'delivered', lastResponseStatus: status };
  const delay = callbackRetryDelaySeconds(attempts);
  if (delay === undefined) return { ...delivery, attempts, state: 'abandoned', lastResponseStatus: status };
  return { ...delivery, attempts, lastResponseStatus: status, nextAttemptAt: new Date(now.getTime() + delay * 1000).toISOString() };
}

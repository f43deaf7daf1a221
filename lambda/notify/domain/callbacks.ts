import type { Delivery, RetryPolicy } from '../../shared/outbox';
import type { OutgoingPost } from '../../shared/outgoing-post';
import type { Notification } from './model';
import { notifyTimestamp } from './responses';

/**
 * Delivery receipts: when a notification reaches a final status, Notify POSTs a receipt to the
 * department's callback URL with the department's bearer token. A failed POST (no answer, or
 * not 2xx) is retried with growing gaps, 1, 2, 4, 8 and 16 minutes, then abandoned, so a
 * department that is down for half an hour still gets its receipts.
 */
export const CALLBACK_RETRY_POLICY: RetryPolicy = { firstDelaySeconds: 60, factor: 2, maxRetries: 5 };

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

export function callbackRequest(url: string, bearerToken: string, body: string): OutgoingPost {
  return { url, body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearerToken}` } };
}

/** A receipt waiting in the outbox; the URL and token are the service's current ones when it is sent. */
export interface CallbackDelivery extends Delivery {
  readonly serviceId: string;
  readonly notificationId: string;
  /** The receipt exactly as it is posted. */
  readonly payload: string;
}

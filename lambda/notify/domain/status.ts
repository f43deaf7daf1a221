import type { Notification, NotificationStatus, NotificationType } from './model';

/**
 * How a notification's status moves. created → sending when handed to the provider, then to
 * delivered or a failure when the provider reports; a text message may pass through pending,
 * and one to another country may end as sent (networks there report nothing more). A final
 * status never changes: late or repeated provider events are ignored.
 */
export type DeliveryEvent =
  | { readonly kind: 'handed-to-provider'; readonly providerReference?: string }
  | { readonly kind: 'pending' }
  | { readonly kind: 'delivered' }
  | { readonly kind: 'sent-international' }
  | { readonly kind: 'permanent-failure' }
  | { readonly kind: 'temporary-failure' }
  | { readonly kind: 'technical-failure' };

export type DeliveryEventKind = DeliveryEvent['kind'];

export const FINAL_STATUSES: ReadonlySet<NotificationStatus> = new Set([
  'delivered',
  'permanent-failure',
  'temporary-failure',
  'technical-failure',
  'sent',
]);

export function isFinal(status: NotificationStatus): boolean {
  return FINAL_STATUSES.has(status);
}

const AWAITING_REPORT: ReadonlySet<NotificationStatus> = new Set(['sending', 'pending']);

/** The status an event moves a notification to, or undefined when it does not apply. */
export function nextStatus(type: NotificationType, status: NotificationStatus, event: DeliveryEventKind): NotificationStatus | undefined {
  switch (event) {
    case 'handed-to-provider':
      return status === 'created' ? 'sending' : undefined;
    case 'pending':
      return type === 'sms' && status === 'sending' ? 'pending' : undefined;
    case 'sent-international':
      return type === 'sms' && AWAITING_REPORT.has(status) ? 'sent' : undefined;
    case 'delivered':
    case 'permanent-failure':
    case 'temporary-failure':
      return AWAITING_REPORT.has(status) ? event : undefined;
    case 'technical-failure':
      return status === 'created' || AWAITING_REPORT.has(status) ? 'technical-failure' : undefined;
  }
}

export interface StatusChange {
  readonly notification: Notification;
  readonly changed: boolean;
}

export function applyDeliveryEvent(notification: Notification, event: DeliveryEvent, now: Date): StatusChange {
  const status = nextStatus(notification.type, notification.status, event.kind);
  if (!status) return { notification, changed: false };
  const at = now.toISOString();
  return {
    changed: true,
    notification: {
      ...notification,
      status,
      sentAt: status === 'sending' ? at : notification.sentAt,
      completedAt: isFinal(status) ? at : notification.completedAt,
      providerReference:
        event.kind === 'handed-to-provider' ? (event.providerReference ?? notification.providerReference) : notification.providerReference,
    },
  };
}

/**
 * What a test key's message goes through instead of a provider: it is never delivered, but its
 * status moves as if it were. Notify's simulator addresses (temp-fail@…, perm-fail@…) fail.
 */
export function simulatedEvents(notification: Notification): DeliveryEvent[] {
  const local = notification.type === 'email' ? notification.normalisedTo.split('@')[0] : '';
  const outcome: DeliveryEvent =
    local === 'temp-fail' ? { kind: 'temporary-failure' } : local === 'perm-fail' ? { kind: 'permanent-failure' } : { kind: 'delivered' };
  return [{ kind: 'handed-to-provider', providerReference: `simulated-${notification.id}` }, outcome];
}

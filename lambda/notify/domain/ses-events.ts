import type { DeliveryEvent } from './status';

/** The part of an SES sending event (from its configuration set, through EventBridge) that moves a status. */
export interface SesEventDetail {
  readonly eventType?: string;
  readonly bounce?: { readonly bounceType?: string };
  readonly mail?: { readonly tags?: Readonly<Record<string, readonly string[]>> };
}

/** The EventBridge detail types of the SES events the service listens to. */
export const SES_EVENT_DETAIL_TYPES = ['Email Delivered', 'Email Bounced', 'Email Rejected', 'Email Rendering Failed'] as const;

/**
 * What an SES event means for the notification it is tagged with. A hard bounce is permanent,
 * a soft one (SES only reports it once it has stopped retrying) temporary; a message SES would
 * not send is a technical failure. Anything else changes nothing.
 */
export function sesDeliveryEvent(detail: SesEventDetail): { readonly notificationId: string; readonly event: DeliveryEvent } | undefined {
  const notificationId = detail.mail?.tags?.notificationId?.[0];
  if (!notificationId) return undefined;
  const event = eventFor(detail);
  return event && { notificationId, event };
}

function eventFor(detail: SesEventDetail): DeliveryEvent | undefined {
  switch (detail.eventType) {
    case 'Delivery':
      return { kind: 'delivered' };
    case 'Bounce':
      return { kind: detail.bounce?.bounceType === 'Permanent' ? 'permanent-failure' : 'temporary-failure' };
    case 'Reject':
    case 'Rendering Failure':
      return { kind: 'technical-failure' };
    default:
      return undefined;
  }
}

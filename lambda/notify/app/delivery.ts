import { type DeliveryRun, dispatchDue, newDelivery } from '../../shared/outbox';
import { CALLBACK_RETRY_POLICY, callbackRequest, deliveryReceipt } from '../domain/callbacks';
import { emailBodyToHtml } from '../domain/email-html';
import type { Notification, NotifyService } from '../domain/model';
import { type SesEventDetail, sesDeliveryEvent } from '../domain/ses-events';
import { applyDeliveryEvent, type DeliveryEvent, type DeliveryEventKind, isFinal, simulatedEvents } from '../domain/status';
import type { NotifyPorts, ProviderReceipt } from '../ports';

/**
 * Moving notifications through their statuses: handing them to the provider (or, for test keys,
 * simulating it), applying the provider's delivery events, and posting receipts to departments.
 */

/** Sends a just-created notification and stores the status it reaches. */
export async function deliver(notification: Notification, service: NotifyService, ports: NotifyPorts): Promise<Notification> {
  let events: DeliveryEvent[];
  if (notification.keyType === 'test') {
    events = simulatedEvents(notification);
  } else {
    try {
      const receipt = await handToProvider(notification, ports);
      events = [
        { kind: 'handed-to-provider', providerReference: receipt.providerReference },
        ...(receipt.outcome ? [{ kind: receipt.outcome }] : []),
      ];
    } catch {
      events = [{ kind: 'technical-failure' }];
    }
  }
  let current = notification;
  for (const event of events) current = applyDeliveryEvent(current, event, ports.clock()).notification;
  if (current !== notification) await ports.notifications.replace(current, notification.status);
  if (isFinal(current.status)) await enqueueReceipt(current, service, ports);
  return current;
}

function handToProvider(notification: Notification, ports: NotifyPorts): Promise<ProviderReceipt> {
  if (notification.type === 'email') {
    return ports.provider.sendEmail({
      notificationId: notification.id,
      to: notification.normalisedTo,
      from: notification.fromEmail ?? '',
      replyTo: notification.replyTo,
      subject: notification.subject ?? '',
      body: notification.body,
      html: emailBodyToHtml(notification.body),
      oneClickUnsubscribeUrl: notification.oneClickUnsubscribeUrl,
    });
  }
  return ports.provider.sendSms({
    notificationId: notification.id,
    to: notification.normalisedTo,
    sender: notification.fromNumber ?? '',
    body: notification.body,
  });
}

/**
 * Applies a provider's report (from SES or SNS, or local mode's simulation). Reports arrive in
 * any order and more than once; a conditional write on the status keeps the outcome right when
 * two arrive together. Answers the notification as it now is, or undefined if unknown.
 */
export async function recordDeliveryEvent(
  notificationId: string,
  event: DeliveryEvent,
  ports: NotifyPorts,
): Promise<Notification | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await ports.notifications.get(notificationId);
    if (!stored) return undefined;
    const { notification, changed } = applyDeliveryEvent(stored, event, ports.clock());
    if (!changed) return stored;
    if (await ports.notifications.replace(notification, stored.status)) {
      if (isFinal(notification.status)) {
        const service = await ports.directory.getService(notification.serviceId);
        if (service) await enqueueReceipt(notification, service, ports);
      }
      return notification;
    }
  }
  throw new Error(`Notification ${notificationId} kept changing while a delivery event was applied`);
}

export type { SesEventDetail };

/** What an SES event did: the event it meant, and the notification as it now is (undefined if unknown). */
export interface AppliedEvent {
  readonly event: DeliveryEventKind;
  readonly notification?: Notification;
}

/** Applies SES's report of a delivery, bounce or refusal; undefined when it is none the service tracks. */
export async function recordSesEvent(detail: SesEventDetail, ports: NotifyPorts): Promise<AppliedEvent | undefined> {
  const report = sesDeliveryEvent(detail);
  if (!report) return undefined;
  return { event: report.event.kind, notification: await recordDeliveryEvent(report.notificationId, report.event, ports) };
}

async function enqueueReceipt(notification: Notification, service: NotifyService, ports: NotifyPorts): Promise<void> {
  if (!service.deliveryStatusCallback) return;
  const receipt = { serviceId: service.id, notificationId: notification.id, payload: JSON.stringify(deliveryReceipt(notification)) };
  await ports.callbacks.save(newDelivery(ports.newId(), ports.clock(), receipt));
}

/**
 * Posts the receipts that are due, each with the department's current callback URL and bearer
 * token (a service that has dropped its callback gives them up), and schedules the failures'
 * next attempts. Run on a schedule (and by local mode).
 */
export function dispatchDueCallbacks(ports: NotifyPorts, limit = 100): Promise<DeliveryRun> {
  return dispatchDue({
    outbox: ports.callbacks,
    policy: CALLBACK_RETRY_POLICY,
    request: async (delivery) => {
      const config = (await ports.directory.getService(delivery.serviceId))?.deliveryStatusCallback;
      return config && callbackRequest(config.url, ports.box.open(config.sealedBearerToken), delivery.payload);
    },
    send: ports.http,
    clock: ports.clock,
    limit,
  });
}

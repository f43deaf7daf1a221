import type { CallbackDelivery } from '../domain/callbacks';
import { afterAttempt, callbackRequest, deliveryReceipt } from '../domain/callbacks';
import type { Notification, NotifyService } from '../domain/model';
import { type SesEventDetail, sesDeliveryEvent } from '../domain/ses-events';
import { applyDeliveryEvent, type DeliveryEvent, type DeliveryEventKind, isFinal, simulatedEvents } from '../domain/status';
import type { EmailMessage, NotifyPorts, SmsMessage } from '../ports';

/**
 * Moving notifications through their statuses: handing them to the provider (or, for test keys,
 * simulating it), applying the provider's delivery events, and posting receipts to departments.
 */

export type OutgoingMessage =
  | { readonly kind: 'email'; readonly message: EmailMessage }
  | { readonly kind: 'sms'; readonly message: SmsMessage };

/** Sends a just-created notification and stores the status it reaches. */
export async function deliver(
  notification: Notification,
  outgoing: OutgoingMessage,
  service: NotifyService,
  ports: NotifyPorts,
): Promise<Notification> {
  let events: DeliveryEvent[];
  if (notification.keyType === 'test') {
    events = simulatedEvents(notification);
  } else {
    try {
      const receipt =
        outgoing.kind === 'email' ? await ports.provider.sendEmail(outgoing.message) : await ports.provider.sendSms(outgoing.message);
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
  const now = ports.clock().toISOString();
  await ports.work.saveCallback({
    id: ports.newId(),
    serviceId: service.id,
    notificationId: notification.id,
    payload: JSON.stringify(deliveryReceipt(notification)),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
}

export interface CallbackRun {
  readonly attempted: number;
  readonly delivered: number;
  readonly retrying: number;
  readonly abandoned: number;
}

/**
 * Posts the receipts that are due, each with the department's current callback URL and bearer
 * token, and schedules the failures' next attempts. Run on a schedule (and by local mode).
 */
export async function dispatchDueCallbacks(ports: NotifyPorts, limit = 100): Promise<CallbackRun> {
  const due = await ports.work.dueCallbacks(ports.clock(), limit);
  const outcomes = await Promise.all(due.map((delivery) => attemptCallback(delivery, ports)));
  return {
    attempted: outcomes.length,
    delivered: outcomes.filter((d) => d.state === 'delivered').length,
    retrying: outcomes.filter((d) => d.state === 'pending').length,
    abandoned: outcomes.filter((d) => d.state === 'abandoned').length,
  };
}

async function attemptCallback(delivery: CallbackDelivery, ports: NotifyPorts): Promise<CallbackDelivery> {
  const service = await ports.directory.getService(delivery.serviceId);
  const config = service?.deliveryStatusCallback;
  let status: number | undefined;
  if (config) {
    const request = callbackRequest(config.url, ports.box.open(config.sealedBearerToken), delivery.payload);
    status = await ports.http(request).then(
      (response) => response.status,
      () => undefined,
    );
  }
  const next = config ? afterAttempt(delivery, status, ports.clock()) : { ...delivery, state: 'abandoned' as const };
  await ports.work.saveCallback(next);
  return next;
}

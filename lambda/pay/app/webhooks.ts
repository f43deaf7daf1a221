import { type DeliveryRun, dispatchDue, newDelivery } from '../../shared/outbox';
import type { Payment } from '../domain/model';
import type { PaymentEvent } from '../domain/state-machine';
import {
  SIGNATURE_HEADER,
  signWebhookBody,
  WEBHOOK_RETRY_POLICY,
  type WebhookEventType,
  webhookEventFor,
  webhookMessage,
} from '../domain/webhooks';
import type { PayPorts } from '../ports';

/**
 * Sends the webhook messages that are due, signed with the account's current signing secret,
 * and schedules the next attempt of each one not acknowledged; a message whose account no
 * longer has a webhook is given up. Run on a schedule (and by local mode).
 */
export async function dispatchDueWebhooks(ports: PayPorts, limit = 100): Promise<DeliveryRun> {
  return dispatchDue({
    outbox: ports.webhooks,
    policy: WEBHOOK_RETRY_POLICY,
    async request(delivery) {
      const webhook = (await ports.store.getAccount(delivery.accountId))?.webhook;
      if (!webhook) return undefined;
      const signature = signWebhookBody(delivery.body, ports.box.open(webhook.sealedSigningSecret));
      return { url: webhook.url, headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signature }, body: delivery.body };
    },
    send: ports.http,
    clock: ports.clock,
    limit,
  });
}

/** Queues the webhook a payment's state change raises, if it raises one. */
export async function raiseWebhook(payment: Payment, event: PaymentEvent, ports: PayPorts): Promise<void> {
  const type = webhookEventFor(event, payment.state.status);
  if (!type) return;
  await enqueueWebhook(payment, type, ports);
}

/** Queues a webhook message about a payment, if its account has a webhook subscribed to the type. */
export async function enqueueWebhook(payment: Payment, type: WebhookEventType, ports: PayPorts): Promise<void> {
  const account = await ports.store.getAccount(payment.accountId);
  const webhook = account?.webhook;
  if (!webhook || (webhook.subscriptions.length > 0 && !webhook.subscriptions.includes(type))) return;
  const now = ports.clock();
  const id = ports.newId();
  const body = JSON.stringify(webhookMessage(id, type, payment, now));
  await ports.webhooks.save(newDelivery(id, now, { accountId: payment.accountId, paymentId: payment.id, eventType: type, body }));
}

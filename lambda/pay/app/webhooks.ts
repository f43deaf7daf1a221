import type { Payment } from '../domain/model';
import type { PaymentEvent } from '../domain/state-machine';
import {
  afterWebhookAttempt,
  SIGNATURE_HEADER,
  signWebhookBody,
  type WebhookDelivery,
  type WebhookEventType,
  webhookEventFor,
  webhookMessage,
} from '../domain/webhooks';
import type { PayPorts } from '../ports';

export interface WebhookRun {
  readonly attempted: number;
  readonly delivered: number;
  readonly retrying: number;
  readonly failed: number;
}

/**
 * Sends the webhook messages that are due, signed with the account's current signing secret,
 * and schedules the next attempt of each one not acknowledged. Run on a schedule (and by local mode).
 */
export async function dispatchDueWebhooks(ports: PayPorts, limit = 100): Promise<WebhookRun> {
  const due = await ports.store.dueWebhooks(ports.clock(), limit);
  const outcomes = await Promise.all(due.map((delivery) => attempt(delivery, ports)));
  return {
    attempted: outcomes.length,
    delivered: outcomes.filter((d) => d.state === 'delivered').length,
    retrying: outcomes.filter((d) => d.state === 'pending').length,
    failed: outcomes.filter((d) => d.state === 'failed').length,
  };
}

async function attempt(delivery: WebhookDelivery, ports: PayPorts): Promise<WebhookDelivery> {
  const webhook = (await ports.store.getAccount(delivery.accountId))?.webhook;
  if (!webhook) {
    const dropped = { ...delivery, state: 'failed' as const };
    await ports.store.saveWebhook(dropped);
    return dropped;
  }
  const signature = signWebhookBody(delivery.body, ports.box.open(webhook.sealedSigningSecret));
  const status = await ports
    .http({ url: webhook.url, headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signature }, body: delivery.body })
    .then(
      (response) => response.status,
      () => undefined,
    );
  const next = afterWebhookAttempt(delivery, status, ports.clock());
  await ports.store.saveWebhook(next);
  return next;
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
  await ports.store.saveWebhook({
    id,
    accountId: payment.accountId,
    paymentId: payment.id,
    eventType: type,
    body: JSON.stringify(webhookMessage(id, type, payment, now)),
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    createdAt: now.toISOString(),
  });
}

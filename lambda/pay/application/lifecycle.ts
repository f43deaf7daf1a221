import type { Payment } from '../domain/model';
import type { TransitionFields } from '../domain/ports';
import { isExpired, type PaymentEvent, transition } from '../domain/state-machine';
import { webhookEventFor, webhookMessage } from '../domain/webhooks';
import type { PayPorts } from './ports';

/**
 * Applying the state machine to stored payments: every change is conditional on the version
 * read, raises the webhook it implies, and stamps the capture time when money is taken.
 */
export type MoveOutcome =
  | { readonly kind: 'moved'; readonly payment: Payment }
  | { readonly kind: 'not-allowed'; readonly payment: Payment }
  | { readonly kind: 'conflict' };

export async function move(payment: Payment, event: PaymentEvent, ports: PayPorts, fields: TransitionFields = {}): Promise<MoveOutcome> {
  const next = transition(payment.state, event, payment.delayedCapture);
  if (!next) return { kind: 'not-allowed', payment };
  const now = ports.clock().toISOString();
  const stored = await ports.store.transition(
    payment,
    { state: next, updated: now },
    next.status === 'success' ? { ...fields, capturedDate: now } : fields,
  );
  if (!stored) return { kind: 'conflict' };
  await raiseWebhook(stored, event, ports);
  return { kind: 'moved', payment: stored };
}

/**
 * Applies `event` to the latest version of a payment, re-reading when another change wins the
 * race. Answers the outcome against the payment as it finally stands.
 */
export async function moveLatest(
  paymentId: string,
  event: PaymentEvent,
  ports: PayPorts,
  fields: TransitionFields = {},
): Promise<MoveOutcome & { kind: 'moved' | 'not-allowed' }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const payment = await current(paymentId, ports);
    if (!payment) throw new Error(`Payment ${paymentId} disappeared`);
    const outcome = await move(payment, event, ports, fields);
    if (outcome.kind !== 'conflict') return outcome;
  }
  throw new Error(`Payment ${paymentId} kept changing`);
}

/** The stored payment (`read`, when just read), failed with P0020 first if it has outlived its 90 minutes. */
export async function current(paymentId: string, ports: PayPorts, read?: Payment): Promise<Payment | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const payment = attempt === 0 && read ? read : await ports.store.getPayment(paymentId);
    if (!payment || !isExpired(payment.state.status, payment.createdDate, ports.clock())) return payment;
    const outcome = await move(payment, 'expire', ports);
    if (outcome.kind !== 'conflict') return outcome.payment;
  }
  return ports.store.getPayment(paymentId);
}

async function raiseWebhook(payment: Payment, event: PaymentEvent, ports: PayPorts): Promise<void> {
  const type = webhookEventFor(event, payment.state.status);
  if (!type) return;
  await enqueueWebhook(payment, type, ports);
}

export async function enqueueWebhook(payment: Payment, type: Parameters<typeof webhookMessage>[1], ports: PayPorts): Promise<void> {
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

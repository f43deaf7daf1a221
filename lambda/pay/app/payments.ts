import { randomUUID } from 'node:crypto';
import { createIdempotently, type IdempotencyPolicy, type IdempotencyRefusals } from '../../shared/idempotency';
import type { PayAccount, Payment } from '../domain/model';
import {
  type PaymentEventsResponse,
  type PaymentResponse,
  type PayUrls,
  paymentEventsResponse,
  paymentResponse,
  type SearchResponse,
  type ServiceResult,
  searchResponse,
} from '../domain/responses';
import { type CreatePaymentRequest, MAX_IDEMPOTENCY_KEY_LENGTH, MAX_PAGE_SIZE, type SearchPaymentsQuery } from '../domain/schemas';
import { matchesSearch } from '../domain/search';
import { INITIAL_STATE, isExpired, type PaymentEvent, transition } from '../domain/state-machine';
import {
  cancelFailed,
  captureFailed,
  downstreamError,
  idempotencyKeyInProgress,
  idempotencyKeyReused,
  invalidIdempotencyKey,
  motoNotEnabled,
  nonHttpsReturnUrl,
  notFound,
  pageNotFound,
} from '../errors';
import type { PayPorts, TransitionFields } from '../ports';
import type { PayCaller } from './authenticate';
import { raiseWebhook } from './webhooks';

/**
 * `POST /v1/payments`, `GET /v1/payments/{id}`, `GET /v1/payments`, `GET …/events`,
 * `POST …/cancel` and `POST …/capture`, and the state changes of stored payments that these,
 * the payment page and refunds make. An account sees only its own payments; another's id is
 * simply not found.
 */
export interface CreatePaymentOptions extends PayUrls {
  /** The `Idempotency-Key` header, when sent. */
  readonly idempotencyKey?: string;
}

/**
 * Pay's `Idempotency-Key` (idempotencyKeySchema): the same key and body within 24 hours answer
 * with the payment the first request made (200, not 201); the same key with another body is a
 * 409 (P0191).
 */
const IDEMPOTENCY: IdempotencyPolicy = {
  windowSeconds: 24 * 3600,
  keyPattern: new RegExp(`^[a-zA-Z0-9-]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`),
};
/** Pay's refusals; a bad key is answered with what is wrong with it. */
const idempotencyRefusals = (key: string | undefined): IdempotencyRefusals => ({
  invalidKey: () => invalidIdempotencyKey(key ?? ''),
  reusedWithOtherRequest: idempotencyKeyReused,
  stillInProgress: idempotencyKeyInProgress,
});

export async function createPayment(
  request: CreatePaymentRequest,
  caller: PayCaller,
  ports: PayPorts,
  options: CreatePaymentOptions,
): Promise<ServiceResult<PaymentResponse>> {
  const { account } = caller;
  if (request.moto && !account.motoEnabled) throw motoNotEnabled();
  if (account.live && !request.return_url.startsWith('https:')) throw nonHttpsReturnUrl();
  const now = ports.clock();
  const { result, replayed } = await createIdempotently(ports.idempotency, IDEMPOTENCY, idempotencyRefusals(options.idempotencyKey), {
    key: options.idempotencyKey,
    owner: account.id,
    request,
    now,
    newId: ports.newId,
    replay: (id) => own(id, caller, ports),
    create: async (id) => {
      const payment = newPayment(id, request, account, now, ports.provider.name);
      await ports.store.createPayment(payment);
      return payment;
    },
  });
  const body = paymentResponse(result, options);
  // A new payment is answered as Pay does, 201 with its address; a replay is the 200 of a read.
  return replayed ? { statusCode: 200, body } : { statusCode: 201, body, headers: { location: body._links.self.href } };
}

function newPayment(id: string, request: CreatePaymentRequest, account: PayAccount, now: Date, provider: string): Payment {
  return {
    id,
    accountId: account.id,
    departmentCode: account.departmentCode,
    live: account.live,
    amount: request.amount,
    reference: request.reference,
    description: request.description,
    returnUrl: request.return_url,
    ...(request.email ? { email: request.email } : {}),
    ...(request.prefilled_cardholder_details?.cardholder_name
      ? { prefilledCardholderName: request.prefilled_cardholder_details.cardholder_name }
      : {}),
    ...(request.metadata ? { metadata: request.metadata } : {}),
    language: request.language ?? 'en',
    delayedCapture: request.delayed_capture ?? false,
    ...(request.moto ? { moto: true } : {}),
    state: INITIAL_STATE,
    createdDate: now.toISOString(),
    chargeToken: randomUUID(),
    provider,
    refundedAmount: 0,
    refunds: {},
    events: [{ state: INITIAL_STATE, updated: now.toISOString() }],
    version: 1,
  };
}

export async function getPayment(id: string, caller: PayCaller, ports: PayPorts, urls: PayUrls): Promise<ServiceResult<PaymentResponse>> {
  const payment = await own(id, caller, ports);
  if (!payment) throw notFound('P0200');
  return { statusCode: 200, body: paymentResponse(payment, urls) };
}

export async function getPaymentEvents(
  id: string,
  caller: PayCaller,
  ports: PayPorts,
  urls: PayUrls,
): Promise<ServiceResult<PaymentEventsResponse>> {
  const payment = await own(id, caller, ports);
  if (!payment) throw notFound('P0300');
  return { statusCode: 200, body: paymentEventsResponse(payment, urls) };
}

export async function searchPayments(
  query: SearchPaymentsQuery,
  caller: PayCaller,
  ports: PayPorts,
  urls: PayUrls,
): Promise<ServiceResult<SearchResponse>> {
  const { page = 1, display_size: size = MAX_PAGE_SIZE, from_date, to_date, ...filters } = query;
  const now = ports.clock();
  const found = await ports.store.searchPayments({
    accountId: caller.account.id,
    fromDate: from_date && new Date(from_date).toISOString(),
    toDate: to_date && new Date(to_date).toISOString(),
  });
  // Search reads without writing, so payments past their time are shown as expired here and failed on their next read.
  const shown = found.map((p) =>
    isExpired(p.state.status, p.createdDate, now) ? { ...p, state: transition(p.state, 'expire', p.delayedCapture) ?? p.state } : p,
  );
  const matching = shown.filter((p) => matchesSearch(p, filters));
  if (page > 1 && (page - 1) * size >= matching.length) throw pageNotFound();
  const results = matching.slice((page - 1) * size, page * size);
  return { statusCode: 200, body: searchResponse(results, matching.length, page, size, { ...filters, from_date, to_date }, urls) };
}

/** Cancels a payment not yet taken; an authorisation already made is released at the provider. */
export async function cancelPayment(id: string, caller: PayCaller, ports: PayPorts): Promise<ServiceResult<undefined>> {
  if (!(await own(id, caller, ports))) throw notFound('P0500');
  const outcome = await moveLatest(id, 'cancel_by_service', ports);
  if (outcome.kind === 'not-allowed') throw cancelFailed();
  if (outcome.payment.providerId) await ports.provider.cancel(outcome.payment.providerId).catch(() => undefined);
  return { statusCode: 204, body: undefined };
}

/** Takes the money of a delayed-capture payment that is `capturable`. */
export async function capturePayment(id: string, caller: PayCaller, ports: PayPorts): Promise<ServiceResult<undefined>> {
  const payment = await own(id, caller, ports);
  if (!payment) throw notFound('P1000');
  if (payment.state.status !== 'capturable' || !payment.providerId) throw captureFailed();
  try {
    await ports.provider.capture(payment.providerId, payment.amount);
  } catch {
    throw downstreamError('P1098');
  }
  const outcome = await moveLatest(id, 'capture', ports);
  if (outcome.kind === 'not-allowed' && outcome.payment.state.status !== 'success') throw captureFailed();
  return { statusCode: 204, body: undefined };
}

/** The caller's payment by id, brought up to date (expired if due), or undefined. */
export async function own(id: string, caller: PayCaller, ports: PayPorts): Promise<Payment | undefined> {
  if (!/^[0-9a-v]{26}$/.test(id)) return undefined;
  const stored = await ports.store.getPayment(id);
  if (!stored || stored.accountId !== caller.account.id) return undefined;
  return current(id, ports, stored);
}

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

import type { Refund } from '../domain/model';
import { checkRefund } from '../domain/refunds';
import {
  type PayUrls,
  type RefundListResponse,
  type RefundResponse,
  refundListResponse,
  refundResponse,
  type ServiceResult,
} from '../domain/responses';
import type { CreateRefundRequest, RefundBody } from '../domain/schemas';
import { invalidRefundBody, notFound, refundAmountMismatch } from '../errors';
import type { PayPorts } from '../ports';
import type { PayCaller } from './authenticate';
import { own } from './payments';
import { enqueueWebhook } from './webhooks';

/**
 * `POST /v1/payments/{id}/refunds` and `GET …/refunds[/{refundId}]`. The payment is found
 * first (an unknown one is 404 whatever the body), then the body is read, then the refund is
 * checked against the payment as read and reserved with a write conditional on the refunded
 * total being unchanged: of refunds racing on one payment, one wins and the rest get 412, so
 * the total refunded never exceeds what was paid.
 */
export async function createRefund(
  paymentId: string,
  body: RefundBody | CreateRefundRequest,
  caller: PayCaller,
  ports: PayPorts,
  urls: PayUrls,
): Promise<ServiceResult<RefundResponse>> {
  const payment = await own(paymentId, caller, ports);
  if (!payment) throw notFound('P0600');
  const request = refundRequest(body);
  checkRefund(payment, request);
  const refund: Refund = {
    refundId: ports.newId(),
    paymentId: payment.id,
    amount: request.amount,
    status: 'submitted',
    createdDate: ports.clock().toISOString(),
  };
  if (!(await ports.store.reserveRefund(payment, refund, payment.refundedAmount))) {
    const now = await own(paymentId, caller, ports);
    if (now) checkRefund(now, request);
    throw refundAmountMismatch();
  }
  const status = payment.providerId
    ? await ports.provider
        .refund({ providerId: payment.providerId, refundId: refund.refundId, amount: refund.amount })
        .catch(() => 'error' as const)
    : ('error' as const);
  const settled: Refund = { ...refund, status, settledDate: ports.clock().toISOString() };
  await ports.store.settleRefund(payment, settled);
  if (status === 'success') {
    const latest = (await ports.store.getPayment(payment.id)) ?? payment;
    await enqueueWebhook(latest, 'card_payment_refunded', ports);
  }
  return { statusCode: 202, body: refundResponse(settled, urls) };
}

/** The request of a body the route read, or Pay's error for what is wrong with it. */
function refundRequest(body: RefundBody | CreateRefundRequest): CreateRefundRequest {
  if (!('ok' in body)) return body;
  if (!body.ok) throw invalidRefundBody(body.issues, body.input);
  return body.request;
}

export async function getRefunds(
  paymentId: string,
  caller: PayCaller,
  ports: PayPorts,
  urls: PayUrls,
): Promise<ServiceResult<RefundListResponse>> {
  const payment = await own(paymentId, caller, ports);
  if (!payment) throw notFound('P0800');
  return { statusCode: 200, body: refundListResponse(payment, urls) };
}

export async function getRefund(
  paymentId: string,
  refundId: string,
  caller: PayCaller,
  ports: PayPorts,
  urls: PayUrls,
): Promise<ServiceResult<RefundResponse>> {
  const payment = await own(paymentId, caller, ports);
  const refund = payment && Object.hasOwn(payment.refunds, refundId) ? payment.refunds[refundId] : undefined;
  if (!refund) throw notFound('P0700');
  return { statusCode: 200, body: refundResponse(refund, urls) };
}

import { invalidAttribute, refundAmountMismatch, refundNotAvailable } from '../errors';
import type { Payment } from './model';

/**
 * What may still be refunded. A payment in progress is `pending` (its whole amount will be
 * available once paid); a paid one is `available` until refunds reach its amount, then
 * `full`; one that was never paid is `unavailable`.
 */
export type RefundAvailability = 'pending' | 'available' | 'full' | 'unavailable';

export interface RefundSummary {
  readonly status: RefundAvailability;
  readonly amount_available: number;
  readonly amount_submitted: number;
}

export function refundSummary(payment: Pick<Payment, 'state' | 'amount' | 'refundedAmount'>): RefundSummary {
  const submitted = payment.refundedAmount;
  switch (payment.state.status) {
    case 'success': {
      const available = Math.max(0, payment.amount - submitted);
      return { status: available > 0 ? 'available' : 'full', amount_available: available, amount_submitted: submitted };
    }
    case 'failed':
    case 'cancelled':
    case 'error':
      return { status: 'unavailable', amount_available: 0, amount_submitted: submitted };
    default:
      return { status: 'pending', amount_available: payment.amount, amount_submitted: submitted };
  }
}

export interface RefundRequest {
  readonly amount: number;
  readonly refund_amount_available?: number;
}

/**
 * Checks a refund against the payment as last read. `refund_amount_available`, when sent, is
 * the caller's view of what was left: when it differs from the payment's, someone refunded
 * meanwhile (412). Without it the refund is checked against what is available now, as Pay does.
 * The store repeats this check atomically, so two refunds racing cannot both pass.
 */
export function checkRefund(payment: Pick<Payment, 'state' | 'amount' | 'refundedAmount'>, request: RefundRequest): RefundSummary {
  const summary = refundSummary(payment);
  if (summary.status !== 'available') throw refundNotAvailable(summary.status);
  if (request.refund_amount_available !== undefined && request.refund_amount_available !== summary.amount_available) {
    throw refundAmountMismatch();
  }
  if (request.amount > summary.amount_available) {
    throw invalidAttribute('amount', `Must be less than or equal to ${summary.amount_available}`, 'P0602');
  }
  return summary;
}

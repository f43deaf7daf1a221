import { type PostSender, postSender } from '../../shared/outgoing-post';
import type { SecretBox } from '../../shared/sealed-secret';
import type { PaymentStore, ReportStore } from '../domain/ports';
import type { PaymentProvider } from '../domain/provider';
import type { PayUrls } from '../domain/responses';

/** An outgoing POST to a department, answering its HTTP status; rejects when there is no answer. */
export type HttpSender = PostSender;

/** Everything the service functions reach outside themselves. */
export interface PayPorts {
  readonly store: PaymentStore;
  readonly reports: ReportStore;
  readonly provider: PaymentProvider;
  readonly box: SecretBox;
  readonly http: HttpSender;
  readonly clock: () => Date;
  /** Pay-style ids: 26 random lower-case base32 characters. */
  readonly newId: () => string;
}

export type PayRequestOptions = PayUrls;

export interface CreatePaymentOptions extends PayUrls {
  /** The `Idempotency-Key` header, when sent. */
  readonly idempotencyKey?: string;
}

export interface ServiceResult<T> {
  readonly statusCode: number;
  readonly body: T;
}

/** Webhooks get 15 seconds to answer, as Pay's do. */
export const fetchSender: HttpSender = postSender(15_000);

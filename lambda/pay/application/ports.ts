import type { SecretBox } from '../../shared/sealed-secret';
import type { PaymentStore, ReportStore } from '../domain/ports';
import type { PaymentProvider } from '../domain/provider';
import type { PayUrls } from '../domain/responses';

/** An outgoing POST to a department, answering its HTTP status; rejects when there is no answer. */
export type HttpSender = (request: {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}) => Promise<{ readonly status: number }>;

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

/** POSTs with a 15-second limit (Pay's) and no redirects. */
export const fetchSender: HttpSender = async (request) => {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  await response.body?.cancel();
  return { status: response.status };
};

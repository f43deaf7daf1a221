import type { CardSummary, Payment, PaymentState, Refund } from './model';
import { type RefundSummary, refundSummary } from './refunds';
import { CANCELLABLE_STATUSES } from './state-machine';

/**
 * Response bodies shaped as GOV.UK Pay's v1 API returns them. `baseUrl` is the public root of
 * this service (like `https://api.example.gov.hk/pay`), `paymentPageUrl` where the hosted
 * payment page lives (the same service unless a separate front end serves it).
 */
export interface PayUrls {
  readonly baseUrl: string;
  /** @default baseUrl */
  readonly paymentPageUrl?: string;
}

export interface Link {
  readonly href: string;
  readonly method: 'GET' | 'POST';
}

export interface PostLink extends Link {
  readonly type: 'application/x-www-form-urlencoded';
  readonly params: { readonly chargeTokenId: string };
}

export interface PaymentLinks {
  readonly self: Link;
  readonly next_url?: Link;
  readonly next_url_post?: PostLink;
  readonly events: Link;
  readonly refunds: Link;
  readonly cancel?: Link;
  readonly capture?: Link;
}

/** Pay's `card_details`: every field present, null where the provider did not say. */
export interface CardDetails {
  readonly last_digits_card_number: string;
  readonly first_digits_card_number: string | null;
  readonly cardholder_name: string | null;
  readonly expiry_date: string | null;
  readonly billing_address: BillingAddressResponse | null;
  readonly card_brand: string;
  readonly card_type: 'credit' | 'debit' | null;
  readonly wallet_type: null;
}

export interface BillingAddressResponse {
  readonly line1: string;
  readonly line2: string | null;
  readonly postcode: string | null;
  readonly city: string;
  readonly country: string;
}

export interface PaymentResponse {
  readonly amount: number;
  readonly description: string;
  readonly reference: string;
  readonly language: string;
  readonly email?: string;
  readonly metadata?: Readonly<Record<string, string | number | boolean>>;
  readonly state: PaymentState;
  readonly payment_id: string;
  readonly payment_provider: string;
  readonly provider_id?: string;
  readonly created_date: string;
  readonly refund_summary: RefundSummary;
  readonly settlement_summary: { readonly capture_submit_time?: string; readonly captured_date?: string };
  readonly card_details?: CardDetails;
  readonly card_brand?: string;
  readonly delayed_capture: boolean;
  readonly moto: boolean;
  readonly return_url: string;
  readonly authorisation_mode: 'web';
  readonly _links: PaymentLinks;
}

export const paymentUrl = (urls: PayUrls, id: string) => `${urls.baseUrl}/v1/payments/${id}`;
const pageUrl = (urls: PayUrls) => urls.paymentPageUrl ?? urls.baseUrl;

export function paymentResponse(payment: Payment, urls: PayUrls): PaymentResponse {
  const self = paymentUrl(urls, payment.id);
  const status = payment.state.status;
  const inProgress = status === 'created' || status === 'started';
  return {
    amount: payment.amount,
    description: payment.description,
    reference: payment.reference,
    language: payment.language,
    ...(payment.email ? { email: payment.email } : {}),
    ...(payment.metadata ? { metadata: payment.metadata } : {}),
    state: payment.state,
    payment_id: payment.id,
    payment_provider: payment.provider,
    ...(payment.providerId ? { provider_id: payment.providerId } : {}),
    created_date: payment.createdDate,
    refund_summary: refundSummary(payment),
    settlement_summary: payment.capturedDate
      ? { capture_submit_time: payment.capturedDate, captured_date: payment.capturedDate.slice(0, 10) }
      : {},
    ...(payment.card
      ? {
          card_brand: payment.card.brand,
          card_details: cardDetails(payment.card),
        }
      : {}),
    delayed_capture: payment.delayedCapture,
    moto: payment.moto ?? false,
    return_url: payment.returnUrl,
    authorisation_mode: 'web',
    _links: {
      self: { href: self, method: 'GET' },
      ...(inProgress
        ? {
            next_url: { href: `${pageUrl(urls)}/secure/${payment.chargeToken}`, method: 'GET' as const },
            next_url_post: {
              type: 'application/x-www-form-urlencoded' as const,
              params: { chargeTokenId: payment.chargeToken },
              href: `${pageUrl(urls)}/secure`,
              method: 'POST' as const,
            },
          }
        : {}),
      events: { href: `${self}/events`, method: 'GET' },
      refunds: { href: `${self}/refunds`, method: 'GET' },
      ...(CANCELLABLE_STATUSES.has(status) ? { cancel: { href: `${self}/cancel`, method: 'POST' as const } } : {}),
      ...(status === 'capturable' ? { capture: { href: `${self}/capture`, method: 'POST' as const } } : {}),
    },
  };
}

export function cardDetails(card: CardSummary): CardDetails {
  const address = card.billingAddress;
  return {
    last_digits_card_number: card.lastDigits,
    first_digits_card_number: card.firstDigits ?? null,
    cardholder_name: card.cardholderName ?? null,
    expiry_date: card.expiryDate ?? null,
    billing_address: address
      ? {
          line1: address.line1,
          line2: address.line2 ?? null,
          postcode: address.postcode ?? null,
          city: address.city,
          country: address.country,
        }
      : null,
    card_brand: card.brand,
    card_type: card.cardType,
    wallet_type: null,
  };
}

export interface PaymentEventsResponse {
  readonly payment_id: string;
  readonly events: readonly {
    readonly payment_id: string;
    readonly state: PaymentState;
    readonly updated: string;
    readonly _links: { readonly payment_url: Link };
  }[];
  readonly _links: { readonly self: Link };
}

export function paymentEventsResponse(payment: Payment, urls: PayUrls): PaymentEventsResponse {
  const self = paymentUrl(urls, payment.id);
  return {
    payment_id: payment.id,
    events: payment.events.map((event) => ({
      payment_id: payment.id,
      state: event.state,
      updated: event.updated,
      _links: { payment_url: { href: self, method: 'GET' } },
    })),
    _links: { self: { href: `${self}/events`, method: 'GET' } },
  };
}

export interface RefundResponse {
  readonly refund_id: string;
  readonly created_date: string;
  readonly amount: number;
  readonly status: string;
  readonly settlement_summary: { readonly settled_date?: string };
  readonly _links: { readonly self: Link; readonly payment: Link };
}

export function refundResponse(refund: Refund, urls: PayUrls): RefundResponse {
  const payment = paymentUrl(urls, refund.paymentId);
  return {
    refund_id: refund.refundId,
    created_date: refund.createdDate,
    amount: refund.amount,
    status: refund.status,
    settlement_summary: refund.settledDate ? { settled_date: refund.settledDate.slice(0, 10) } : {},
    _links: { self: { href: `${payment}/refunds/${refund.refundId}`, method: 'GET' }, payment: { href: payment, method: 'GET' } },
  };
}

export interface RefundListResponse {
  readonly payment_id: string;
  readonly _links: { readonly self: Link; readonly payment: Link };
  readonly _embedded: { readonly refunds: readonly RefundResponse[] };
}

export function refundListResponse(payment: Payment, urls: PayUrls): RefundListResponse {
  const self = paymentUrl(urls, payment.id);
  const refunds = Object.values(payment.refunds).sort(
    (a, b) => a.createdDate.localeCompare(b.createdDate) || a.refundId.localeCompare(b.refundId),
  );
  return {
    payment_id: payment.id,
    _links: { self: { href: `${self}/refunds`, method: 'GET' }, payment: { href: self, method: 'GET' } },
    _embedded: { refunds: refunds.map((r) => refundResponse(r, urls)) },
  };
}

export interface SearchResponse {
  readonly total: number;
  readonly count: number;
  readonly page: number;
  readonly results: readonly PaymentResponse[];
  readonly _links: {
    readonly self: { readonly href: string };
    readonly first_page: { readonly href: string };
    readonly last_page: { readonly href: string };
    readonly prev_page?: { readonly href: string };
    readonly next_page?: { readonly href: string };
  };
}

export function searchResponse(
  page: readonly Payment[],
  total: number,
  pageNumber: number,
  displaySize: number,
  query: Readonly<Record<string, string | number | undefined>>,
  urls: PayUrls,
): SearchResponse {
  const lastPage = Math.max(1, Math.ceil(total / displaySize));
  const href = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== 'page' && k !== 'display_size') params.set(k, String(v));
    params.set('page', String(n));
    params.set('display_size', String(displaySize));
    return { href: `${urls.baseUrl}/v1/payments?${params}` };
  };
  return {
    total,
    count: page.length,
    page: pageNumber,
    results: page.map((p) => paymentResponse(p, urls)),
    _links: {
      self: href(pageNumber),
      first_page: href(1),
      last_page: href(lastPage),
      ...(pageNumber > 1 ? { prev_page: href(pageNumber - 1) } : {}),
      ...(pageNumber < lastPage ? { next_page: href(pageNumber + 1) } : {}),
    },
  };
}

/** What a use case of the API answers: the status, body and headers Pay sends. */
export interface ServiceResult<T> {
  readonly statusCode: number;
  readonly body: T;
  /** Names in lower case. @default - none */
  readonly headers?: Readonly<Record<string, string>>;
}

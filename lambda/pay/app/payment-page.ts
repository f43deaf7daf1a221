import { readCardForm } from '../domain/cards';
import { cardPageHeaders, PAYMENT_PAGE_HEADERS, renderCardDetailsPage, renderMessagePage } from '../domain/hosted-page';
import type { Language, Payment } from '../domain/model';
import type { PayUrls } from '../domain/responses';
import type { PayPorts } from '../ports';
import { current, move, moveLatest } from './payments';

/**
 * The hosted payment page behind `next_url` (`GET /secure/{token}`), the card form it posts
 * (`POST /secure/{token}`) and its cancel button (`POST /secure/{token}/cancel`). The card
 * details go to the provider once and are then dropped; the payment keeps only what the
 * provider describes of the card (brand, type, first six and last four digits, name, expiry),
 * never its number or security code. A successful payment sends the user back to the service's
 * `return_url`, where the service asks the API how it ended.
 */
export type PageResult =
  | { readonly kind: 'page'; readonly statusCode: number; readonly headers: Readonly<Record<string, string>>; readonly html: string }
  | { readonly kind: 'redirect'; readonly statusCode: 303; readonly location: string };

const pagePath = (urls: PayUrls, token: string) => `${urls.paymentPageUrl ?? urls.baseUrl}/secure/${token}`;

const TEXT = {
  en: {
    notFound: ['Payment not found', 'This payment link is not valid. Return to the service and start again.'],
    done: ['This payment has finished', 'Return to the service to see what happened.'],
    declined: ['Your payment has been declined', 'No money has been taken from your account.'],
    error: ['We’re experiencing technical problems', 'No money has been taken from your account.'],
    continue: 'Continue',
  },
  zh: {
    notFound: ['找不到付款', '此付款連結無效，請返回服務重新開始。'],
    done: ['此付款已完結', '請返回服務查看結果。'],
    declined: ['你的付款被拒絕', '你的帳戶沒有被扣款。'],
    error: ['系統出現技術問題', '你的帳戶沒有被扣款。'],
    continue: '繼續',
  },
} as const;

function message(language: Language, key: 'notFound' | 'done' | 'declined' | 'error', statusCode: number, returnUrl?: string): PageResult {
  const t = TEXT[language];
  const [title, text] = t[key];
  return {
    kind: 'page',
    statusCode,
    headers: PAYMENT_PAGE_HEADERS,
    html: renderMessagePage({ language, title, message: text, ...(returnUrl ? { link: { href: returnUrl, text: t.continue } } : {}) }),
  };
}

function cardPage(
  payment: Payment,
  urls: PayUrls,
  statusCode = 200,
  errors?: Parameters<typeof renderCardDetailsPage>[0]['errors'],
  values?: Record<string, string | undefined>,
): PageResult {
  const action = pagePath(urls, payment.chargeToken);
  return {
    kind: 'page',
    statusCode,
    headers: cardPageHeaders(payment.returnUrl),
    html: renderCardDetailsPage({
      payment,
      actionUrl: action,
      cancelUrl: `${action}/cancel`,
      errors,
      values: values && {
        cardholderName: values.cardholderName,
        email: values.email,
        expiryMonth: values.expiryMonth,
        expiryYear: values.expiryYear,
      },
    }),
  };
}

async function byToken(token: string, ports: PayPorts): Promise<Payment | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(token)) return undefined;
  const found = await ports.store.findByChargeToken(token.toLowerCase());
  return found && current(found.id, ports, found);
}

/** `GET /secure/{token}`: the user arrives; the payment becomes `started`. */
export async function showPaymentPage(token: string, ports: PayPorts, urls: PayUrls): Promise<PageResult> {
  const payment = await byToken(token, ports);
  if (!payment) return message('en', 'notFound', 404);
  if (payment.state.status === 'created') {
    const outcome = await moveLatest(payment.id, 'start', ports);
    if (outcome.payment.state.status !== 'started') return message(payment.language, 'done', 200, payment.returnUrl);
    return cardPage(outcome.payment, urls);
  }
  if (payment.state.status === 'started') return cardPage(payment, urls);
  return message(payment.language, 'done', 200, payment.returnUrl);
}

/** `POST /secure/{token}`: the card form. */
export async function submitPaymentPage(
  token: string,
  form: Readonly<Record<string, string | undefined>>,
  ports: PayPorts,
  urls: PayUrls,
): Promise<PageResult> {
  let payment = await byToken(token, ports);
  if (!payment) return message('en', 'notFound', 404);
  if (payment.state.status === 'created') payment = (await moveLatest(payment.id, 'start', ports)).payment;
  if (payment.state.status !== 'started') return message(payment.language, 'done', 200, payment.returnUrl);

  const read = readCardForm(form, ports.clock(), payment.language);
  // The form again with its errors is a page like any other, as Pay's own card page answers it.
  if (!read.ok) return cardPage(payment, urls, 200, read.errors, form);

  const result = await ports.provider
    .authorise({ paymentId: payment.id, amount: payment.amount, card: read.card })
    .catch(() => ({ outcome: 'error' as const, reason: 'Provider unreachable' }));
  if (result.outcome === 'declined') {
    await move(payment, 'decline', ports);
    return message(payment.language, 'declined', 200, payment.returnUrl);
  }
  if (result.outcome === 'error') {
    await move(payment, 'authorisation_error', ports);
    return message(payment.language, 'error', 200, payment.returnUrl);
  }
  const authorised = await move(payment, 'authorise', ports, {
    providerId: result.providerId,
    card: result.card,
    ...(read.card.email ? { email: read.card.email } : {}),
  });
  if (authorised.kind !== 'moved') {
    // The payment changed meanwhile (cancelled by the service, or expired): release the money held.
    await ports.provider.cancel(result.providerId).catch(() => undefined);
    return message(payment.language, 'done', 200, payment.returnUrl);
  }
  if (!payment.delayedCapture) {
    try {
      await ports.provider.capture(result.providerId, payment.amount);
    } catch {
      await move(authorised.payment, 'authorisation_error', ports);
      await ports.provider.cancel(result.providerId).catch(() => undefined);
      return message(payment.language, 'error', 200, payment.returnUrl);
    }
  }
  await moveLatest(payment.id, 'confirm', ports);
  return { kind: 'redirect', statusCode: 303, location: payment.returnUrl };
}

/** `POST /secure/{token}/cancel`: the user gives up; back to the service. */
export async function cancelPaymentPage(token: string, ports: PayPorts): Promise<PageResult> {
  const payment = await byToken(token, ports);
  if (!payment) return message('en', 'notFound', 404);
  if (payment.state.status === 'created') await moveLatest(payment.id, 'start', ports);
  await moveLatest(payment.id, 'cancel_by_user', ports);
  return { kind: 'redirect', statusCode: 303, location: payment.returnUrl };
}

/** `POST /secure` (`next_url_post`): a service's form posting the charge token, sent on to the payment page. */
export function startPaymentPage(chargeTokenId: string, urls: PayUrls): PageResult {
  return { kind: 'redirect', statusCode: 303, location: `${urls.baseUrl}/secure/${encodeURIComponent(chargeTokenId)}` };
}

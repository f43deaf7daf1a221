import { escapeHtml } from '../../shared/html';
import type { CardField } from './cards';
import type { Language, Payment } from './model';

/**
 * The hosted payment page behind `next_url`: a plain, accessible HTML form, no scripts. Every
 * value written into the page is escaped; the card number and security code are never written
 * back, even when the form is shown again with errors.
 */

/** Headers the page must be served with: no caching, no framing, nothing loaded from elsewhere. */
export const PAYMENT_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * Headers of the card page. Its forms post here, and a finished payment is redirected to the
 * service's return URL, which browsers (Chrome among them) also check against `form-action`:
 * that one origin is allowed as well.
 */
export function cardPageHeaders(returnUrl: string): Readonly<Record<string, string>> {
  const csp = PAYMENT_PAGE_HEADERS['Content-Security-Policy'].replace(
    "form-action 'self'",
    `form-action 'self' ${new URL(returnUrl).origin}`,
  );
  return { ...PAYMENT_PAGE_HEADERS, 'Content-Security-Policy': csp };
}

export interface CardPageView {
  readonly payment: Pick<Payment, 'amount' | 'description' | 'reference' | 'language' | 'email' | 'prefilledCardholderName'>;
  /** Where the form posts. */
  readonly actionUrl: string;
  /** Where the cancel button posts. */
  readonly cancelUrl: string;
  readonly errors?: Partial<Record<CardField, string>>;
  /** What the user typed, shown again after an error (never the card number or security code). */
  readonly values?: {
    readonly cardholderName?: string;
    readonly email?: string;
    readonly expiryMonth?: string;
    readonly expiryYear?: string;
  };
}

const TEXT = {
  en: {
    title: 'Enter card details',
    amount: 'Total amount',
    reference: 'Reference',
    cardNo: 'Card number',
    expiry: 'Expiry date',
    month: 'Month',
    year: 'Year',
    cvc: 'Card security code',
    cvcHint: 'The last 3 digits on the back of the card (4 on the front for American Express)',
    name: 'Name on card',
    email: 'Email address',
    pay: 'Continue',
    cancel: 'Cancel payment',
    problem: 'There is a problem',
  },
  zh: {
    title: '輸入信用卡資料',
    amount: '總額',
    reference: '參考編號',
    cardNo: '卡號',
    expiry: '到期日',
    month: '月',
    year: '年',
    cvc: '保安編號',
    cvcHint: '卡背面的最後3位數字（美國運通卡為正面的4位數字）',
    name: '持卡人姓名',
    email: '電郵地址',
    pay: '繼續',
    cancel: '取消付款',
    problem: '出現問題',
  },
} as const;

export function formatAmount(cents: number): string {
  const dollars = Math.floor(cents / 100).toLocaleString('en-HK');
  return `HK$${dollars}.${String(cents % 100).padStart(2, '0')}`;
}

export function renderCardDetailsPage(view: CardPageView): string {
  const t = TEXT[view.payment.language];
  const errors = view.errors ?? {};
  const values = view.values ?? {};
  const field = (name: CardField, label: string, input: string, hint?: string) => {
    const error = errors[name];
    return `<div class="field${error ? ' error' : ''}">
<label for="${name}">${escapeHtml(label)}</label>${hint ? `\n<p class="hint" id="${name}-hint">${escapeHtml(hint)}</p>` : ''}${error ? `\n<p class="message" id="${name}-error">${escapeHtml(error)}</p>` : ''}
${input}
</div>`;
  };
  const describedBy = (name: CardField, hint = false) => {
    const ids = [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
    return ids ? ` aria-describedby="${ids}"` : '';
  };
  const summary = Object.entries(errors).length
    ? `<div class="summary" role="alert"><h2>${escapeHtml(t.problem)}</h2><ul>${Object.entries(errors)
        .map(([name, message]) => `<li><a href="#${name}">${escapeHtml(message ?? '')}</a></li>`)
        .join('')}</ul></div>`
    : '';
  return page(
    view.payment.language,
    t.title,
    `${summary}
<dl><dt>${escapeHtml(view.payment.description)}</dt>
<dd>${escapeHtml(t.amount)}: <strong>${formatAmount(view.payment.amount)}</strong></dd>
<dd>${escapeHtml(t.reference)}: ${escapeHtml(view.payment.reference)}</dd></dl>
<form method="post" action="${escapeHtml(view.actionUrl)}" autocomplete="on" novalidate>
${field('cardNo', t.cardNo, `<input id="cardNo" name="cardNo" inputmode="numeric" autocomplete="cc-number" maxlength="26"${describedBy('cardNo')}>`)}
${field(
  'expiryMonth',
  t.expiry,
  `<input id="expiryMonth" name="expiryMonth" inputmode="numeric" autocomplete="cc-exp-month" maxlength="2" aria-label="${escapeHtml(t.month)}" value="${escapeHtml(values.expiryMonth ?? '')}"${describedBy('expiryMonth')}> / <input id="expiryYear" name="expiryYear" inputmode="numeric" autocomplete="cc-exp-year" maxlength="4" aria-label="${escapeHtml(t.year)}" value="${escapeHtml(values.expiryYear ?? '')}">`,
)}
${field('cvc', t.cvc, `<input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" maxlength="4"${describedBy('cvc', true)}>`, t.cvcHint)}
${field('cardholderName', t.name, `<input id="cardholderName" name="cardholderName" autocomplete="cc-name" maxlength="255" value="${escapeHtml(values.cardholderName ?? view.payment.prefilledCardholderName ?? '')}"${describedBy('cardholderName')}>`)}
${field('email', t.email, `<input id="email" name="email" type="email" autocomplete="email" maxlength="254" value="${escapeHtml(values.email ?? view.payment.email ?? '')}"${describedBy('email')}>`)}
<button type="submit">${escapeHtml(t.pay)}</button>
</form>
<form method="post" action="${escapeHtml(view.cancelUrl)}"><button type="submit" class="secondary">${escapeHtml(t.cancel)}</button></form>`,
  );
}

export interface MessagePageView {
  readonly language: Language;
  readonly title: string;
  readonly message: string;
  readonly link?: { readonly href: string; readonly text: string };
}

/** A page that only tells the user something (declined, expired, not found), with a way on. */
export function renderMessagePage(view: MessagePageView): string {
  const link = view.link ? `<p><a href="${escapeHtml(view.link.href)}">${escapeHtml(view.link.text)}</a></p>` : '';
  return page(view.language, view.title, `<p>${escapeHtml(view.message)}</p>${link}`);
}

function page(language: Language, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${language === 'zh' ? 'zh-HK' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}.field{margin:1rem 0}.field label{display:block;font-weight:bold}.error input{border:2px solid #d4351c}.message,.summary{color:#d4351c}input{font-size:1rem;padding:.3rem}button{font-size:1rem;padding:.5rem 1rem;margin-top:1rem}.secondary{background:none;border:none;text-decoration:underline;color:#1d70b8}</style>
</head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>
`;
}

import type { CardSummary, Language } from './model';

/**
 * Card details as the hosted payment page receives them. They are checked here, passed once to
 * the payment provider and dropped: only what Pay shows of a card (`cardSummary`) is ever kept,
 * never the number or the security code.
 */
export interface CardInput {
  readonly number: string;
  readonly expiryMonth: number;
  /** Four digits. */
  readonly expiryYear: number;
  readonly cvc: string;
  readonly cardholderName: string;
  readonly email?: string;
}

export type CardField = 'cardNo' | 'expiryMonth' | 'cvc' | 'cardholderName' | 'email';

export type CardFormResult =
  | { readonly ok: true; readonly card: CardInput }
  | { readonly ok: false; readonly errors: Partial<Record<CardField, string>> };

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const BRANDS: readonly [string, RegExp][] = [
  ['Maestro', /^(5018|5020|5038|56|57|58|6304|6759|676[1-3])/],
  ['Visa', /^4/],
  ['Mastercard', /^(5[1-5]|2(2[2-9][1-9]|2[3-9]|[3-6]|7[01]|720))/],
  ['American Express', /^3[47]/],
  ['Diners Club', /^3(0[0-5]|[68])/],
  ['JCB', /^35(2[89]|[3-8])/],
  ['Union Pay', /^62/],
  ['Discover', /^(6011|64[4-9]|65)/],
];

export function cardBrand(digits: string): string | undefined {
  return BRANDS.find(([, pattern]) => pattern.test(digits))?.[0];
}

/**
 * What may be kept of a card and shown as Pay's `card_details`: brand, type, the first six and
 * last four digits, the name on it and its expiry (`MM/YY`). The page asks for no billing address.
 */
export function cardSummary(card: CardInput, cardType: CardSummary['cardType']): CardSummary {
  return {
    brand: cardBrand(card.number) ?? 'Unknown',
    cardType,
    firstDigits: card.number.slice(0, 6),
    lastDigits: card.number.slice(-4),
    cardholderName: card.cardholderName,
    expiryDate: `${String(card.expiryMonth).padStart(2, '0')}/${String(card.expiryYear % 100).padStart(2, '0')}`,
  };
}

/** Brands the platform's acquirer accepts. */
export const ACCEPTED_BRANDS: ReadonlySet<string> = new Set([
  'Visa',
  'Mastercard',
  'American Express',
  'JCB',
  'Union Pay',
  'Discover',
  'Diners Club',
]);

const MESSAGES: Record<Language, Record<string, string>> = {
  en: {
    cardNo: 'Enter a valid card number',
    brand: 'This card type is not accepted. Enter the details of a card we accept',
    expiry: 'Enter a valid expiry date',
    cvc: 'Enter a valid card security code',
    name: 'Enter the name as it appears on the card',
    email: 'Enter a valid email address',
  },
  zh: {
    cardNo: '請輸入有效的卡號',
    brand: '不接受此類信用卡，請輸入我們接受的信用卡資料',
    expiry: '請輸入有效的到期日',
    cvc: '請輸入有效的保安編號',
    name: '請輸入卡上印有的姓名',
    email: '請輸入有效的電郵地址',
  },
};

/** Reads the posted form; `now` decides whether the card has expired (it is valid to the end of its month). */
export function readCardForm(form: Readonly<Record<string, string | undefined>>, now: Date, language: Language = 'en'): CardFormResult {
  const text = MESSAGES[language];
  const errors: Partial<Record<CardField, string>> = {};
  const number = (form.cardNo ?? '').replace(/[\s-]/g, '');
  const brand = cardBrand(number);
  if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) errors.cardNo = text.cardNo;
  else if (!brand || !ACCEPTED_BRANDS.has(brand)) errors.cardNo = text.brand;

  const month = Number(form.expiryMonth);
  const rawYear = (form.expiryYear ?? '').trim();
  const year = /^\d{2}$/.test(rawYear) ? 2000 + Number(rawYear) : Number(rawYear);
  const endOfExpiryMonth = Date.UTC(year, month, 1);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !/^\d{2}(\d{2})?$/.test(rawYear) || endOfExpiryMonth <= now.getTime())
    errors.expiryMonth = text.expiry;

  const cvc = (form.cvc ?? '').trim();
  if (!(brand === 'American Express' ? /^\d{4}$/ : /^\d{3}$/).test(cvc)) errors.cvc = text.cvc;

  const cardholderName = (form.cardholderName ?? '').trim();
  if (cardholderName === '' || cardholderName.length > 255) errors.cardholderName = text.name;

  const email = (form.email ?? '').trim();
  if (email !== '' && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) errors.email = text.email;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, card: { number, expiryMonth: month, expiryYear: year, cvc, cardholderName, ...(email ? { email } : {}) } };
}

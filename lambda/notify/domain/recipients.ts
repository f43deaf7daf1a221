import { validationFailed } from '../errors';

/**
 * Recipient checks and canonical forms. Notify validates UK numbers; this platform's home is
 * Hong Kong, so a number without a country code is read as a Hong Kong mobile number (eight
 * digits starting 4 to 9) and written as +852 in E.164. A recipient that is not one is Notify's
 * ValidationError naming the field, in Notify's wording (`phone_number Not enough digits`).
 */

const invalid = (field: string, problem: string) => validationFailed([`${field} ${problem}`]);

const LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/** Lower-case form of a valid e-mail address. */
export function normaliseEmailAddress(raw: string, field = 'email_address'): string {
  const address = raw.trim();
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const labels = domain.split('.');
  const valid =
    at > 0 &&
    address.length <= 320 &&
    local.length <= 64 &&
    LOCAL_PART.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels[labels.length - 1]);
  if (!valid) throw invalid(field, 'is not a valid email address');
  return address.toLowerCase();
}

export function isValidEmailAddress(raw: string): boolean {
  try {
    normaliseEmailAddress(raw);
    return true;
  } catch {
    return false;
  }
}

export interface PhoneNumber {
  /** E.164, like +85291234567. */
  readonly e164: string;
  /** Outside Hong Kong. */
  readonly international: boolean;
}

const HONG_KONG = '852';

/**
 * What may stand between the digits of a phone number: white space (JavaScript's `\s`, spelt
 * out so that a JSON Schema pattern means the same in every regular expression engine), brackets,
 * dots, hyphens, en and em dashes and slashes.
 */
const SEPARATORS = String.raw`\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff().\u2013\u2014/-`;

/**
 * The phone numbers parsePhoneNumber reads, as one regular expression for the request schema and
 * the OpenAPI document: a Hong Kong mobile number (eight digits starting 4 to 9), alone or after
 * +852 or 00852, or another country's number of 8 to 15 digits after + or 00 (its country code
 * not starting 0, and not 852), with separators anywhere. Only ASCII digits, in every engine.
 */
export const PHONE_NUMBER_PATTERN = (() => {
  const s = `[${SEPARATORS}]*`;
  const digits = (min: number, max = min) => `(?:${s}[0-9]){${min === max ? min : `${min},${max}`}}`;
  const prefix = `(?:\\+|0${s}0)${s}`;
  const hongKong = `(?:${prefix}8${s}5${s}2${s})?[4-9]${digits(7)}`;
  const country = `(?:[1-79]${digits(7, 14)}|8${s}[0-46-9]${digits(6, 13)}|8${s}5${s}[013-9]${digits(5, 12)})`;
  return new RegExp(`^${s}(?:${hongKong}|${prefix}${country})${s}$`);
})();

/** Why `raw` is not a phone number, in Notify's words naming the field; undefined when it is one. */
export function phoneNumberProblem(raw: unknown, field = 'phone_number'): string | undefined {
  if (typeof raw !== 'string') return `${field} Must not contain letters or symbols`;
  try {
    parsePhoneNumber(raw, field);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Reads a phone number the way Notify does for the UK, with Hong Kong as the home country. */
export function parsePhoneNumber(raw: string, field = 'phone_number'): PhoneNumber {
  const compact = raw.replace(new RegExp(`[${SEPARATORS}]`, 'g'), '');
  if (!/^\+?\d+$/.test(compact)) throw invalid(field, 'Must not contain letters or symbols');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else return { e164: `+${HONG_KONG}${hongKongMobile(compact, field)}`, international: false };

  if (digits.startsWith(HONG_KONG)) {
    return { e164: `+${HONG_KONG}${hongKongMobile(digits.slice(HONG_KONG.length), field)}`, international: false };
  }
  if (digits.startsWith('0')) throw invalid(field, 'Not a valid country prefix');
  if (digits.length < 8) throw invalid(field, 'Not enough digits');
  if (digits.length > 15) throw invalid(field, 'Too many digits');
  return { e164: `+${digits}`, international: true };
}

function hongKongMobile(national: string, field: string): string {
  if (national.length > 8) throw invalid(field, 'Too many digits');
  if (national.length < 8) throw invalid(field, 'Not enough digits');
  if (!/^[4-9]/.test(national)) throw invalid(field, 'Not a Hong Kong mobile number');
  return national;
}

/** Canonical form of either kind of recipient, for comparing with a team or guest list. */
export function normaliseRecipient(raw: string): string {
  if (raw.includes('@')) return normaliseEmailAddress(raw);
  return parsePhoneNumber(raw).e164;
}

/** Like normaliseRecipient, but an unreadable entry in a list yields itself instead of failing. */
export function tryNormaliseRecipient(raw: string): string {
  try {
    return normaliseRecipient(raw);
  } catch {
    return raw.trim().toLowerCase();
  }
}

/**
 * Hong Kong identity card numbers: one or two letters, six digits and a check digit (0 to 9, or
 * A for ten), written like `A123456(3)`. The check digit makes the weighted sum of all
 * characters a multiple of 11: weights 9 down to 1 over a two-letter prefix (a one-letter number
 * is read with a leading space, worth 36), letters worth 10 (A) to 35 (Z).
 */
export const CARD_NUMBER_PATTERN = /^([A-Z]{1,2})([0-9]{6})\(?([0-9A])\)?$/;

export interface CardNumber {
  /** The number as the register keys it: prefix, digits and check digit, no brackets, like `A1234563`. */
  readonly canonical: string;
}

const letterValue = (c: string) => c.charCodeAt(0) - 55; // A = 10

/** The check digit of a prefix and six digits. */
export function checkDigit(prefix: string, digits: string): string {
  const chars = prefix.length === 1 ? [' ', prefix, ...digits] : [...prefix, ...digits];
  let sum = 0;
  for (const [i, c] of chars.entries()) {
    const value = c === ' ' ? 36 : /[A-Z]/.test(c) ? letterValue(c) : Number(c);
    sum += value * (9 - i);
  }
  const remainder = (11 - (sum % 11)) % 11;
  return remainder === 10 ? 'A' : String(remainder);
}

export type CardNumberProblem = 'format' | 'check-digit';

/** Reads a card number as people write it (brackets optional, any case, spaces around); undefined with the problem when it is not one. */
export function parseCardNumber(text: string): { readonly card: CardNumber } | { readonly problem: CardNumberProblem } {
  const match = CARD_NUMBER_PATTERN.exec(text.trim().toUpperCase());
  if (!match) return { problem: 'format' };
  const [, prefix, digits, check] = match;
  if (checkDigit(prefix, digits) !== check) return { problem: 'check-digit' };
  return { card: { canonical: `${prefix}${digits}${check}` } };
}

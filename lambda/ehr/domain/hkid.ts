/** The identifier system of the Hong Kong identity card number, as the service writes it. */
export const HKID_SYSTEM = 'http://www.immd.gov.hk/hkid';
/** The identifier system of the eHR number the service assigns on registration. */
export const EHR_NUMBER_SYSTEM = 'https://www.ehealth.gov.hk/ehr-number';
/** The identifier system linking a registered patient to their sign-in account (the citizen token's subject). */
export const CITIZEN_ACCOUNT_SYSTEM = 'https://www.ehealth.gov.hk/citizen-account';

/** An identity card number as it is matched: upper case, without brackets or spaces (`A1234563`). */
export const canonicalHkid = (value: string) => value.toUpperCase().replace(/[\s()]/g, '');

const HKID_PATTERN = /^([A-Z]{1,2})([0-9]{6})\(?([0-9A])\)?$/;

/**
 * Whether a Hong Kong identity card number is well formed with the right check digit: one or two
 * letters and six digits weighted 9..2 (a single letter counts a leading space as 36), whose sum
 * with the check digit (A = 10) is a multiple of 11.
 */
export function isValidHkid(input: string): boolean {
  const match = HKID_PATTERN.exec(input.replace(/\s/g, '').toUpperCase());
  if (!match) return false;
  const [, letters, digits, check] = match;
  const chars = (letters.length === 1 ? ' ' : '') + letters + digits;
  const weightOf = (c: string) => (c === ' ' ? 36 : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : Number(c));
  const sum = [...chars].reduce((total, c, i) => total + weightOf(c) * (9 - i), 0);
  const checkValue = check === 'A' ? 10 : Number(check);
  return (sum + checkValue) % 11 === 0;
}

/** The check digit that completes a letter prefix and six digits, for seeds and tests. */
export function hkidCheckDigit(prefix: string): string {
  for (const check of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A']) if (isValidHkid(`${prefix}${check}`)) return check;
  throw new Error(`${prefix} is not one or two letters and six digits.`);
}

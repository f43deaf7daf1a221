/**
 * A supplier registered to tender: a business with its Hong Kong business registration number,
 * contact and the categories it supplies, whose officers are citizens signed in at `verified`.
 */
export interface Supplier {
  readonly id: string;
  /** The first eight digits of the Business Registration Certificate number, unique among suppliers. */
  readonly businessRegistrationNumber: string;
  readonly name: { readonly en: string; readonly zh?: string };
  readonly contact: { readonly name: string; readonly email: string; readonly telephone: string };
  /** Classification codes (scheme and id) of what the supplier supplies. */
  readonly categories: readonly { readonly scheme: string; readonly id: string }[];
  /** Subjects of the citizens who act for the supplier. */
  readonly officers: readonly string[];
  readonly registeredAt: string;
}

/**
 * A business registration number: the eight digits that begin the certificate's number (the
 * Business Registration Office gives no public check digit, so only the form is checked here).
 * A full certificate number (`12345678-000-06-25-A`) is accepted and cut to its first eight.
 */
export const BRN_PATTERN = /^\d{8}(-\d{3}-\d{2}-\d{2}-[0-9A-Z])?$/;

export function businessRegistrationNumber(input: string): string | undefined {
  const trimmed = input.trim().toUpperCase();
  if (!BRN_PATTERN.test(trimmed)) return undefined;
  const digits = trimmed.slice(0, 8);
  // 00000000 is no business's number.
  return /^0{8}$/.test(digits) ? undefined : digits;
}

/** The supplier's party id in OCDS: the business registration number under the scheme HK-BRN. */
export const supplierPartyId = (s: Pick<Supplier, 'businessRegistrationNumber'>) => `HK-BRN-${s.businessRegistrationNumber}`;

import type { Payment } from './model';
import type { SearchPaymentsQuery } from './schemas';

/**
 * Pay's search filters, each as Pay's documentation describes it: `reference` matches whole and
 * without regard to case, `email` and `cardholder_name` match any part (without regard to case),
 * `card_brand` names the brand as Pay's ids do (`master-card`, `american-express`) or as it is
 * shown (`Mastercard`), and the card digits match exactly. Dates are the store's (they bound the
 * query), paging the use case's.
 */
export type SearchFilters = Omit<SearchPaymentsQuery, 'from_date' | 'to_date' | 'page' | 'display_size'>;

/** A brand as Pay's ids and names both give it: lower case, letters and digits only. */
const brandKey = (brand: string) => brand.toLowerCase().replace(/[^a-z0-9]/g, '');
const contains = (value: string | undefined, part: string) => value?.toLowerCase().includes(part.toLowerCase()) ?? false;

export function matchesSearch(payment: Payment, filters: SearchFilters): boolean {
  const card = payment.card;
  return (
    (filters.state === undefined || payment.state.status === filters.state) &&
    (filters.reference === undefined || payment.reference.toLowerCase() === filters.reference.toLowerCase()) &&
    (filters.email === undefined || contains(payment.email, filters.email)) &&
    (filters.card_brand === undefined || (card !== undefined && brandKey(card.brand) === brandKey(filters.card_brand))) &&
    (filters.first_digits_card_number === undefined || card?.firstDigits === filters.first_digits_card_number) &&
    (filters.last_digits_card_number === undefined || card?.lastDigits === filters.last_digits_card_number) &&
    (filters.cardholder_name === undefined || contains(card?.cardholderName, filters.cardholder_name))
  );
}

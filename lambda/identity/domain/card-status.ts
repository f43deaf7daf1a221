/**
 * What the register says of a card, and all a department learns from it: never a name, a date
 * of birth or anything else the card holds.
 * - `valid`: issued and in use;
 * - `reported-lost`: its holder reported it lost or stolen;
 * - `replaced`: a newer card was issued in its place;
 * - `not-issued`: the register has no card with this number.
 */
export const CARD_STATUSES = ['valid', 'reported-lost', 'replaced'] as const;
export type RegisteredCardStatus = (typeof CARD_STATUSES)[number];
export type CardStatus = RegisteredCardStatus | 'not-issued';

/** Queries a department may make in one minute; more are refused until the minute ends. */
export const CARD_STATUS_QUERIES_PER_MINUTE = 120;

/** The window a query counts in: the minute it was made, UTC. */
export function rateWindow(at: Date): { readonly key: string; readonly endsAt: Date } {
  const start = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  return { key: start.toISOString().slice(0, 16), endsAt: new Date(start.getTime() + 60_000) };
}

/** Staff roles of the identity service, within the staff member's department. */
export const IDENTITY_ROLES = {
  /** May ask the register whether a card is valid. */
  cardVerification: 'card-verification',
  /** May record a card's status in the register (the registration office). */
  cardRegistration: 'card-registration',
} as const;

/**
 * Levels of assurance of a citizen's sign-in, lowest first; the `acr` of local mode's ID tokens.
 *
 * - `basic`: a self-registered account whose e-mail address was verified. Signing in takes the
 *   password (amr `pwd`).
 * - `verified`: the identity was proven against the identity card record. Signing in takes the
 *   password and the smart identity card, simulated by its card PIN (amr `pwd`, `sc`, `pin`, `mfa`).
 * - `verified-plus`: proven, and able to sign. Signing in takes what `verified` takes and a
 *   confirmation with the card's signing certificate (amr adds `hwk`).
 *
 * Each account has the highest level its identity was proven to; a session's acr is what the
 * person did in this sign-in, never more than the account's level.
 */
import { ASSURANCE_LEVELS, type AssuranceLevel, isAssuranceLevel, meetsAssurance } from '../../../lambda/shared/assurance';

export { ASSURANCE_LEVELS, type AssuranceLevel, isAssuranceLevel };

export function rank(level: AssuranceLevel): number {
  return ASSURANCE_LEVELS.indexOf(level);
}

/** Whether `actual` is at least `required`; an unknown or missing actual level meets nothing. */
export function meets(actual: unknown, required: AssuranceLevel): boolean {
  return isAssuranceLevel(actual) && meetsAssurance(actual, required);
}

/**
 * The lowest level among space-separated `acr_values` (any listed value satisfies the relying
 * party); `basic` when none is a known level.
 */
export function requiredLevel(acrValues: unknown): AssuranceLevel {
  const known = typeof acrValues === 'string' ? acrValues.split(' ').filter(isAssuranceLevel) : [];
  if (known.length === 0) return 'basic';
  return known.reduce((low, level) => (rank(level) < rank(low) ? level : low));
}

/** Authentication methods (RFC 8176) of a sign-in at the given level. */
export function methodsFor(level: AssuranceLevel): string[] {
  if (level === 'basic') return ['pwd'];
  if (level === 'verified') return ['pwd', 'sc', 'pin', 'mfa'];
  return ['pwd', 'sc', 'pin', 'hwk', 'mfa'];
}

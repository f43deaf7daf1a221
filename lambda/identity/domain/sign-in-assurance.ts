import { type AssuranceLevel, isAssuranceLevel } from '../../shared/assurance';

/** A user pool's view of one sign-in, as its pre-token-generation trigger is told it. */
export interface PoolSignIn {
  /** The providers the user came through (the pool's `identities` attribute), empty for a password sign-in. */
  readonly providers: readonly string[];
  /** The level the identity card's provider named for the sign-in (its `acr`, mapped to an attribute). */
  readonly cardAcr?: string;
}

/**
 * The level of a sign-in to the citizen pool:
 * - through the identity card's OpenID provider: the level that provider names, or `verified`
 *   when it names none of ours (the card itself proves the record);
 * - with the pool's own password (and second factor, where set): `basic`, whatever the person
 *   proved before, as a password proves only the e-mail address.
 */
export function signInAssurance(signIn: PoolSignIn, cardProvider: string | undefined): AssuranceLevel {
  if (!cardProvider || !signIn.providers.includes(cardProvider)) return 'basic';
  return isAssuranceLevel(signIn.cardAcr) ? signIn.cardAcr : 'verified';
}

/** The provider names in the pool's `identities` attribute (a JSON list); none when absent or unreadable. */
export function providersOf(identities: string | undefined): string[] {
  if (!identities) return [];
  try {
    const parsed: unknown = JSON.parse(identities);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((identity) =>
      identity && typeof identity === 'object' && typeof (identity as { providerName?: unknown }).providerName === 'string'
        ? [(identity as { providerName: string }).providerName]
        : [],
    );
  } catch {
    return [];
  }
}

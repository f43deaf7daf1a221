/**
 * How sure the platform is of who a citizen is, lowest first:
 * - `basic`: self-registered, the e-mail address verified;
 * - `verified`: identity proven against the identity card record (the smart identity card used
 *   to sign in, or a registration office's check);
 * - `verified-plus`: proven as for `verified`, and able to sign (a signing certificate issued).
 * A route may require a level; a token of a lower one is answered with the step-up challenge of
 * RFC 9470, naming the level to sign in at.
 */
export const ASSURANCE_LEVELS = ['basic', 'verified', 'verified-plus'] as const;

export type AssuranceLevel = (typeof ASSURANCE_LEVELS)[number];

export function isAssuranceLevel(value: unknown): value is AssuranceLevel {
  return typeof value === 'string' && (ASSURANCE_LEVELS as readonly string[]).includes(value);
}

/** Whether `level` meets `required`. */
export function meetsAssurance(level: AssuranceLevel, required: AssuranceLevel): boolean {
  return ASSURANCE_LEVELS.indexOf(level) >= ASSURANCE_LEVELS.indexOf(required);
}

/** The `WWW-Authenticate` challenge of RFC 9470 asking the client to sign the person in at `required`. */
export function stepUpChallenge(required: AssuranceLevel): string {
  return `Bearer error="insufficient_user_authentication", error_description="Sign in at assurance level ${required} or higher", acr_values="${ASSURANCE_LEVELS.slice(ASSURANCE_LEVELS.indexOf(required)).join(' ')}"`;
}

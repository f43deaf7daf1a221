import type { RegisteredCardStatus } from './domain/card-status';
import type { Consent, Profile } from './domain/profile';
import type { SignatureStatement } from './domain/signing';

/** The identity card register: each card's status by the keyed hash of its number. */
export interface CardRegister {
  status(cardHash: string): Promise<RegisteredCardStatus | undefined>;
  record(entry: { cardHash: string; status: RegisteredCardStatus; at: string; by: string }): Promise<void>;
}

/** One audited event: who, when, for which department, about which (hashed) card, and the answer. */
export interface AuditEntry {
  /** `card-status` (a department's query) or `card-registration` (a registration office's update). */
  readonly kind: 'card-status' | 'card-registration';
  readonly department: string;
  readonly principal: string;
  readonly at: string;
  readonly cardHash: string;
  readonly answer: string;
  readonly requestId: string;
}

export interface AuditLog {
  /** Appends an entry; an entry is never changed or removed. */
  append(entry: AuditEntry): Promise<void>;
  /** Counts a query of the department in its window; false, counting nothing, when the window already holds `limit`. */
  countQuery(department: string, window: { key: string; endsAt: Date }, limit: number): Promise<boolean>;
}

export interface People {
  getProfile(subject: string): Promise<Profile | undefined>;
  /** Writes the profile if the stored one is still at `expectedVersion` (0: none yet). */
  putProfile(profile: Profile, expectedVersion: number): Promise<'written' | 'stale'>;
  listConsents(subject: string): Promise<readonly Consent[]>;
  /** Records that the person signed in to a relying service now. */
  recordSignIn(subject: string, clientId: string, at: string): Promise<void>;
  /** Forgets a relying service's sign-ins; false when there were none. */
  revokeConsent(subject: string, clientId: string): Promise<boolean>;
  recordSignature(subject: string, signatureId: string, statement: SignatureStatement): Promise<void>;
}

/** Signs with a key that never leaves its keeper (KMS in AWS), one key per assurance domain. */
export interface Signer {
  /** The key the next signature is made with. */
  keyId(): Promise<string>;
  /** ECDSA P-256 with SHA-256 over the message, DER. */
  sign(message: Uint8Array): Promise<{ signature: Uint8Array; keyId: string }>;
  /** The public key of a key this signer signs with, SPKI PEM; undefined for a key it does not know. */
  publicKey(keyId: string): Promise<string | undefined>;
  /** Whether the signature (DER) of the message was made with the key; false for a key it does not know. */
  verify(keyId: string, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

/** Hashes a card number with a secret key, so the register and the audit never hold the number. */
export type CardHasher = (canonicalNumber: string) => Promise<string>;

export interface IdentityPorts {
  readonly register: CardRegister;
  readonly audit: AuditLog;
  readonly people: People;
  readonly cardHash: CardHasher;
  readonly clock: () => Date;
  readonly newId: () => string;
  /**
   * The OpenID provider's grants, where it can revoke one relying party's: local mode's
   * provider can; the user pools cannot without the token itself, so in AWS there is none.
   */
  readonly grants?: SignInGrants;
}

/** What a relying party may still get tokens with for a person, at the OpenID provider. */
export interface SignInGrants {
  /** Revokes the party's grant and the tokens issued under it; a grant already gone is no error. */
  revoke(subject: string, clientId: string): Promise<void>;
}

export interface SigningPorts {
  readonly signer: Signer;
  readonly people: People;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** One sign-in of a person to a relying party, as the citizen pool's trigger reports it. */
export interface SignInMessage {
  readonly subject: string;
  /** The relying party's app client id. */
  readonly clientId: string;
  readonly at: string;
}

/** Where the user pool's trigger reports sign-ins, for the identity service to record as it can. */
export interface SignInReports {
  report(signIn: SignInMessage): Promise<void>;
}

/**
 * The opening of a tender's bids: asked for by one officer of the department after closing,
 * confirmed by a second, different officer within the window; only then are bids decrypted.
 */
export interface OpeningRequest {
  readonly tenderId: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  /** After this the request lapses and a new one must be made. */
  readonly expiresAt: string;
}

export interface OpenedBid {
  readonly supplierId: string;
  readonly sha256: string;
  readonly receivedAt: string;
  readonly submission: number;
}

export interface Opening {
  readonly tenderId: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly confirmedBy: string;
  readonly openedAt: string;
  /** The bids opened, each with the hash its receipt gave, checked against its decrypted bytes. */
  readonly bids: readonly OpenedBid[];
}

export type OpeningStep =
  | { readonly kind: 'request' }
  | { readonly kind: 'confirm'; readonly request: OpeningRequest }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string };

/** What an officer's call to open does, given the pending request if any. */
export function openingStep(officer: string, pending: OpeningRequest | undefined, at: Date): OpeningStep {
  if (!pending || Date.parse(pending.expiresAt) <= at.getTime()) return { kind: 'request' };
  if (pending.requestedBy === officer)
    return {
      kind: 'refused',
      code: 'second_officer_required',
      message: `You asked for this opening at ${pending.requestedAt}: a different officer of the department must confirm it by ${pending.expiresAt}.`,
    };
  return { kind: 'confirm', request: pending };
}

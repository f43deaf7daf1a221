import type { CardInput } from './cards';

/**
 * The payment service provider (acquirer) behind the platform. The sandbox provider stands in
 * for it in local mode and on test accounts; a live one is wired in AWS. Card details pass
 * through `authorise` and are not kept by anything on this side.
 */
export type AuthorisationResult =
  | {
      readonly outcome: 'authorised';
      readonly providerId: string;
      readonly cardBrand: string;
      readonly cardType: 'credit' | 'debit' | null;
    }
  | { readonly outcome: 'declined'; readonly reason: string }
  | { readonly outcome: 'error'; readonly reason: string };

export interface PaymentProvider {
  /** Shown as `payment_provider`. */
  readonly name: string;
  authorise(request: { readonly paymentId: string; readonly amount: number; readonly card: CardInput }): Promise<AuthorisationResult>;
  capture(providerId: string, amount: number): Promise<void>;
  /** Releases an authorisation that will not be captured. */
  cancel(providerId: string): Promise<void>;
  refund(request: { readonly providerId: string; readonly refundId: string; readonly amount: number }): Promise<'success' | 'error'>;
}

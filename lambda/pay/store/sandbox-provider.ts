import { randomUUID } from 'node:crypto';
import { type CardInput, cardSummary } from '../domain/cards';
import type { AuthorisationResult, PaymentProvider } from '../ports';

/**
 * A provider that takes no money, answering by card number as GOV.UK Pay's sandbox does with
 * its published test cards: the success cards authorise, 4000000000000002 is declined,
 * ...0069 (expired) and ...0127 (bad security code) are declined too, ...0119 is a provider
 * error. Any other number is declined: real cards do nothing here.
 */
const SUCCESS_CARDS: ReadonlyMap<string, 'credit' | 'debit'> = new Map([
  ['4444333322221111', 'credit'],
  ['4242424242424242', 'credit'],
  ['4000056655665556', 'debit'],
  ['4988080000000000', 'debit'],
  ['4000160000000004', 'debit'],
  ['4131840000000003', 'debit'],
  ['4000620000000007', 'credit'],
  ['4000000000000010', 'credit'],
  ['5101110000000004', 'credit'],
  ['5105105105105100', 'debit'],
  ['5200828282828210', 'debit'],
  ['371449635398431', 'credit'],
  ['3566002020360505', 'credit'],
  ['6011000990139424', 'credit'],
]);

const DECLINED_CARDS: ReadonlyMap<string, string> = new Map([
  ['4000000000000002', 'Card declined'],
  ['4000000000000069', 'Card expired'],
  ['4000000000000127', 'Invalid security code'],
]);

const ERROR_CARDS: ReadonlySet<string> = new Set(['4000000000000119']);

export interface SandboxCall {
  readonly action: 'authorise' | 'capture' | 'cancel' | 'refund';
  readonly providerId?: string;
  readonly amount?: number;
}

export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox';
  /** What was asked of the provider, without card details: for tests. */
  readonly calls: SandboxCall[] = [];

  async authorise(request: {
    readonly paymentId: string;
    readonly amount: number;
    readonly card: CardInput;
  }): Promise<AuthorisationResult> {
    const { number } = request.card;
    this.calls.push({ action: 'authorise', amount: request.amount });
    if (ERROR_CARDS.has(number)) return { outcome: 'error', reason: 'General error' };
    const declined = DECLINED_CARDS.get(number);
    if (declined) return { outcome: 'declined', reason: declined };
    const cardType = SUCCESS_CARDS.get(number);
    if (!cardType) return { outcome: 'declined', reason: 'Not a sandbox test card' };
    // The sandbox knows what was typed on the page, so it describes the card as fully as Pay does.
    return { outcome: 'authorised', providerId: `sandbox-${randomUUID()}`, card: cardSummary(request.card, cardType) };
  }

  async capture(providerId: string, amount: number): Promise<void> {
    this.calls.push({ action: 'capture', providerId, amount });
  }

  async cancel(providerId: string): Promise<void> {
    this.calls.push({ action: 'cancel', providerId });
  }

  async refund(request: { readonly providerId: string; readonly refundId: string; readonly amount: number }): Promise<'success' | 'error'> {
    this.calls.push({ action: 'refund', providerId: request.providerId, amount: request.amount });
    return 'success';
  }
}

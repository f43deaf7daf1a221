import { randomBytes } from 'node:crypto';
import type { PayAccount } from '../../../lambda/pay/domain/model';
import { randomBase32 } from '../../../lambda/pay/domain/secrets';
import { SandboxProvider } from '../../../lambda/pay/providers/sandbox';
import {
  authenticatePayRequest,
  createAccount,
  createPayment,
  createPayPorts,
  type HttpSender,
  issuePayApiKey,
  type PayCaller,
  type PayPorts,
  showPaymentPage,
  submitPaymentPage,
} from '../../../lambda/pay/service';
import type { StorageDefinition } from '../../../lambda/shared/storage-definition';

export const URLS = { baseUrl: 'https://api.example.gov.hk/pay' };

/** A controllable clock, a sandbox provider, a recorded webhook receiver and accounts on the given storage. */
export class PayWorld {
  now = new Date('2026-03-02T01:00:00Z');
  readonly provider = new SandboxProvider();
  readonly posted: { url: string; headers: Record<string, string>; body: string }[] = [];
  httpStatus = 200;
  readonly ports: PayPorts;

  constructor() {
    const http: HttpSender = async (request) => {
      this.posted.push({ ...request, headers: { ...request.headers } });
      return { status: this.httpStatus };
    };
    this.ports = createPayPorts({ secretBoxKey: randomBytes(32), provider: this.provider, http, clock: () => this.now });
  }

  advance(seconds: number): void {
    this.now = new Date(this.now.getTime() + seconds * 1000);
  }

  async account(overrides: Partial<PayAccount> = {}): Promise<{ account: PayAccount; token: string; caller: PayCaller }> {
    const account = await createAccount(
      { id: randomBase32(26), departmentCode: 'TD', name: 'Licence fees', live: false, ...overrides },
      this.ports,
    );
    const { token } = await issuePayApiKey(
      { accountId: account.id, name: 'case system', createdBy: 'officer@td.example.gov.hk' },
      this.ports,
    );
    return { account, token, caller: await authenticatePayRequest(`Bearer ${token}`, this.ports) };
  }

  /** Creates a payment and pays it through the hosted page with a sandbox card. */
  async paid(caller: PayCaller, amount = 10000, card = '4444333322221111', extra: object = {}): Promise<string> {
    const created = await createPayment(
      { amount, reference: 'REF-1', description: 'Licence fee', return_url: 'https://td.example.gov.hk/done', ...extra },
      caller,
      this.ports,
      URLS,
    );
    const token = created.body._links.next_url?.href.split('/').at(-1) ?? '';
    await showPaymentPage(token, this.ports, URLS);
    await submitPaymentPage(
      token,
      { cardNo: card, expiryMonth: '12', expiryYear: '2030', cvc: '123', cardholderName: 'Chan Tai Man' },
      this.ports,
      URLS,
    );
    return created.body.payment_id;
  }
}

/** The Pay error a promise rejects with. */
export async function payRejection(promise: Promise<unknown>): Promise<{ statusCode: number; body: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { statusCode?: number; body?: Record<string, unknown> };
    if (e.statusCode && e.body) return { statusCode: e.statusCode, body: e.body };
    throw err;
  }
  throw new Error('expected the call to fail');
}

/**
 * The storage declaration for embedded storage. dynalite has no UpdateTimeToLive, which the
 * embedded storage calls for TTL tables, so TTL is left off here; the service never relies on
 * TTL deletion (it checks expiry times itself), so nothing under test changes.
 */
export function embeddedDefinition(definition: StorageDefinition): StorageDefinition {
  return { ...definition, tables: definition.tables.map(({ ttlAttribute: _ttl, ...table }) => table) };
}

import { randomBytes } from 'node:crypto';
import type * as z from 'zod';
import { createAccount, issuePayApiKey } from '../../../lambda/pay/app/accounts';
import { authenticatePayRequest, type PayCaller } from '../../../lambda/pay/app/authenticate';
import { showPaymentPage, submitPaymentPage } from '../../../lambda/pay/app/payment-page';
import { createPayment } from '../../../lambda/pay/app/payments';
import { createPayPorts } from '../../../lambda/pay/compose';
import type { PayAccount } from '../../../lambda/pay/domain/model';
import { randomBase32 } from '../../../lambda/pay/domain/secrets';
import { formatError, requestError } from '../../../lambda/pay/errors';
import type { HttpSender, PayPorts } from '../../../lambda/pay/ports';
import { SandboxProvider } from '../../../lambda/pay/store/sandbox-provider';
import { HttpError } from '../../../lambda/shared/errors';
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

/** The Pay error a promise rejects with: its status and the body Pay answers. */
export async function payRejection(promise: Promise<unknown>): Promise<{ statusCode: number; body: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HttpError) return { statusCode: err.status, body: formatError(err, 'test') as Record<string, unknown> };
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** Reads a body of an API route as the runtime does, throwing Pay's error (errors.ts) for what its schema refuses. */
export function parsePayBody<S extends z.ZodType>(
  schema: S,
  input: unknown,
  routeId: 'createPayment' | 'createRefund' = 'createPayment',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw requestError({ routeId, where: 'body', error: result.error, input });
}

/** Reads the search query as the runtime does, throwing Pay's error for every parameter its schema refuses. */
export function parsePayQuery<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw requestError({ routeId: 'searchPayments', where: 'query', error: result.error, input });
}

/**
 * The storage declaration for embedded storage. dynalite has no UpdateTimeToLive, which the
 * embedded storage calls for TTL tables, so TTL is left off here; the service never relies on
 * TTL deletion (it checks expiry times itself), so nothing under test changes.
 */
export function embeddedDefinition(definition: StorageDefinition): StorageDefinition {
  return { ...definition, tables: definition.tables.map(({ ttlAttribute: _ttl, ...table }) => table) };
}

import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import * as z from 'zod';
import { readCardForm } from '../../../lambda/pay/domain/cards';
import type { Payment } from '../../../lambda/pay/domain/model';
import { PAYMENT_STATUSES, type PaymentState } from '../../../lambda/pay/domain/model';
import { checkRefund, refundSummary } from '../../../lambda/pay/domain/refunds';
import {
  createPaymentRequestSchema,
  createRefundRequestSchema,
  idempotencyKeySchema,
  refundBodySchema,
  searchPaymentsQuerySchema,
} from '../../../lambda/pay/domain/schemas';
import { matchesSearch, type SearchFilters } from '../../../lambda/pay/domain/search';
import {
  FINAL_STATUSES,
  INITIAL_STATE,
  isExpired,
  PAYMENT_EVENTS,
  type PaymentEvent,
  transition,
} from '../../../lambda/pay/domain/state-machine';
import { signWebhookBody, verifyWebhookSignature, WEBHOOK_RETRY_POLICY, type WebhookDelivery } from '../../../lambda/pay/domain/webhooks';
import { formatError, invalidIdempotencyKey, invalidRefundBody } from '../../../lambda/pay/errors';
import { SandboxProvider } from '../../../lambda/pay/store/sandbox-provider';
import { HttpError } from '../../../lambda/shared/errors';
import { afterAttempt, retryDelaySeconds } from '../../../lambda/shared/outbox';
import { parsePayBody, parsePayQuery } from './fixtures';

function payError(run: () => unknown): { status: number; body: object } {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    return { status: (err as HttpError).status, body: formatError(err as HttpError, 'test') as object };
  }
  throw new Error('expected a Pay error');
}

describe('payment state machine', () => {
  it('no sequence of events leaves an illegal state (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.constantFrom(...PAYMENT_EVENTS), { maxLength: 15 }), (delayed, events) => {
        let state: PaymentState = INITIAL_STATE;
        const path: PaymentEvent[] = [];
        for (const event of events) {
          const next = transition(state, event, delayed);
          if (FINAL_STATUSES.has(state.status)) expect(next).toBeUndefined();
          if (!next) continue;
          path.push(event);
          state = next;
          expect(PAYMENT_STATUSES).toContain(state.status);
          expect(state.finished).toBe(FINAL_STATUSES.has(state.status));
          // A reason is given exactly when the payment did not succeed and is over.
          expect(state.code !== undefined).toBe(['failed', 'cancelled', 'error'].includes(state.status));
          if (state.status === 'capturable') expect(delayed).toBe(true);
          // Money is only taken after the card was authorised, and a delayed payment only by a capture.
          if (state.status === 'success') {
            expect(path).toContain('authorise');
            expect(path.at(-1)).toBe(delayed ? 'capture' : 'confirm');
          }
        }
      }),
    );
  });

  it("fails with Pay's codes and messages", () => {
    const started = transition(INITIAL_STATE, 'start', false)!;
    expect(transition(started, 'decline', false)).toEqual({
      status: 'failed',
      finished: true,
      code: 'P0010',
      message: 'Payment method rejected',
    });
    expect(transition(started, 'expire', false)).toMatchObject({ status: 'failed', code: 'P0020' });
    expect(transition(started, 'cancel_by_user', false)).toMatchObject({ status: 'failed', code: 'P0030' });
    expect(transition(started, 'cancel_by_service', false)).toMatchObject({ status: 'cancelled', code: 'P0040' });
    expect(transition(started, 'authorisation_error', false)).toMatchObject({ status: 'error', code: 'P0050' });
  });

  it('expires unfinished payments after 90 minutes, but not capturable ones', () => {
    const created = '2026-03-02T01:00:00.000Z';
    expect(isExpired('started', created, new Date('2026-03-02T02:29:59Z'))).toBe(false);
    expect(isExpired('started', created, new Date('2026-03-02T02:30:00Z'))).toBe(true);
    expect(isExpired('capturable', created, new Date('2026-03-03T00:00:00Z'))).toBe(false);
    expect(isExpired('success', created, new Date('2026-03-03T00:00:00Z'))).toBe(false);
  });
});

describe('refund availability', () => {
  const paid = { state: { status: 'success' as const, finished: true }, amount: 5000, refundedAmount: 1200 };

  it('is pending before payment, available then full once paid, unavailable if never paid', () => {
    expect(refundSummary({ ...paid, state: { status: 'started', finished: false }, refundedAmount: 0 })).toEqual({
      status: 'pending',
      amount_available: 5000,
      amount_submitted: 0,
    });
    expect(refundSummary(paid)).toEqual({ status: 'available', amount_available: 3800, amount_submitted: 1200 });
    expect(refundSummary({ ...paid, refundedAmount: 5000 })).toEqual({ status: 'full', amount_available: 0, amount_submitted: 5000 });
    expect(refundSummary({ ...paid, state: { status: 'failed', finished: true } })).toMatchObject({
      status: 'unavailable',
      amount_available: 0,
    });
  });

  it('answers 412 when refund_amount_available is not what is available', () => {
    expect(payError(() => checkRefund(paid, { amount: 100, refund_amount_available: 5000 }))).toEqual({
      status: 412,
      body: { code: 'P0604', description: 'Refund amount available mismatch.' },
    });
  });

  it('refuses a refund of an unpaid payment, or of more than is left', () => {
    expect(
      payError(() => checkRefund({ ...paid, state: { status: 'created', finished: false } }, { amount: 1, refund_amount_available: 5000 })),
    ).toEqual({
      status: 400,
      body: { code: 'P0603', description: 'The payment is not available for refund. Payment refund status: pending' },
    });
    expect(payError(() => checkRefund(paid, { amount: 3801, refund_amount_available: 3800 })).body).toMatchObject({
      code: 'P0602',
      field: 'amount',
    });
    expect(checkRefund(paid, { amount: 3800, refund_amount_available: 3800 }).amount_available).toBe(3800);
  });

  it('checks a refund without refund_amount_available against what is available now', () => {
    expect(checkRefund(paid, { amount: 3800 }).amount_available).toBe(3800);
    expect(payError(() => checkRefund(paid, { amount: 3801 })).body).toMatchObject({ code: 'P0602', field: 'amount' });
    expect(payError(() => checkRefund({ ...paid, refundedAmount: 5000 }, { amount: 1 })).body).toMatchObject({ code: 'P0603' });
  });
});

describe("Pay's request validation", () => {
  const valid = { amount: 14500, reference: 'LIC-1', description: 'Licence fee', return_url: 'https://dept.example.gov.hk/done' };
  const create = (body: unknown) => payError(() => parsePayBody(createPaymentRequestSchema, body));
  const refund = (body: unknown) => payError(() => parsePayBody(createRefundRequestSchema, body, 'createRefund'));
  const search = (query: Record<string, string>) => payError(() => parsePayQuery(searchPaymentsQuerySchema, query));

  it('names a missing attribute (P0101) and an invalid one (P0102), one at a time', () => {
    expect(create({ ...valid, amount: undefined })).toEqual({
      status: 400,
      body: { field: 'amount', code: 'P0101', description: 'Missing mandatory attribute: amount' },
    });
    expect(create({ ...valid, amount: 10_000_001 })).toEqual({
      status: 422,
      body: { field: 'amount', code: 'P0102', description: 'Invalid attribute value: amount. Must be less than or equal to 10000000' },
    });
    expect(create({ ...valid, return_url: 'javascript:alert(1)' }).body).toMatchObject({
      description: 'Invalid attribute value: return_url. Must be a valid URL format',
    });
    expect(create({ ...valid, metadata: {} }).body).toMatchObject({ field: 'metadata', code: 'P0102' });
  });

  it('answers a value of the wrong JSON type with 400, as Pay does, and one out of range with 422', () => {
    expect(create({ ...valid, amount: 'lots' })).toEqual({
      status: 400,
      body: { field: 'amount', code: 'P0102', description: 'Invalid attribute value: amount. Must be a valid numeric format' },
    });
    expect(create({ ...valid, amount: 12.5 })).toMatchObject({ status: 400, body: { field: 'amount', code: 'P0102' } });
    expect(create({ ...valid, reference: 5 })).toEqual({
      status: 400,
      body: { field: 'reference', code: 'P0102', description: 'Invalid attribute value: reference. Must be a valid string format' },
    });
    expect(create({ ...valid, delayed_capture: null })).toEqual({
      status: 400,
      body: { field: 'delayed_capture', code: 'P0102', description: 'Invalid attribute value: delayed_capture. Must be true or false' },
    });
    expect(create({ ...valid, description: 'x'.repeat(256) })).toEqual({
      status: 422,
      body: {
        field: 'description',
        code: 'P0102',
        description: 'Invalid attribute value: description. Must be less than or equal to 255 characters length',
      },
    });
  });

  it('answers a mandatory string sent null, empty or blank as missing (P0101), and reads a null email as none', () => {
    for (const reference of [null, '', '   ']) {
      expect(create({ ...valid, reference })).toEqual({
        status: 400,
        body: { field: 'reference', code: 'P0101', description: 'Missing mandatory attribute: reference' },
      });
    }
    expect(parsePayBody(createPaymentRequestSchema, { ...valid, email: null }).email).toBeNull();
  });

  it("reads Pay's prefilled_cardholder_details, moto and authorisation_mode, naming a bad attribute inside by itself", () => {
    const prefilled = { cardholder_name: 'Chan Tai Man', billing_address: { line1: '1 Queen’s Road', city: 'Hong Kong', country: 'HK' } };
    expect(
      parsePayBody(createPaymentRequestSchema, {
        ...valid,
        prefilled_cardholder_details: prefilled,
        moto: false,
        authorisation_mode: 'web',
      }),
    ).toMatchObject({ prefilled_cardholder_details: prefilled, moto: false, authorisation_mode: 'web' });
    expect(create({ ...valid, prefilled_cardholder_details: { cardholder_name: 7 } })).toEqual({
      status: 400,
      body: {
        field: 'cardholder_name',
        code: 'P0102',
        description: 'Invalid attribute value: cardholder_name. Must be a valid string format',
      },
    });
    expect(create({ ...valid, prefilled_cardholder_details: { billing_address: { postcode: 'x'.repeat(26) } } })).toMatchObject({
      status: 422,
      body: { field: 'postcode', code: 'P0102' },
    });
    expect(create({ ...valid, prefilled_cardholder_details: { phone: '1' } }).body).toMatchObject({ code: 'P0104', field: 'phone' });
    expect(create({ ...valid, authorisation_mode: 'moto_api' })).toMatchObject({ status: 422, body: { field: 'authorisation_mode' } });
  });

  it('refuses an e-mail address the email format refuses: a local part over 64 characters (P0102, 422)', () => {
    expect(create({ ...valid, email: `${'a'.repeat(65)}@example.hk` })).toMatchObject({
      status: 422,
      body: { field: 'email', code: 'P0102', description: 'Invalid attribute value: email. Must be a valid email address' },
    });
    expect(() => parsePayBody(createPaymentRequestSchema, { ...valid, email: `${'a'.repeat(64)}@example.hk` })).not.toThrow();
  });

  it('refuses attributes it does not know (P0104, 400) and bodies that are not objects (P0197)', () => {
    expect(create({ ...valid, wallet: 'apple' })).toEqual({
      status: 400,
      body: { field: 'wallet', code: 'P0104', description: 'Unexpected attribute: wallet' },
    });
    expect(create([1, 2]).body).toEqual({ code: 'P0197', description: 'Unable to parse JSON' });
  });

  it("keeps Pay's metadata rules: 1 to 15 pairs, keys of 1 to 30 characters unique whatever their case, short scalar values", () => {
    const pairs = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`key${i}`, i]));
    const metadata = (value: unknown) => create({ ...valid, metadata: value });
    const refused = (message: string) => ({
      status: 422,
      body: { field: 'metadata', code: 'P0102', description: `Invalid attribute value: metadata. ${message}` },
    });
    expect(parsePayBody(createPaymentRequestSchema, { ...valid, metadata: pairs(15) }).metadata).toEqual(pairs(15));
    expect(metadata(pairs(16))).toEqual(refused('Cannot have more than 15 key-value pairs'));
    expect(metadata({})).toEqual(refused('Must have at least 1 key-value pair'));
    expect(metadata({ ['k'.repeat(31)]: 1 })).toEqual(refused('Keys must be between 1 and 30 characters long'));
    expect(metadata({ '': 1 })).toEqual(refused('Keys must be between 1 and 30 characters long'));
    expect(metadata({ ledger: 'v'.repeat(101) })).toEqual(refused('Values must be no greater than 100 characters long'));
    expect(metadata({ ledger: null })).toEqual(refused('Must not have null values'));
    expect(metadata({ ledger: { code: 1 } })).toEqual(refused('Values must be of type String, Boolean or Number'));
    expect(metadata({ ledger: [1] })).toEqual(refused('Values must be of type String, Boolean or Number'));
    expect(metadata({ Ledger: 1, ledger: 2 })).toEqual(refused('Must have case insensitive unique keys'));
    expect(metadata('ledger=1')).toEqual(refused('Must be an object of JSON key-value pairs'));
    expect(metadata(null)).toEqual(refused('Value must not be null'));
    // JSON.parse makes `__proto__` a field like any other; it is refused rather than silently dropped.
    expect(metadata(JSON.parse('{"__proto__": "x", "ledger": 1}'))).toEqual(refused('Keys must not be __proto__'));
    // Keys that name members of Object.prototype are keys like any other.
    const members = { constructor: 'c', toString: 't', hasOwnProperty: true, valueOf: 1, ['v'.repeat(30)]: '' };
    expect(parsePayBody(createPaymentRequestSchema, { ...valid, metadata: members }).metadata).toEqual(members);
  });

  it('takes refund_amount_available as optional, and uses the refund codes for refunds', () => {
    expect(parsePayBody(createRefundRequestSchema, { amount: 100 }, 'createRefund')).toEqual({ amount: 100 });
    expect(refund({ refund_amount_available: 100 })).toEqual({
      status: 400,
      body: { field: 'amount', code: 'P0601', description: 'Missing mandatory attribute: amount' },
    });
    expect(refund({ amount: 'all' })).toEqual({
      status: 400,
      body: { field: 'amount', code: 'P0602', description: 'Invalid attribute value: amount. Must be a valid numeric format' },
    });
    expect(refund({ amount: 0 })).toEqual({
      status: 422,
      body: { field: 'amount', code: 'P0602', description: 'Invalid attribute value: amount. Must be greater than or equal to 1' },
    });
  });

  it('lets the refund route read any body, to answer it once the payment is found, and documents the schema itself', () => {
    expect(refundBodySchema.parse({ amount: 100 })).toEqual({ ok: true, request: { amount: 100 } });
    const bad = refundBodySchema.parse({ amount: 'all' });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(
        payError(() => {
          throw invalidRefundBody(bad.issues, bad.input);
        }).body,
      ).toMatchObject({ code: 'P0602' });
    const documented = z.toJSONSchema(refundBodySchema, { io: 'input', unrepresentable: 'any' });
    expect(documented).toMatchObject({ type: 'object', required: ['amount'], additionalProperties: false });
    expect(documented).not.toHaveProperty('default');
  });

  it('lists every bad search parameter in the order Pay checks them', () => {
    expect(search({ display_size: '501', state: 'paid', colour: 'red' })).toEqual({
      status: 422,
      body: {
        code: 'P0401',
        description: 'Invalid parameters: state, display_size, colour. See Public API documentation for the correct data formats',
      },
    });
    expect(search({ last_digits_card_number: '11a1', first_digits_card_number: '44443', card_brand: 'x'.repeat(21) }).body).toEqual({
      code: 'P0401',
      description:
        'Invalid parameters: card_brand, first_digits_card_number, last_digits_card_number. See Public API documentation for the correct data formats',
    });
    for (const page of ['0', '1.5', '0x10', '1e2', ' 1']) expect(search({ page }).body).toMatchObject({ code: 'P0401' });
    expect(search({ from_date: '2026-03-02' }).body).toMatchObject({ description: expect.stringContaining('from_date') });
  });

  it("reads Pay's card filters, and a search parameter sent empty as not sent", () => {
    expect(
      parsePayQuery(searchPaymentsQuerySchema, {
        card_brand: 'master-card',
        first_digits_card_number: '510511',
        last_digits_card_number: '5100',
        cardholder_name: 'chan',
        page: '2',
      }),
    ).toEqual({
      card_brand: 'master-card',
      first_digits_card_number: '510511',
      last_digits_card_number: '5100',
      cardholder_name: 'chan',
      page: 2,
    });
    expect(parsePayQuery(searchPaymentsQuerySchema, { state: '', page: '', last_digits_card_number: '' })).toEqual({});
  });
});

describe('payment search filters', () => {
  const payment = {
    reference: 'LIC-2026-001',
    email: 'Chan.Tai.Man@example.com',
    state: { status: 'success', finished: true },
    card: { brand: 'Mastercard', cardType: 'debit', firstDigits: '510510', lastDigits: '5100', cardholderName: 'Chan Tai Man' },
  } as unknown as Payment;

  it.each<[SearchFilters, boolean]>([
    [{}, true],
    [{ reference: 'lic-2026-001' }, true],
    [{ reference: 'LIC-2026' }, false],
    [{ email: 'tai.man@EXAMPLE' }, true],
    [{ state: 'success' }, true],
    [{ state: 'created' }, false],
    [{ card_brand: 'master-card' }, true],
    [{ card_brand: 'MASTERCARD' }, true],
    [{ card_brand: 'visa' }, false],
    [{ first_digits_card_number: '510510' }, true],
    [{ first_digits_card_number: '444433' }, false],
    [{ last_digits_card_number: '5100' }, true],
    [{ last_digits_card_number: '1111' }, false],
    [{ cardholder_name: 'tai' }, true],
    [{ cardholder_name: 'Wong' }, false],
  ])('%j matches: %s', (filters, matches) => {
    expect(matchesSearch(payment, filters)).toBe(matches);
  });

  it('finds no card filter on a payment without a card', () => {
    const unpaid = { ...payment, card: undefined };
    expect(matchesSearch(unpaid, { card_brand: 'master-card' })).toBe(false);
    expect(matchesSearch(unpaid, { last_digits_card_number: '5100' })).toBe(false);
    expect(matchesSearch(unpaid, { cardholder_name: 'Chan' })).toBe(false);
  });
});

describe('the Idempotency-Key Pay accepts', () => {
  it("is 1 to 255 letters, digits and hyphens, and is refused in Pay's words otherwise", () => {
    expect(idempotencyKeySchema.safeParse('order-77-A').success).toBe(true);
    expect(idempotencyKeySchema.safeParse('order_77').success).toBe(false);
    expect(formatError(invalidIdempotencyKey('order_77'), 'r')).toEqual({
      header: 'Idempotency-Key',
      code: 'P0102',
      description: 'Header [Idempotency-Key] can only contain alphanumeric characters and hyphens',
    });
    expect(formatError(invalidIdempotencyKey('k'.repeat(256)), 'r')).toMatchObject({
      description: 'Header [Idempotency-Key] can have a size between 1 and 255',
    });
    expect(invalidIdempotencyKey('').status).toBe(422);
  });
});

describe('webhook signatures', () => {
  it('are the lower-case hex HMAC-SHA256 of the body under the signing secret', () => {
    // RFC 4231 test case 2.
    expect(signWebhookBody('what do ya want for nothing?', 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    const body = JSON.stringify({ id: 'abc', amount: 100 });
    expect(signWebhookBody(body, 'webhook_test_secret')).toBe(createHmac('sha256', 'webhook_test_secret').update(body).digest('hex'));
  });

  it('verify only for the same body and secret', () => {
    const body = '{"resource_id":"p1","event_type":"card_payment_captured"}';
    const signature = signWebhookBody(body, 's3cret');
    expect(verifyWebhookSignature(body, 's3cret', signature)).toBe(true);
    expect(verifyWebhookSignature(body, 's3cret', signature.toUpperCase())).toBe(true);
    expect(verifyWebhookSignature(body.replace('p1', 'p2'), 's3cret', signature)).toBe(false);
    expect(verifyWebhookSignature(body, 'other', signature)).toBe(false);
    expect(verifyWebhookSignature(body, 's3cret', undefined)).toBe(false);
    expect(verifyWebhookSignature(body, 's3cret', 'not-hex')).toBe(false);
  });

  it('are retried with doubling gaps up to an hour until acknowledged, for at most three days', () => {
    expect([1, 2, 3, 6, 7, 20].map((n) => retryDelaySeconds(WEBHOOK_RETRY_POLICY, n))).toEqual([60, 120, 240, 1920, 3600, 3600]);
    const created = new Date('2026-03-02T00:00:00Z');
    const pending: WebhookDelivery = {
      id: 'w',
      accountId: 'a',
      paymentId: 'p',
      eventType: 'card_payment_captured',
      body: '{}',
      state: 'pending',
      attempts: 0,
      nextAttemptAt: '',
      createdAt: created.toISOString(),
    };
    expect(afterAttempt(pending, 500, created, WEBHOOK_RETRY_POLICY)).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-03-02T00:01:00.000Z',
    });
    expect(afterAttempt(pending, 202, created, WEBHOOK_RETRY_POLICY)).toMatchObject({ state: 'delivered' });
    expect(afterAttempt({ ...pending, attempts: 80 }, undefined, new Date('2026-03-04T23:30:00Z'), WEBHOOK_RETRY_POLICY)).toMatchObject({
      state: 'abandoned',
    });
  });
});

describe('card form and sandbox provider', () => {
  const now = new Date('2026-03-02T00:00:00Z');
  const form = { cardNo: '4444 3333 2222 1111', expiryMonth: '03', expiryYear: '26', cvc: '123', cardholderName: 'Chan Tai Man' };

  it('reads a good card and refuses bad numbers, past expiry dates and wrong security codes', () => {
    expect(readCardForm(form, now)).toEqual({
      ok: true,
      card: { number: '4444333322221111', expiryMonth: 3, expiryYear: 2026, cvc: '123', cardholderName: 'Chan Tai Man' },
    });
    const bad = readCardForm({ ...form, cardNo: '4444333322221112', expiryMonth: '02', cvc: '12', cardholderName: ' ' }, now);
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(['cardNo', 'cardholderName', 'cvc', 'expiryMonth']);
    expect(readCardForm({ ...form, cardNo: '371449635398431', cvc: '123' }, now)).toMatchObject({
      ok: false,
      errors: { cvc: expect.any(String) },
    });
    expect(readCardForm({ ...form, cardNo: '6759649826438453' }, now)).toMatchObject({
      ok: false,
      errors: { cardNo: expect.stringContaining('not accepted') },
    });
    expect(readCardForm({ ...form, cardNo: 'x' }, now, 'zh')).toMatchObject({ ok: false, errors: { cardNo: '請輸入有效的卡號' } });
  });

  it.each([
    ['4444333322221111', 'authorised'],
    ['371449635398431', 'authorised'],
    ['4000000000000002', 'declined'],
    ['4000000000000069', 'declined'],
    ['4000000000000127', 'declined'],
    ['4000000000000119', 'error'],
    ['4111111111111111', 'declined'],
  ])("answers GOV.UK Pay's test card %s with %s", async (number, outcome) => {
    const result = await new SandboxProvider().authorise({
      paymentId: 'p',
      amount: 100,
      card: { number, expiryMonth: 1, expiryYear: 2030, cvc: '123', cardholderName: 'x' },
    });
    expect(result.outcome).toBe(outcome);
  });

  it('describes the card it authorised as Pay does: brand, type, first six and last four digits, name and expiry', async () => {
    const result = await new SandboxProvider().authorise({
      paymentId: 'p',
      amount: 100,
      card: { number: '5105105105105100', expiryMonth: 4, expiryYear: 2031, cvc: '123', cardholderName: 'Chan Tai Man' },
    });
    expect(result).toEqual({
      outcome: 'authorised',
      providerId: expect.stringMatching(/^sandbox-/),
      card: {
        brand: 'Mastercard',
        cardType: 'debit',
        firstDigits: '510510',
        lastDigits: '5100',
        cardholderName: 'Chan Tai Man',
        expiryDate: '04/31',
      },
    });
    expect(JSON.stringify(result)).not.toContain('5105105105105100');
  });
});

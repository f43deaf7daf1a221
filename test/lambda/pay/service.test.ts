import { GetObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { configureWebhook } from '../../../lambda/pay/app/accounts';
import { authenticatePayRequest, payCallerContext, payCallerFromContext } from '../../../lambda/pay/app/authenticate';
import { cancelPaymentPage, showPaymentPage, submitPaymentPage } from '../../../lambda/pay/app/payment-page';
import {
  cancelPayment,
  capturePayment,
  createPayment,
  getPayment,
  getPaymentEvents,
  searchPayments,
} from '../../../lambda/pay/app/payments';
import { writeReconciliationReport } from '../../../lambda/pay/app/reconciliation';
import { createRefund, getRefund, getRefunds } from '../../../lambda/pay/app/refunds';
import { dispatchDueWebhooks } from '../../../lambda/pay/app/webhooks';
import { createPaymentRequestSchema, refundBodySchema, searchPaymentsQuerySchema } from '../../../lambda/pay/domain/schemas';
import { verifyWebhookSignature } from '../../../lambda/pay/domain/webhooks';
import { seedLocal, seedPay } from '../../../lambda/pay/seed';
import { PAY_REPORTS_BUCKET, PAY_TABLE, storage as payStorage } from '../../../lambda/pay/storage';
import { S3ReportStore } from '../../../lambda/pay/store/reports';
import { dynamo, s3, tableName } from '../../../lambda/shared/aws-clients';
import type { HttpError } from '../../../lambda/shared/errors';
import { bucketEnvName, tableEnvName } from '../../../lambda/shared/storage-definition';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';
import { embeddedDefinition, PayWorld, parsePayBody, parsePayQuery, payRejection, URLS } from './fixtures';

const request = {
  amount: 14500,
  reference: 'LIC-2026-001',
  description: 'Hawker licence renewal',
  return_url: 'https://td.example.gov.hk/done',
};
const card = { cardNo: '4444333322221111', expiryMonth: '12', expiryYear: '2030', cvc: '123', cardholderName: 'Chan Tai Man' };
const tokenOf = (nextUrl: string | undefined) => nextUrl?.split('/').at(-1) ?? '';

describe('payments service on embedded storage', () => {
  useEmbeddedStorage('pay', embeddedDefinition(payStorage));
  const world = new PayWorld();

  describe('creating and reading payments', () => {
    it("creates a payment in Pay's shape, with the links for the next step", async () => {
      const { caller } = await world.account();
      const created = await createPayment({ ...request, metadata: { ledger_code: 'AB100', internal: 200 } }, caller, world.ports, URLS);
      expect(created.statusCode).toBe(201);
      const id = created.body.payment_id;
      expect(id).toMatch(/^[0-9a-v]{26}$/);
      expect(created.body).toMatchObject({
        amount: 14500,
        description: 'Hawker licence renewal',
        reference: 'LIC-2026-001',
        language: 'en',
        metadata: { ledger_code: 'AB100', internal: 200 },
        state: { status: 'created', finished: false },
        payment_provider: 'sandbox',
        created_date: '2026-03-02T01:00:00.000Z',
        refund_summary: { status: 'pending', amount_available: 14500, amount_submitted: 0 },
        settlement_summary: {},
        delayed_capture: false,
        moto: false,
        return_url: 'https://td.example.gov.hk/done',
      });
      const self = `${URLS.baseUrl}/v1/payments/${id}`;
      expect(created.body._links).toEqual({
        self: { href: self, method: 'GET' },
        next_url: { href: expect.stringMatching(new RegExp(`^${URLS.baseUrl}/secure/[0-9a-f-]{36}$`)), method: 'GET' },
        next_url_post: {
          type: 'application/x-www-form-urlencoded',
          params: { chargeTokenId: tokenOf(created.body._links.next_url?.href) },
          href: `${URLS.baseUrl}/secure`,
          method: 'POST',
        },
        events: { href: `${self}/events`, method: 'GET' },
        refunds: { href: `${self}/refunds`, method: 'GET' },
        cancel: { href: `${self}/cancel`, method: 'POST' },
      });
      expect((await getPayment(id, caller, world.ports, URLS)).body).toEqual(created.body);
    });

    it("keeps each department's payments to itself", async () => {
      const mine = await world.account();
      const theirs = await world.account({ departmentCode: 'IRD' });
      const id = (await createPayment(request, mine.caller, world.ports, URLS)).body.payment_id;
      expect(await payRejection(getPayment(id, theirs.caller, world.ports, URLS))).toEqual({
        statusCode: 404,
        body: { code: 'P0200', description: 'Not found' },
      });
      expect(
        (await payRejection(createRefund(id, { amount: 1, refund_amount_available: 14500 }, theirs.caller, world.ports, URLS))).body.code,
      ).toBe('P0600');
      expect((await searchPayments({}, theirs.caller, world.ports, URLS)).body.total).toBe(0);
    });

    it('requires https return URLs of live accounts', async () => {
      const { caller } = await world.account({ live: true });
      expect(
        (await payRejection(createPayment({ ...request, return_url: 'http://td.example.gov.hk/done' }, caller, world.ports, URLS))).body,
      ).toEqual({
        field: 'return_url',
        code: 'P0920',
        description: 'Invalid attribute value: return_url. Must begin with https:// for a live gateway account',
      });
    });

    it('refuses MOTO payments as Pay does an account not enabled for them, and prefills the name it is given', async () => {
      const { caller } = await world.account();
      expect(await payRejection(createPayment({ ...request, moto: true }, caller, world.ports, URLS))).toEqual({
        statusCode: 422,
        body: { code: 'P0196', description: 'MOTO payments are not enabled for this account' },
      });
      const created = await createPayment(
        { ...request, moto: false, prefilled_cardholder_details: { cardholder_name: 'Chan Tai <Man>' } },
        caller,
        world.ports,
        URLS,
      );
      const page = await showPaymentPage(tokenOf(created.body._links.next_url?.href), world.ports, URLS);
      expect(page).toMatchObject({ kind: 'page', html: expect.stringContaining('value="Chan Tai &lt;Man&gt;"') });
    });

    it('takes a MOTO payment on an account enabled for them, and says so in the payment', async () => {
      const { caller } = await world.account({ motoEnabled: true });
      const created = await createPayment({ ...request, moto: true }, caller, world.ports, URLS);
      expect(created.statusCode).toBe(201);
      expect(created.body.moto).toBe(true);
      expect((await createPayment(request, caller, world.ports, URLS)).body.moto).toBe(false);
    });

    it('answers a new payment with its address in Location, as Pay does', async () => {
      const { caller } = await world.account();
      const created = await createPayment(request, caller, world.ports, URLS);
      expect(created.headers).toEqual({ location: `${URLS.baseUrl}/v1/payments/${created.body.payment_id}` });
      expect(created.headers?.location).toBe(created.body._links.self.href);
    });

    it('stores and reads back any metadata the schema accepts, keys named like object members included', async () => {
      const { caller } = await world.account();
      // `constructor` made the DynamoDB marshaller refuse the item (a 500); 1e300 is past DynamoDB's numbers.
      const metadata = { constructor: 'ledger', toString: 'x', hasOwnProperty: true, valueOf: 1e300, tiny: 1e-200, ['k'.repeat(30)]: '' };
      const created = await createPayment(
        { ...parsePayBody(createPaymentRequestSchema, { ...request, metadata }) },
        caller,
        world.ports,
        URLS,
      );
      expect(created.body.metadata).toEqual(metadata);
      expect((await getPayment(created.body.payment_id, caller, world.ports, URLS)).body.metadata).toEqual(metadata);
      const found = (await searchPayments({}, caller, world.ports, URLS)).body.results.find(
        (p) => p.payment_id === created.body.payment_id,
      );
      expect(found?.metadata).toEqual(metadata);
      await showPaymentPage(tokenOf(created.body._links.next_url?.href), world.ports, URLS);
      expect((await getPayment(created.body.payment_id, caller, world.ports, URLS)).body).toMatchObject({
        state: { status: 'started' },
        metadata,
      });
    });

    it('authenticates by the hash of the key, answering 401 otherwise', async () => {
      const { token, account } = await world.account();
      expect((await authenticatePayRequest(`Bearer ${token}`, world.ports)).account.id).toBe(account.id);
      const scan = await dynamo().send(new ScanCommand({ TableName: tableName(tableEnvName(PAY_TABLE)) }));
      expect(JSON.stringify(scan.Items)).not.toContain(token);
      const caller = await authenticatePayRequest(`Bearer ${token}`, world.ports);
      expect(await payCallerFromContext(payCallerContext(caller), world.ports)).toEqual(caller);
      for (const header of [undefined, 'Basic x', `Bearer ${token}x`]) {
        expect(await payRejection(authenticatePayRequest(header, world.ports))).toEqual({
          statusCode: 401,
          body: { code: 401, message: 'Credentials are required to access this resource.' },
        });
      }
    });
  });

  describe('Idempotency-Key', () => {
    it('answers the same key and body with the original payment (200), a different body with 409 P0191', async () => {
      const { caller } = await world.account();
      const first = await createPayment(request, caller, world.ports, { ...URLS, idempotencyKey: 'order-77' });
      const again = await createPayment({ ...request }, caller, world.ports, { ...URLS, idempotencyKey: 'order-77' });
      expect(again.statusCode).toBe(200);
      expect(again.headers).toBeUndefined();
      expect(again.body.payment_id).toBe(first.body.payment_id);
      expect(
        await payRejection(createPayment({ ...request, amount: 1 }, caller, world.ports, { ...URLS, idempotencyKey: 'order-77' })),
      ).toMatchObject({
        statusCode: 409,
        body: { code: 'P0191', header: 'Idempotency-Key' },
      });
    });

    it('forgets a key after 24 hours, and scopes keys to the account', async () => {
      const a = await world.account();
      const b = await world.account();
      const first = await createPayment(request, a.caller, world.ports, { ...URLS, idempotencyKey: 'daily' });
      const other = await createPayment(request, b.caller, world.ports, { ...URLS, idempotencyKey: 'daily' });
      expect(other.statusCode).toBe(201);
      world.advance(24 * 3600);
      const later = await createPayment(request, a.caller, world.ports, { ...URLS, idempotencyKey: 'daily' });
      expect(later.statusCode).toBe(201);
      expect(later.body.payment_id).not.toBe(first.body.payment_id);
    });

    it('creates one payment when the same request arrives many times at once', async () => {
      const { caller } = await world.account();
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => createPayment(request, caller, world.ports, { ...URLS, idempotencyKey: 'burst' })),
      );
      const ids = new Set(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.body.payment_id] : [])));
      expect(ids.size).toBe(1);
      expect((await searchPayments({}, caller, world.ports, URLS)).body.total).toBe(1);
    });
  });

  describe('the hosted payment page', () => {
    it('takes a sandbox payment end to end, keeping what Pay shows of the card and never its number', async () => {
      const { caller } = await world.account();
      const created = await createPayment({ ...request, language: 'zh' }, caller, world.ports, URLS);
      const token = tokenOf(created.body._links.next_url?.href);
      const page = await showPaymentPage(token, world.ports, URLS);
      expect(page).toMatchObject({ kind: 'page', statusCode: 200, html: expect.stringContaining('HK$145.00') });
      expect((await getPayment(created.body.payment_id, caller, world.ports, URLS)).body.state.status).toBe('started');

      const done = await submitPaymentPage(token, { ...card, cardNo: '4444 3333 2222 1111' }, world.ports, URLS);
      expect(done).toEqual({ kind: 'redirect', statusCode: 303, location: 'https://td.example.gov.hk/done' });
      const paid = (await getPayment(created.body.payment_id, caller, world.ports, URLS)).body;
      expect(paid).toMatchObject({
        state: { status: 'success', finished: true },
        card_details: {
          last_digits_card_number: '1111',
          first_digits_card_number: '444433',
          cardholder_name: 'Chan Tai Man',
          expiry_date: '12/30',
          billing_address: null,
          card_brand: 'Visa',
          card_type: 'credit',
          wallet_type: null,
        },
        refund_summary: { status: 'available', amount_available: 14500, amount_submitted: 0 },
        settlement_summary: { captured_date: world.now.toISOString().slice(0, 10) },
      });
      expect(paid._links.next_url).toBeUndefined();
      expect(paid._links.cancel).toBeUndefined();
      const scan = await dynamo().send(new ScanCommand({ TableName: tableName(tableEnvName(PAY_TABLE)) }));
      expect(JSON.stringify(scan.Items)).not.toMatch(/4444333322221111|4444 3333/);
      const events = (await getPaymentEvents(created.body.payment_id, caller, world.ports, URLS)).body;
      expect(events.events.map((e) => e.state.status)).toEqual(['created', 'started', 'submitted', 'success']);
      // The page is spent: coming back shows that the payment has finished.
      expect(await showPaymentPage(token, world.ports, URLS)).toMatchObject({
        kind: 'page',
        html: expect.stringContaining('此付款已完結'),
      });
    });

    it('shows the form again for mistakes, fails declined cards and errors on provider faults', async () => {
      const { caller } = await world.account();
      const pay = async () => {
        const created = await createPayment(request, caller, world.ports, URLS);
        return { id: created.body.payment_id, token: tokenOf(created.body._links.next_url?.href) };
      };
      const mistake = await pay();
      const again = await submitPaymentPage(mistake.token, { ...card, cvc: '1' }, world.ports, URLS);
      expect(again).toMatchObject({ kind: 'page', statusCode: 200, html: expect.stringContaining('Enter a valid card security code') });
      expect((await getPayment(mistake.id, caller, world.ports, URLS)).body.state.status).toBe('started');

      const declined = await pay();
      await submitPaymentPage(declined.token, { ...card, cardNo: '4000000000000002' }, world.ports, URLS);
      expect((await getPayment(declined.id, caller, world.ports, URLS)).body.state).toEqual({
        status: 'failed',
        finished: true,
        code: 'P0010',
        message: 'Payment method rejected',
      });

      const broken = await pay();
      await submitPaymentPage(broken.token, { ...card, cardNo: '4000000000000119' }, world.ports, URLS);
      expect((await getPayment(broken.id, caller, world.ports, URLS)).body.state).toMatchObject({ status: 'error', code: 'P0050' });

      const givenUp = await pay();
      expect(await cancelPaymentPage(givenUp.token, world.ports)).toMatchObject({ kind: 'redirect', location: request.return_url });
      expect((await getPayment(givenUp.id, caller, world.ports, URLS)).body.state).toMatchObject({ status: 'failed', code: 'P0030' });

      expect(await showPaymentPage('00000000-0000-4000-8000-000000000000', world.ports, URLS)).toMatchObject({ statusCode: 404 });
    });

    it('expires a payment left for 90 minutes', async () => {
      const { caller } = await world.account();
      const created = await createPayment(request, caller, world.ports, URLS);
      world.advance(90 * 60);
      expect((await getPayment(created.body.payment_id, caller, world.ports, URLS)).body.state).toEqual({
        status: 'failed',
        finished: true,
        code: 'P0020',
        message: 'Payment expired',
      });
      const page = await submitPaymentPage(tokenOf(created.body._links.next_url?.href), card, world.ports, URLS);
      expect(page).toMatchObject({ kind: 'page', html: expect.stringContaining('This payment has finished') });
    });
  });

  describe('cancel and delayed capture', () => {
    it('cancels a payment in progress once, and refuses to cancel it again', async () => {
      const { caller } = await world.account();
      const id = (await createPayment(request, caller, world.ports, URLS)).body.payment_id;
      expect(await cancelPayment(id, caller, world.ports)).toEqual({ statusCode: 204, body: undefined });
      expect((await getPayment(id, caller, world.ports, URLS)).body.state).toMatchObject({ status: 'cancelled', code: 'P0040' });
      expect(await payRejection(cancelPayment(id, caller, world.ports))).toEqual({
        statusCode: 409,
        body: { code: 'P0502', description: 'Cancellation of payment failed' },
      });
    });

    it('holds a delayed-capture payment as capturable until the service captures it', async () => {
      const { caller } = await world.account();
      const id = await world.paid(caller, 8000, undefined, { delayed_capture: true });
      const held = (await getPayment(id, caller, world.ports, URLS)).body;
      expect(held.state.status).toBe('capturable');
      expect(held._links.capture).toEqual({ href: `${URLS.baseUrl}/v1/payments/${id}/capture`, method: 'POST' });
      expect(world.provider.calls.filter((c) => c.action === 'capture' && c.providerId === held.provider_id)).toHaveLength(0);
      expect(await capturePayment(id, caller, world.ports)).toEqual({ statusCode: 204, body: undefined });
      expect((await getPayment(id, caller, world.ports, URLS)).body.state.status).toBe('success');
      expect(await payRejection(capturePayment(id, caller, world.ports))).toEqual({
        statusCode: 409,
        body: { code: 'P1003', description: 'Payment cannot be captured' },
      });
    });

    it('releases the authorisation when a capturable payment is cancelled', async () => {
      const { caller } = await world.account();
      const id = await world.paid(caller, 8000, undefined, { delayed_capture: true });
      const providerId = (await getPayment(id, caller, world.ports, URLS)).body.provider_id;
      await cancelPayment(id, caller, world.ports);
      expect(world.provider.calls).toContainEqual({ action: 'cancel', providerId });
    });
  });

  describe('refunds', () => {
    it('refunds part of a payment and lists the refund', async () => {
      const { caller } = await world.account();
      const id = await world.paid(caller, 10000);
      const refund = await createRefund(id, { amount: 2500, refund_amount_available: 10000 }, caller, world.ports, URLS);
      expect(refund.statusCode).toBe(202);
      expect(refund.body).toMatchObject({ amount: 2500, status: 'success', created_date: world.now.toISOString() });
      expect(refund.body._links.payment.href).toBe(`${URLS.baseUrl}/v1/payments/${id}`);
      expect((await getPayment(id, caller, world.ports, URLS)).body.refund_summary).toEqual({
        status: 'available',
        amount_available: 7500,
        amount_submitted: 2500,
      });
      expect((await getRefund(id, refund.body.refund_id, caller, world.ports, URLS)).body).toEqual(refund.body);
      expect((await getRefunds(id, caller, world.ports, URLS)).body._embedded.refunds).toEqual([refund.body]);
      expect((await payRejection(getRefund(id, 'nope', caller, world.ports, URLS))).body.code).toBe('P0700');
    });

    it('answers 412 when refund_amount_available is stale, and P0603 before payment', async () => {
      const { caller } = await world.account();
      const id = await world.paid(caller, 10000);
      await createRefund(id, { amount: 1000, refund_amount_available: 10000 }, caller, world.ports, URLS);
      expect(await payRejection(createRefund(id, { amount: 1000, refund_amount_available: 10000 }, caller, world.ports, URLS))).toEqual({
        statusCode: 412,
        body: { code: 'P0604', description: 'Refund amount available mismatch.' },
      });
      const unpaid = (await createPayment(request, caller, world.ports, URLS)).body.payment_id;
      expect(
        (await payRejection(createRefund(unpaid, { amount: 1, refund_amount_available: 14500 }, caller, world.ports, URLS))).body.code,
      ).toBe('P0603');
    });

    it('refunds without refund_amount_available, checking what is available now', async () => {
      const { caller } = await world.account();
      const id = await world.paid(caller, 10000);
      expect((await createRefund(id, { amount: 6000 }, caller, world.ports, URLS)).statusCode).toBe(202);
      expect(await payRejection(createRefund(id, { amount: 4001 }, caller, world.ports, URLS))).toMatchObject({
        statusCode: 422,
        body: { field: 'amount', code: 'P0602' },
      });
      expect((await createRefund(id, { amount: 4000 }, caller, world.ports, URLS)).statusCode).toBe(202);
      expect((await payRejection(createRefund(id, { amount: 1 }, caller, world.ports, URLS))).body.code).toBe('P0603');
    });

    it('finds the payment before reading the body: an unknown payment is 404 whatever the body', async () => {
      const { caller } = await world.account();
      const bad = refundBodySchema.parse({ amount: 'all', colour: 'red' });
      expect(await payRejection(createRefund('abcdefghijklmnopqrstuv0123', bad, caller, world.ports, URLS))).toEqual({
        statusCode: 404,
        body: { code: 'P0600', description: 'Not found' },
      });
      const id = await world.paid(caller, 10000);
      expect(await payRejection(createRefund(id, refundBodySchema.parse({ amount: 'all' }), caller, world.ports, URLS))).toEqual({
        statusCode: 400,
        body: { field: 'amount', code: 'P0602', description: 'Invalid attribute value: amount. Must be a valid numeric format' },
      });
      expect((await createRefund(id, refundBodySchema.parse({ amount: 100 }), caller, world.ports, URLS)).statusCode).toBe(202);
    });

    it('never refunds more than was paid, however many refunds race (parallel requests)', async () => {
      const { caller } = await world.account();
      const id = await world.paid(caller, 1000);
      // Ten refunds of 600 from the same view of the payment: at most one can fit.
      const burst = await Promise.allSettled(
        Array.from({ length: 10 }, () => createRefund(id, { amount: 600, refund_amount_available: 1000 }, caller, world.ports, URLS)),
      );
      const won = burst.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of burst) if (r.status === 'rejected') expect((r.reason as HttpError).status).toBe(412);

      // Ten clients, each re-reading what is available and retrying on 412, refunding 100 at a time.
      const client = async () => {
        let refunded = 0;
        for (;;) {
          const available = (await getPayment(id, caller, world.ports, URLS)).body.refund_summary.amount_available;
          if (available < 100) return refunded;
          const outcome = await createRefund(id, { amount: 100, refund_amount_available: available }, caller, world.ports, URLS).then(
            () => 'ok',
            (err: HttpError) => err.status,
          );
          if (outcome === 'ok') refunded += 100;
          else if (outcome !== 412) return refunded;
        }
      };
      const totals = await Promise.all(Array.from({ length: 10 }, client));
      const summary = (await getPayment(id, caller, world.ports, URLS)).body.refund_summary;
      expect(600 + totals.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(summary).toEqual({ status: 'full', amount_available: 0, amount_submitted: 1000 });
      const refunds = (await getRefunds(id, caller, world.ports, URLS)).body._embedded.refunds;
      expect(refunds.reduce((sum, r) => sum + r.amount, 0)).toBe(1000);
    }, 30_000);
  });

  describe('search', () => {
    it('filters by reference, email, state and dates, and pages', async () => {
      const { caller } = await world.account();
      world.now = new Date('2026-03-05T01:00:00Z');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(
          (
            await createPayment(
              { ...request, reference: i < 3 ? 'BATCH-A' : 'BATCH-B', email: `payer${i}@example.com` },
              caller,
              world.ports,
              URLS,
            )
          ).body.payment_id,
        );
        world.advance(60);
      }
      await cancelPayment(ids[4], caller, world.ports);
      const search = async (query: Record<string, string>) =>
        (await searchPayments(parsePayQuery(searchPaymentsQuerySchema, query), caller, world.ports, URLS)).body;
      expect((await search({ reference: 'BATCH-A' })).results.map((p) => p.payment_id)).toEqual([ids[2], ids[1], ids[0]]);
      expect((await search({ email: 'payer3@' })).results.map((p) => p.payment_id)).toEqual([ids[3]]);
      expect((await search({ state: 'cancelled' })).results.map((p) => p.payment_id)).toEqual([ids[4]]);
      expect(
        (await search({ from_date: '2026-03-05T01:01:00Z', to_date: '2026-03-05T01:03:00Z' })).results.map((p) => p.payment_id),
      ).toEqual([ids[2], ids[1]]);
      expect(await search({ from_date: '2026-03-05T01:03:00Z', to_date: '2026-03-05T01:01:00Z' })).toMatchObject({ total: 0, results: [] });
      const page2 = await search({ display_size: '2', page: '2' });
      expect(page2).toMatchObject({ total: 5, count: 2, page: 2 });
      expect(page2.results.map((p) => p.payment_id)).toEqual([ids[2], ids[1]]);
      expect(page2._links.next_page?.href).toBe(`${URLS.baseUrl}/v1/payments?page=3&display_size=2`);
      expect(page2._links.prev_page?.href).toBe(`${URLS.baseUrl}/v1/payments?page=1&display_size=2`);
      expect((await payRejection(search({ display_size: '2', page: '4' }))).body).toEqual({ code: 'P0402', description: 'Page not found' });
    });

    it("filters by Pay's card filters once the card is known, and echoes them in the page links", async () => {
      const { caller } = await world.account();
      const visa = await world.paid(caller, 1000, '4444333322221111');
      world.advance(60);
      const mastercard = await world.paid(caller, 1000, '5105105105105100');
      world.advance(60);
      const unpaid = (await createPayment(request, caller, world.ports, URLS)).body.payment_id;
      const search = async (query: Record<string, string>) =>
        (await searchPayments(parsePayQuery(searchPaymentsQuerySchema, query), caller, world.ports, URLS)).body;
      const ids = async (query: Record<string, string>) => (await search(query)).results.map((p) => p.payment_id);
      expect(await ids({})).toEqual([unpaid, mastercard, visa]);
      expect(await ids({ card_brand: 'master-card' })).toEqual([mastercard]);
      expect(await ids({ card_brand: 'Visa' })).toEqual([visa]);
      expect(await ids({ first_digits_card_number: '444433' })).toEqual([visa]);
      expect(await ids({ last_digits_card_number: '5100' })).toEqual([mastercard]);
      expect(await ids({ cardholder_name: 'chan tai' })).toEqual([mastercard, visa]);
      expect(await ids({ cardholder_name: 'chan', last_digits_card_number: '1111' })).toEqual([visa]);
      expect(await ids({ reference: 'ref-1' })).toEqual([mastercard, visa]);
      const page = await search({ card_brand: 'visa', display_size: '1' });
      expect(page._links.self.href).toBe(`${URLS.baseUrl}/v1/payments?card_brand=visa&page=1&display_size=1`);
    });
  });

  describe('webhooks', () => {
    it('posts signed messages for payment events and retries until acknowledged', async () => {
      const { caller, account } = await world.account();
      const { signingSecret } = await configureWebhook(
        account.id,
        'https://td.example.gov.hk/pay-events',
        ['card_payment_captured', 'card_payment_refunded'],
        world.ports,
      );
      const id = await world.paid(caller, 5000);
      await createRefund(id, { amount: 500, refund_amount_available: 5000 }, caller, world.ports, URLS);

      world.posted.length = 0;
      world.httpStatus = 500;
      expect(await dispatchDueWebhooks(world.ports)).toMatchObject({ attempted: 2, retrying: 2 });
      world.httpStatus = 200;
      expect(await dispatchDueWebhooks(world.ports)).toMatchObject({ attempted: 0 });
      world.advance(60);
      expect(await dispatchDueWebhooks(world.ports)).toMatchObject({ attempted: 2, delivered: 2 });
      world.advance(3600);
      expect(await dispatchDueWebhooks(world.ports)).toMatchObject({ attempted: 0 });

      const delivered = world.posted.slice(2);
      expect(delivered.map((p) => JSON.parse(p.body).event_type).sort()).toEqual(['card_payment_captured', 'card_payment_refunded']);
      for (const message of delivered) {
        expect(message.url).toBe('https://td.example.gov.hk/pay-events');
        expect(verifyWebhookSignature(message.body, signingSecret, message.headers['Pay-Signature'])).toBe(true);
        expect(JSON.parse(message.body)).toMatchObject({
          api_version: 1,
          resource_id: id,
          resource_type: 'payment',
          resource: { payment_id: id },
        });
      }
    });
  });

  describe('local demo data', () => {
    it('seeds a sandbox account whose printed key works, keeping earlier keys valid', async () => {
      const first = await seedPay(world.ports);
      const second = await seedPay(world.ports);
      expect(second.accountId).toBe(first.accountId);
      for (const seed of [first, second]) {
        const caller = await authenticatePayRequest(`Bearer ${seed.apiKey}`, world.ports);
        expect(caller.account).toMatchObject({ departmentCode: 'DPO', live: false });
      }
      const caller = await authenticatePayRequest(`Bearer ${second.apiKey}`, world.ports);
      const id = await world.paid(caller, 500, second.cards.success);
      expect((await getPayment(id, caller, world.ports, URLS)).body.state.status).toBe('success');
    });
  });

  describe('local mode seed', () => {
    it('prints a key and a request that work', async () => {
      const { notes: lines, credentials } = await seedLocal({ departments: ['DPO'] });
      const key = lines[0].split(' ').at(-1) ?? '';
      expect(credentials?.PAY_API_KEY).toBe(key);
      expect(lines[1]).toContain(`Authorization: Bearer ${key}`);
      expect((await authenticatePayRequest(`Bearer ${key}`, world.ports)).account.departmentCode).toBe('DPO');
    });
  });

  describe('daily reconciliation', () => {
    it("writes a department's day of payments and refunds to the reports bucket", async () => {
      const { caller } = await world.account({ departmentCode: 'FEHD' });
      world.now = new Date('2026-03-09T17:00:00Z'); // 01:00 on 10 March in Hong Kong
      const first = await world.paid(caller, 12000);
      world.advance(3600);
      await world.paid(caller, 3000);
      world.advance(60);
      await createRefund(first, { amount: 2000, refund_amount_available: 12000 }, caller, world.ports, URLS);
      world.now = new Date('2026-03-10T16:30:00Z'); // the next Hong Kong day
      await world.paid(caller, 999);

      const written = await writeReconciliationReport('FEHD', '2026-03-10', { ...world.ports, reports: new S3ReportStore() });
      expect(written.report.totals).toEqual({
        payments: { count: 2, amount: 15000 },
        refunds: { count: 1, amount: 2000 },
        net_amount: 13000,
      });
      const csv = await s3().send(new GetObjectCommand({ Bucket: process.env[bucketEnvName(PAY_REPORTS_BUCKET)], Key: written.csvKey }));
      const lines = (await csv.Body?.transformToString())?.trim().split('\r\n') ?? [];
      expect(written.csvKey).toBe('reconciliation/FEHD/2026-03-10.csv');
      expect(lines).toHaveLength(4);
      expect(lines[3]).toMatch(/^refund,.*,-2000,-20\.00$/);
      const json = await s3().send(new GetObjectCommand({ Bucket: process.env[bucketEnvName(PAY_REPORTS_BUCKET)], Key: written.jsonKey }));
      expect(JSON.parse((await json.Body?.transformToString()) ?? '{}').totals.net_amount).toBe(13000);
    });
  });
});

import { randomBytes } from 'node:crypto';
import { createAccount, issuePayApiKey } from '../../lambda/pay/app/accounts';
import { createPayPorts } from '../../lambda/pay/compose';
import { payService } from '../../lambda/pay/routes';
import { SANDBOX_CARDS } from '../../lambda/pay/seed';
import { SandboxProvider } from '../../lambda/pay/store/sandbox-provider';
import { call, useLocalPlatform } from '../helpers/local-platform';

const RETURN_URL = 'https://dpo.example.gov.hk/licences/done';
const request = { amount: 10000, reference: 'LIC-2026-0001', description: 'Hawker licence renewal', return_url: RETURN_URL };
const card = (cardNo: string) => ({ cardNo, expiryMonth: '12', expiryYear: '2030', cvc: '123', cardholderName: 'Chan Tai Man' });

/**
 * GOV.UK Pay's v1 API and the hosted payment page over HTTP in local mode: the real routes,
 * runtime, authorizer and error format, with the sandbox key the seed prints.
 */
describe('payments over HTTP in local mode', () => {
  const platform = useLocalPlatform(['pay']);
  const demoKey = () => {
    const line = platform.current.seedNotes.find((l) => l.startsWith('pay: sandbox account')) ?? '';
    return line.split(' ').at(-1) ?? '';
  };
  const api = (method: string, path: string, options: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    call(platform.current, method, `/pay/v1${path}`, {
      body: options.body,
      headers: { authorization: `Bearer ${options.key ?? demoKey()}`, ...options.headers },
    });
  /** Posts an HTML form as a browser does, without following the redirect. */
  const postForm = async (url: string, fields: Record<string, string>) => {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), headers: res.headers };
  };
  const create = async (extra: object = {}, key?: string) => {
    const res = await api('POST', '/payments', { key, body: { ...request, ...extra } });
    expect(res.status).toBe(201);
    return res.json;
  };
  /** Creates a payment and pays it through the hosted page with the card. */
  const paid = async (extra: object = {}, cardNo: string = SANDBOX_CARDS.success, key?: string) => {
    const payment = await create(extra, key);
    const page = await fetch(payment._links.next_url.href);
    expect(page.status).toBe(200);
    const submitted = await postForm(payment._links.next_url.href, card(cardNo));
    return { payment, submitted };
  };

  it('creates a payment in Pay’s shape, with links under the local base URL', async () => {
    const payment = await create();
    expect(payment).toMatchObject({
      amount: 10000,
      state: { status: 'created', finished: false },
      payment_provider: 'sandbox',
      _links: {
        self: { href: `${platform.current.url}/pay/v1/payments/${payment.payment_id}`, method: 'GET' },
        next_url: { href: expect.stringMatching(new RegExp(`^${platform.current.url}/pay/secure/[0-9a-f-]{36}$`)), method: 'GET' },
      },
    });
  });

  it('answers a new payment with 201 and its address in Location', async () => {
    const res = await api('POST', '/payments', { body: request });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${platform.current.url}/pay/v1/payments/${res.json.payment_id}`);
    expect(res.headers.get('location')).toBe(res.json._links.self.href);
  });

  it('stores and reads back metadata whose keys name object members', async () => {
    const metadata = { constructor: 'ledger-7', toString: 'x', hasOwnProperty: false, valueOf: 12.5 };
    const created = await api('POST', '/payments', { body: { ...request, metadata } });
    expect(created.status).toBe(201);
    expect(created.json.metadata).toEqual(metadata);
    expect((await api('GET', `/payments/${created.json.payment_id}`)).json.metadata).toEqual(metadata);
    const refused = await api('POST', '/payments', { body: { ...request, metadata: { ['k'.repeat(31)]: 1 } } });
    expect(refused.status).toBe(422);
    expect(refused.json).toEqual({
      field: 'metadata',
      code: 'P0102',
      description: 'Invalid attribute value: metadata. Keys must be between 1 and 30 characters long',
    });
  });

  it("refuses an Idempotency-Key Pay would refuse, in Pay's words", async () => {
    const res = await api('POST', '/payments', { body: request, headers: { 'idempotency-key': 'order_77' } });
    expect(res.status).toBe(422);
    expect(res.json).toEqual({
      header: 'Idempotency-Key',
      code: 'P0102',
      description: 'Header [Idempotency-Key] can only contain alphanumeric characters and hyphens',
    });
  });

  it('returns the original payment for the same Idempotency-Key and body, and 409 for another body', async () => {
    const headers = { 'idempotency-key': `create-${randomBytes(8).toString('hex')}` };
    const first = await api('POST', '/payments', { body: request, headers });
    const again = await api('POST', '/payments', { body: request, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('location')).toBeNull();
    expect(again.json.payment_id).toBe(first.json.payment_id);
    const other = await api('POST', '/payments', { body: { ...request, amount: 20000 }, headers });
    expect(other.status).toBe(409);
    expect(other.json).toMatchObject({ code: 'P0191', header: 'Idempotency-Key' });
  });

  it('takes a payment through the hosted page: card form, then back to the service', async () => {
    const payment = await create();
    const page = await fetch(payment._links.next_url.href);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // The form ends by returning to the service, which browsers check against form-action.
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self' https://dpo.example.gov.hk;");
    const html = await page.text();
    expect(html).toContain('HK$100.00');
    expect(html).toContain(`action="${payment._links.next_url.href}"`);
    expect((await api('GET', `/payments/${payment.payment_id}`)).json.state.status).toBe('started');

    const submitted = await postForm(payment._links.next_url.href, card(SANDBOX_CARDS.success));
    expect(submitted.status).toBe(303);
    expect(submitted.location).toBe(RETURN_URL);
    const done = await api('GET', `/payments/${payment.payment_id}`);
    expect(done.json).toMatchObject({
      state: { status: 'success', finished: true },
      card_details: {
        last_digits_card_number: '1111',
        first_digits_card_number: '444433',
        cardholder_name: 'Chan Tai Man',
        expiry_date: '12/30',
        billing_address: null,
        card_brand: 'Visa',
        card_type: 'credit',
      },
      refund_summary: { status: 'available', amount_available: 10000 },
    });
    expect(JSON.stringify(done.json)).not.toContain(SANDBOX_CARDS.success);
    const events = await api('GET', `/payments/${payment.payment_id}/events`);
    expect(events.json.events.map((e: { state: { status: string } }) => e.state.status)).toEqual([
      'created',
      'started',
      'submitted',
      'success',
    ]);
  });

  it('shows the form again with errors for bad card details, and fails a declined card', async () => {
    const payment = await create();
    const invalid = await postForm(payment._links.next_url.href, { ...card('1234'), cvc: '' });
    expect(invalid.status).toBe(200);
    expect(invalid.text).toContain('Enter a valid card number');
    expect(invalid.text).not.toContain('value="1234"');
    const { payment: declined, submitted } = await paid({}, SANDBOX_CARDS.declined);
    expect(submitted.text).toContain('Your payment has been declined');
    expect((await api('GET', `/payments/${declined.payment_id}`)).json.state).toMatchObject({ status: 'failed', code: 'P0010' });
  });

  it('sends next_url_post on to the payment page, and lets the user cancel there', async () => {
    const payment = await create();
    const post = payment._links.next_url_post;
    const started = await postForm(post.href, post.params);
    expect(started.status).toBe(303);
    expect(started.location).toBe(payment._links.next_url.href);
    const cancelled = await postForm(`${payment._links.next_url.href}/cancel`, {});
    expect(cancelled).toMatchObject({ status: 303, location: RETURN_URL });
    expect((await api('GET', `/payments/${payment.payment_id}`)).json.state).toMatchObject({ status: 'failed', code: 'P0030' });
  });

  it('cancels a payment not yet taken, once', async () => {
    const payment = await create();
    expect((await api('POST', `/payments/${payment.payment_id}/cancel`)).status).toBe(204);
    expect((await api('GET', `/payments/${payment.payment_id}`)).json.state).toMatchObject({ status: 'cancelled', code: 'P0040' });
    const again = await api('POST', `/payments/${payment.payment_id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ code: 'P0502', description: 'Cancellation of payment failed' });
    const { payment: taken } = await paid();
    expect((await api('POST', `/payments/${taken.payment_id}/cancel`)).status).toBe(409);
  });

  it('captures a delayed-capture payment only when it is capturable', async () => {
    const { payment } = await paid({ delayed_capture: true });
    expect((await api('GET', `/payments/${payment.payment_id}`)).json.state.status).toBe('capturable');
    expect((await api('POST', `/payments/${payment.payment_id}/capture`)).status).toBe(204);
    expect((await api('GET', `/payments/${payment.payment_id}`)).json.state.status).toBe('success');
    const twice = await api('POST', `/payments/${payment.payment_id}/capture`);
    expect(twice.status).toBe(409);
    expect(twice.json.code).toBe('P1003');
  });

  it('refunds, checking the amount available, and lists and reads refunds', async () => {
    const { payment } = await paid();
    const path = `/payments/${payment.payment_id}/refunds`;
    const mismatch = await api('POST', path, { body: { amount: 1000, refund_amount_available: 9999 } });
    expect(mismatch.status).toBe(412);
    expect(mismatch.json.code).toBe('P0604');
    const refund = await api('POST', path, { body: { amount: 2500, refund_amount_available: 10000 } });
    expect(refund.status).toBe(202);
    expect(refund.json).toMatchObject({ amount: 2500, status: 'success' });
    const tooMuch = await api('POST', path, { body: { amount: 8000, refund_amount_available: 7500 } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json).toMatchObject({ field: 'amount', code: 'P0602' });
    const list = await api('GET', path);
    expect(list.json._embedded.refunds.map((r: { refund_id: string }) => r.refund_id)).toEqual([refund.json.refund_id]);
    expect((await api('GET', `${path}/${refund.json.refund_id}`)).json.amount).toBe(2500);
    expect((await api('GET', `${path}/nosuchrefund`)).json).toEqual({ code: 'P0700', description: 'Not found' });
  });

  it('refunds without refund_amount_available, and finds the payment before reading the body', async () => {
    const { payment } = await paid();
    const path = `/payments/${payment.payment_id}/refunds`;
    const refund = await api('POST', path, { body: { amount: 1500 } });
    expect(refund.status).toBe(202);
    expect((await api('GET', `/payments/${payment.payment_id}`)).json.refund_summary).toMatchObject({ amount_available: 8500 });
    const stale = await api('POST', path, { body: { amount: 100, refund_amount_available: 10000 } });
    expect(stale.status).toBe(412);
    for (const body of [{ amount: 'all' }, {}, { amount: 1, colour: 'red' }]) {
      const unknown = await api('POST', '/payments/abcdefghijklmnopqrstuv0123/refunds', { body });
      expect(unknown).toMatchObject({ status: 404, json: { code: 'P0600', description: 'Not found' } });
    }
    const missing = await api('POST', path, { body: {} });
    expect(missing).toMatchObject({ status: 400, json: { field: 'amount', code: 'P0601' } });
  });

  it("searches by Pay's card filters", async () => {
    const reference = `CARD-${randomBytes(4).toString('hex')}`;
    const { payment: mastercard } = await paid({ reference }, '5105105105105100');
    const { payment: visa } = await paid({ reference });
    const ids = async (query: string) =>
      (await api('GET', `/payments?reference=${reference}&${query}`)).json.results.map((p: { payment_id: string }) => p.payment_id);
    expect(await ids('card_brand=master-card')).toEqual([mastercard.payment_id]);
    expect(await ids('last_digits_card_number=1111')).toEqual([visa.payment_id]);
    expect(await ids('first_digits_card_number=510510')).toEqual([mastercard.payment_id]);
    expect(await ids('cardholder_name=tai%20man')).toEqual([visa.payment_id, mastercard.payment_id]);
    const bad = await api('GET', '/payments?first_digits_card_number=4444&last_digits_card_number=x');
    expect(bad).toMatchObject({ status: 422, json: { code: 'P0401' } });
    expect(bad.json.description).toMatch(/first_digits_card_number, last_digits_card_number/);
  });

  it('never refunds more than was paid when refunds race over HTTP', async () => {
    const { payment } = await paid();
    const path = `/payments/${payment.payment_id}/refunds`;
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () => api('POST', path, { body: { amount: 4000, refund_amount_available: 10000 } })),
    );
    const accepted = attempts.filter((a) => a.status === 202);
    expect(accepted).toHaveLength(1);
    for (const refused of attempts.filter((a) => a.status !== 202)) expect(refused.json.code).toBe('P0604');
    const after = await api('GET', `/payments/${payment.payment_id}`);
    expect(after.json.refund_summary).toMatchObject({ amount_submitted: 4000, amount_available: 6000 });

    // Racing with the right availability each time still never goes over: one winner per round.
    let available = 6000;
    for (let round = 0; round < 3; round++) {
      const racers = await Promise.all(
        Array.from({ length: 4 }, () => api('POST', path, { body: { amount: 2500, refund_amount_available: available } })),
      );
      available -= 2500 * racers.filter((r) => r.status === 202).length;
    }
    const refunds = (await api('GET', path)).json._embedded.refunds as { amount: number }[];
    expect(refunds.reduce((sum, r) => sum + r.amount, 0)).toBeLessThanOrEqual(10000);
    expect((await api('GET', `/payments/${payment.payment_id}`)).json.refund_summary.amount_available).toBeGreaterThanOrEqual(0);
  });

  it("answers bad input with Pay's error shapes", async () => {
    const invalid = await api('POST', '/payments', { body: { ...request, amount: 'lots' } });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toEqual({
      field: 'amount',
      code: 'P0102',
      description: 'Invalid attribute value: amount. Must be a valid numeric format',
    });
    const tooMuch = await api('POST', '/payments', { body: { ...request, amount: 10_000_001 } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json).toMatchObject({ field: 'amount', code: 'P0102' });
    const { reference: _omitted, ...noReference } = request;
    const missing = await api('POST', '/payments', { body: noReference });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ field: 'reference', code: 'P0101', description: 'Missing mandatory attribute: reference' });
    const unexpected = await api('POST', '/payments', { body: { ...request, colour: 'red' } });
    expect(unexpected.status).toBe(400);
    expect(unexpected.json).toEqual({ field: 'colour', code: 'P0104', description: 'Unexpected attribute: colour' });
    const malformed = await api('POST', '/payments', { body: '{"amount":' });
    expect(malformed.json).toEqual({ code: 'P0197', description: 'Unable to parse JSON' });
    const search = await api('GET', '/payments?state=paid&display_size=9999');
    expect(search.status).toBe(422);
    expect(search.json.code).toBe('P0401');
    expect(search.json.description).toMatch(/state, display_size/);
    const unknown = await api('GET', '/payments/abcdefghijklmnopqrstuv0123');
    expect(unknown.json).toEqual({ code: 'P0200', description: 'Not found' });
    const refund = await api('POST', `/payments/${(await create()).payment_id}/refunds`, {
      body: { amount: 0, refund_amount_available: 1 },
    });
    expect(refund.json).toMatchObject({ field: 'amount', code: 'P0602' });
  });

  it("answers a missing or unknown API key with Pay's 401", async () => {
    const body = { code: 401, message: 'Credentials are required to access this resource.' };
    const none = await call(platform.current, 'GET', '/pay/v1/payments');
    expect(none).toMatchObject({ status: 401, json: body });
    const wrong = await api('GET', '/payments', { key: `api_test_${'a'.repeat(40)}` });
    expect(wrong).toMatchObject({ status: 401, json: body });
  });

  it("keeps each department's payments to itself", async () => {
    const ports = createPayPorts({
      secretBoxKey: Buffer.from(process.env[payService.environment.secretBoxKey] ?? '', 'base64'),
      provider: new SandboxProvider(),
    });
    const account = await createAccount({ id: 'td00e2e0account00000000001', departmentCode: 'TD', name: 'TD fees', live: false }, ports);
    const tdKey = (await issuePayApiKey({ accountId: account.id, name: 'td', createdBy: 'officer@td.example.gov.hk' }, ports)).token;
    const dpo = await create({ reference: 'DPO-ONLY' });
    const td = await create({ reference: 'TD-ONLY' }, tdKey);
    expect((await api('GET', `/payments/${dpo.payment_id}`, { key: tdKey })).json).toEqual({ code: 'P0200', description: 'Not found' });
    expect((await api('POST', `/payments/${dpo.payment_id}/cancel`, { key: tdKey })).status).toBe(404);
    expect((await api('GET', `/payments/${td.payment_id}`)).status).toBe(404);
    const tdSearch = await api('GET', '/payments', { key: tdKey });
    expect(tdSearch.json.results.map((p: { payment_id: string }) => p.payment_id)).toEqual([td.payment_id]);
    const dpoSearch = await api('GET', '/payments?reference=TD-ONLY');
    expect(dpoSearch.json.results).toEqual([]);
  });
});

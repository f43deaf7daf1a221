import { formatAmount, PAYMENT_PAGE_HEADERS, renderCardDetailsPage, renderMessagePage } from '../../../lambda/pay/domain/hosted-page';
import {
  type ReconciliationEntry,
  reconciliationCsv,
  reconciliationDay,
  reconciliationReport,
} from '../../../lambda/pay/domain/reconciliation';

describe('hosted payment page', () => {
  const payment = {
    amount: 123456,
    description: 'Renewal of <b>licence</b>',
    reference: 'LIC"1',
    language: 'en' as const,
    email: 'a@b.hk',
  };

  it('shows the amount in Hong Kong dollars and escapes everything the service wrote', () => {
    const html = renderCardDetailsPage({ payment, actionUrl: '/pay/secure/t', cancelUrl: '/pay/secure/t/cancel' });
    expect(formatAmount(123456)).toBe('HK$1,234.56');
    expect(formatAmount(5)).toBe('HK$0.05');
    expect(html).toContain('<strong>HK$1,234.56</strong>');
    expect(html).toContain('Renewal of &lt;b&gt;licence&lt;/b&gt;');
    expect(html).toContain('LIC&quot;1');
    expect(html).not.toContain('<b>licence</b>');
    expect(html).toContain('<form method="post" action="/pay/secure/t"');
    expect(html).not.toMatch(/<script/i);
  });

  it('shows errors again with what was typed, but never the card number or security code', () => {
    const html = renderCardDetailsPage({
      payment: { ...payment, language: 'zh' },
      actionUrl: '/a',
      cancelUrl: '/c',
      errors: { cvc: '請輸入有效的保安編號' },
      values: { cardholderName: 'Chan <Tai Man>', expiryMonth: '04', expiryYear: '27' },
    });
    expect(html).toContain('lang="zh-HK"');
    expect(html).toContain('請輸入有效的保安編號');
    expect(html).toContain('value="Chan &lt;Tai Man&gt;"');
    expect(html).toMatch(/<input id="cardNo" name="cardNo"[^>]*>/);
    expect(html.match(/<input id="cardNo"[^>]*>/)?.[0]).not.toContain('value=');
    expect(html.match(/<input id="cvc"[^>]*>/)?.[0]).not.toContain('value=');
  });

  it('is served uncached, unframed and with nothing loaded from elsewhere', () => {
    expect(PAYMENT_PAGE_HEADERS['Cache-Control']).toBe('no-store');
    expect(PAYMENT_PAGE_HEADERS['Content-Security-Policy']).toContain("default-src 'none'");
    expect(PAYMENT_PAGE_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(renderMessagePage({ language: 'en', title: 'Done', message: 'x', link: { href: 'https://a/"b', text: 'Continue' } })).toContain(
      'href="https://a/&quot;b"',
    );
  });
});

describe('daily reconciliation', () => {
  const entries: ReconciliationEntry[] = [
    {
      type: 'payment',
      time: '2026-03-01T16:00:00.000Z',
      paymentId: 'p1',
      accountId: 'acc',
      reference: 'A-1',
      cardBrand: 'Visa',
      amount: 10000,
    },
    { type: 'payment', time: '2026-03-02T03:00:00.000Z', paymentId: 'p2', accountId: 'acc', reference: '=HYPERLINK("x")', amount: 2550 },
    {
      type: 'refund',
      time: '2026-03-02T10:00:00.000Z',
      paymentId: 'p1',
      refundId: 'r1',
      accountId: 'acc',
      reference: 'A-1, again',
      amount: 3000,
    },
    { type: 'payment', time: '2026-03-02T16:00:00.000Z', paymentId: 'p3', accountId: 'acc', reference: 'next day', amount: 999 },
    { type: 'payment', time: '2026-03-01T15:59:59.999Z', paymentId: 'p0', accountId: 'acc', reference: 'day before', amount: 1 },
  ];

  it('counts the Hong Kong day, midnight to midnight', () => {
    expect(reconciliationDay('2026-03-01T16:00:00.000Z')).toBe('2026-03-02');
    expect(reconciliationDay('2026-03-01T15:59:59.999Z')).toBe('2026-03-01');
  });

  it('totals payments and refunds of the day in cents', () => {
    const report = reconciliationReport('DPO', '2026-03-02', entries, new Date('2026-03-03T00:00:00Z'));
    expect(report.entries.map((e) => e.refundId ?? e.paymentId)).toEqual(['p1', 'p2', 'r1']);
    expect(report.totals).toEqual({ payments: { count: 2, amount: 12550 }, refunds: { count: 1, amount: 3000 }, net_amount: 9550 });
    expect(report.currency).toBe('HKD');
  });

  it('writes CSV a spreadsheet reads safely', () => {
    const csv = reconciliationCsv(reconciliationReport('DPO', '2026-03-02', entries, new Date()));
    expect(csv.split('\r\n')).toEqual([
      'type,time,payment_id,refund_id,account_id,reference,card_brand,amount_cents,amount_hkd',
      'payment,2026-03-01T16:00:00.000Z,p1,,acc,A-1,Visa,10000,100.00',
      `payment,2026-03-02T03:00:00.000Z,p2,,acc,"'=HYPERLINK(""x"")",,2550,25.50`,
      'refund,2026-03-02T10:00:00.000Z,p1,r1,acc,"A-1, again",,-3000,-30.00',
      '',
    ]);
  });
});

/**
 * A department's daily reconciliation: every payment whose money was taken and every refund
 * that succeeded on one day (Hong Kong time), with totals, as JSON and as CSV for finance
 * systems. Pure: the caller gathers the entries and decides where the report goes.
 */
export const HONG_KONG_OFFSET_MINUTES = 8 * 60;

export interface ReconciliationEntry {
  readonly type: 'payment' | 'refund';
  /** ISO time the money moved. */
  readonly time: string;
  readonly paymentId: string;
  readonly refundId?: string;
  readonly accountId: string;
  readonly reference: string;
  readonly cardBrand?: string;
  /** Positive cents; refunds are subtracted in the totals. */
  readonly amount: number;
}

export interface ReconciliationReport {
  readonly department: string;
  readonly date: string;
  readonly currency: 'HKD';
  readonly generated_at: string;
  readonly totals: {
    readonly payments: { readonly count: number; readonly amount: number };
    readonly refunds: { readonly count: number; readonly amount: number };
    readonly net_amount: number;
  };
  readonly entries: readonly ReconciliationEntry[];
}

/** The Hong Kong calendar day of an instant, `YYYY-MM-DD`. */
export function reconciliationDay(iso: string): string {
  return new Date(Date.parse(iso) + HONG_KONG_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

export function reconciliationReport(
  department: string,
  date: string,
  entries: readonly ReconciliationEntry[],
  now: Date,
): ReconciliationReport {
  const onDay = entries
    .filter((e) => reconciliationDay(e.time) === date)
    .sort(
      (a, b) =>
        a.time.localeCompare(b.time) || a.paymentId.localeCompare(b.paymentId) || (a.refundId ?? '').localeCompare(b.refundId ?? ''),
    );
  const sum = (type: ReconciliationEntry['type']) => {
    const of = onDay.filter((e) => e.type === type);
    return { count: of.length, amount: of.reduce((total, e) => total + e.amount, 0) };
  };
  const payments = sum('payment');
  const refunds = sum('refund');
  return {
    department,
    date,
    currency: 'HKD',
    generated_at: now.toISOString(),
    totals: { payments, refunds, net_amount: payments.amount - refunds.amount },
    entries: onDay,
  };
}

const COLUMNS = ['type', 'time', 'payment_id', 'refund_id', 'account_id', 'reference', 'card_brand', 'amount_cents', 'amount_hkd'] as const;

export function reconciliationCsv(report: ReconciliationReport): string {
  const rows = report.entries.map((e) => {
    const signed = e.type === 'refund' ? -e.amount : e.amount;
    return [e.type, e.time, e.paymentId, e.refundId ?? '', e.accountId, e.reference, e.cardBrand ?? '', String(signed), formatHkd(signed)];
  });
  return `${[COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function formatHkd(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Quotes when needed, and defuses text a spreadsheet would run as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

import { HONG_KONG_OFFSET_MINUTES, type ReconciliationReport, reconciliationCsv, reconciliationReport } from '../domain/reconciliation';
import type { PayPorts, ReconciliationPorts } from '../ports';

/** The Hong Kong day before `now`, `YYYY-MM-DD`: the day a nightly run reconciles. */
export function previousHongKongDay(now: Date): string {
  return new Date(now.getTime() + HONG_KONG_OFFSET_MINUTES * 60_000 - 24 * 3600_000).toISOString().slice(0, 10);
}

export async function buildReconciliation(departmentCode: string, day: string, ports: PayPorts): Promise<ReconciliationReport> {
  return reconciliationReport(departmentCode, day, await ports.store.reconciliationEntries(departmentCode, day), ports.clock());
}

export interface WrittenReport {
  readonly report: ReconciliationReport;
  readonly jsonKey: string;
  readonly csvKey: string;
}

/** Writes a department's day as `reconciliation/<dept>/<day>.json` and `.csv` in the reports bucket. */
export async function writeReconciliationReport(departmentCode: string, day: string, ports: ReconciliationPorts): Promise<WrittenReport> {
  const report = await buildReconciliation(departmentCode, day, ports);
  const base = `reconciliation/${departmentCode}/${day}`;
  const [jsonKey, csvKey] = await Promise.all([
    ports.reports.putReport(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`, 'application/json'),
    ports.reports.putReport(`${base}.csv`, reconciliationCsv(report), 'text/csv; charset=utf-8'),
  ]);
  return { report, jsonKey, csvKey };
}

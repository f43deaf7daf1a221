import fc from 'fast-check';
import { aggregateDay, ratio } from '../../../../lambda/usage/domain/aggregate';
import { addMonths } from '../../../../lambda/usage/domain/days';
import { BEACON_KINDS, type ServiceReport, type StoredEvent } from '../../../../lambda/usage/domain/events';
import { reviewDueDate, reviewState } from '../../../../lambda/usage/domain/review';
import { daySchema } from '../../../../lambda/usage/domain/schemas';

const DAY = '2026-05-04';
const SERVICES = ['svc-a', 'svc-b', 'svc-c'] as const;
const departments = new Map<string, string>(SERVICES.map((s, i) => [s, ['TD', 'DPO', 'FEHD'][i] as string]));

const eventArb: fc.Arbitrary<StoredEvent> = fc.record({
  kind: fc.constantFrom(...BEACON_KINDS),
  service: fc.constantFrom(...SERVICES, 'unregistered'),
  date: fc.constantFrom(DAY, DAY, DAY, '2026-05-03'),
  at: fc.constant(`${DAY}T01:00:00.000Z`),
  visitor: fc.integer({ min: 0, max: 30 }).map((n) => n.toString(16).padStart(16, '0')),
});
const reportArb: fc.Arbitrary<ServiceReport> = fc.record({
  service: fc.constantFrom(...SERVICES),
  date: fc.constant(DAY),
  kind: fc.constantFrom('download' as const, 'offline_transaction' as const),
  platform: fc.constantFrom('ios' as const, 'android' as const),
  count: fc.nat({ max: 10_000 }),
  reportedAt: fc.constant(`${DAY}T10:00:00.000Z`),
  reportedBy: fc.constant('officer'),
});

describe('the daily count, over generated event streams', () => {
  const input = fc.record({ events: fc.array(eventArb, { maxLength: 300 }), reports: fc.array(reportArb, { maxLength: 12 }) });

  it("gives every registered service a row, and the day's counts of each sum to the events of that day", () => {
    fc.assert(
      fc.property(input, ({ events, reports }) => {
        const figures = aggregateDay({ date: DAY, departments, events, reports, downloadsBefore: new Map() });
        expect(figures.map((f) => f.service)).toEqual([...SERVICES]);
        const counted = events.filter((e) => e.date === DAY && e.service !== 'unregistered');
        const total = (kind: string) => counted.filter((e) => e.kind === kind).length;
        expect(figures.reduce((n, f) => n + f.pageViews, 0)).toBe(total('page_view'));
        expect(figures.reduce((n, f) => n + f.starts, 0)).toBe(total('service_start'));
        expect(figures.reduce((n, f) => n + f.completions, 0)).toBe(total('service_completion'));
        const downloads = reports.filter((r) => r.kind === 'download').reduce((n, r) => n + r.count, 0);
        expect(figures.reduce((n, f) => n + f.downloads, 0)).toBe(downloads);
      }),
    );
  });

  it('bounds distinct counts by the events behind them, and every rate within 0 and 1', () => {
    fc.assert(
      fc.property(input, fc.nat({ max: 1000 }), ({ events, reports }, before) => {
        const figures = aggregateDay({ date: DAY, departments, events, reports, downloadsBefore: new Map([['svc-a', before]]) });
        for (const f of figures) {
          const own = events.filter((e) => e.date === DAY && e.service === f.service);
          expect(f.visitors).toBeLessThanOrEqual(own.length);
          expect(f.visitors).toBe(new Set(own.map((e) => e.visitor)).size);
          expect(f.activeUsers).toBeLessThanOrEqual(Math.min(f.visitors, own.filter((e) => e.kind === 'app_session').length));
          for (const rate of [f.completionRate, f.usageRate, f.digitalTakeUp]) if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
          expect(f.cumulativeDownloads).toBe((f.service === 'svc-a' ? before : 0) + f.downloads);
        }
      }),
    );
  });

  it('leaves a rate empty with nothing to divide by, and the take-up empty without offline volume', () => {
    const [a] = aggregateDay({ date: DAY, departments: new Map([['svc-a', 'TD']]), events: [], reports: [], downloadsBefore: new Map() });
    expect(a).toMatchObject({ completionRate: null, usageRate: null, digitalTakeUp: null, offlineTransactions: null, visitors: 0 });
    expect([ratio(1, 3), ratio(5, 4), ratio(0, 0)]).toEqual([0.3333, 1, null]);
  });
});

describe('review dates', () => {
  it('falls due six calendar months after launch, clamped to the end of a shorter month', () => {
    expect([reviewDueDate('2026-01-15'), reviewDueDate('2025-08-31'), reviewDueDate('2023-08-31'), reviewDueDate('2026-07-31')]).toEqual([
      '2026-07-15',
      '2026-02-28',
      '2024-02-29',
      '2027-01-31',
    ]);
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), (date) => {
        const launch = date.toISOString().slice(0, 10);
        const due = addMonths(launch, 6);
        expect(daySchema.safeParse(due).success).toBe(true);
        expect(due > launch).toBe(true);
      }),
    );
  });

  it('is not due, then due in the 30 days before, then overdue, unless filed', () => {
    expect(['2026-06-14', '2026-06-15', '2026-07-15', '2026-07-16'].map((d) => reviewState('2026-07-15', d, false))).toEqual([
      'not_due',
      'due',
      'due',
      'overdue',
    ]);
    expect(reviewState('2026-07-15', '2027-01-01', true)).toBe('filed');
  });
});

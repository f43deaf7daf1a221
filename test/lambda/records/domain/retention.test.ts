import * as fc from 'fast-check';
import {
  addMonths,
  dueAt,
  MINIMUM_LOCK_DAYS,
  type Retention,
  retainUntil,
  TRIGGERS,
  type Trigger,
} from '../../../../lambda/records/domain/retention';

const DAY = 86_400_000;
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true });
const retention = fc
  .record({ years: fc.integer({ min: 0, max: 100 }), months: fc.integer({ min: 0, max: 11 }) })
  .filter((r) => r.years + r.months > 0);
const trigger = fc.constantFrom(...TRIGGERS);
/** A record's facts: declared, then maybe closed and acted on later, maybe with a date of its own. */
const facts = fc
  .tuple(instant, fc.option(fc.integer({ min: 0, max: 3650 })), fc.option(fc.integer({ min: 0, max: 3650 })), fc.option(instant))
  .map(([declared, closedAfter, actedAfter, date]) => ({
    declaredAt: declared.toISOString(),
    ...(closedAfter === null ? {} : { closedAt: new Date(declared.getTime() + closedAfter * DAY).toISOString() }),
    ...(actedAfter === null ? {} : { lastActionAt: new Date(declared.getTime() + actedAfter * DAY).toISOString() }),
    ...(date === null ? {} : { triggerDate: date.toISOString().slice(0, 10) }),
  }));
const months = (r: Retention) => r.years * 12 + r.months;

describe('due dates from schedules and triggers', () => {
  it('adds calendar months, ending on the last day of a shorter month', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2024-01-31T10:00:00Z'), 1).toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(addMonths(new Date('2026-05-15T00:00:00Z'), 7 * 12).toISOString()).toBe('2033-05-15T00:00:00.000Z');
  });

  it('counts each trigger from its own fact', () => {
    const record = {
      declaredAt: '2026-01-10T00:00:00.000Z',
      closedAt: '2027-03-01T00:00:00.000Z',
      lastActionAt: '2026-06-01T00:00:00.000Z',
      triggerDate: '2030-12-31',
    };
    const seven = { years: 7, months: 0 };
    expect(dueAt({ trigger: 'file-closed', retention: seven }, record)?.toISOString()).toBe('2034-03-01T00:00:00.000Z');
    expect(dueAt({ trigger: 'last-action', retention: seven }, record)?.toISOString()).toBe('2033-06-01T00:00:00.000Z');
    expect(dueAt({ trigger: 'date', retention: seven }, record)?.toISOString()).toBe('2037-12-31T00:00:00.000Z');
  });

  it('has no due date while an open file has not been closed, or a dated schedule has no date', () => {
    fc.assert(
      fc.property(retention, facts, (r, f) => {
        const { closedAt: _closed, triggerDate: _date, ...open } = f;
        expect(dueAt({ trigger: 'file-closed', retention: r }, open)).toBeUndefined();
        expect(dueAt({ trigger: 'date', retention: r }, open)).toBeUndefined();
        // The last action is the declaration until another is recorded.
        expect(dueAt({ trigger: 'last-action', retention: r }, { declaredAt: f.declaredAt })).toEqual(
          addMonths(new Date(f.declaredAt), months(r)),
        );
      }),
    );
  });

  it('falls due no sooner than the retention after the trigger, and within four days of the calendar count', () => {
    fc.assert(
      fc.property(trigger, retention, facts, (t, r, f) => {
        const due = dueAt({ trigger: t, retention: r }, f);
        if (!due) return;
        const from = { 'file-closed': f.closedAt, 'last-action': f.lastActionAt ?? f.declaredAt, date: `${f.triggerDate}T00:00:00.000Z` }[
          t as Trigger
        ];
        const start = new Date(from as string).getTime();
        expect(due.getTime()).toBeGreaterThan(start);
        const approx = start + months(r) * 30.436875 * DAY;
        expect(Math.abs(due.getTime() - approx)).toBeLessThan(4 * DAY);
      }),
    );
  });

  it('never falls due sooner for a longer retention or a later trigger', () => {
    fc.assert(
      fc.property(trigger, retention, retention, facts, fc.integer({ min: 0, max: 3650 }), (t, a, b, f, later) => {
        const [short, long] = months(a) <= months(b) ? [a, b] : [b, a];
        const first = dueAt({ trigger: t, retention: short }, f);
        const second = dueAt({ trigger: t, retention: long }, f);
        if (first && second) expect(second.getTime()).toBeGreaterThanOrEqual(first.getTime());
        const shift = (iso?: string) => iso && new Date(new Date(iso).getTime() + later * DAY).toISOString();
        const moved = { ...f, closedAt: shift(f.closedAt), lastActionAt: shift(f.lastActionAt ?? f.declaredAt) };
        const before = dueAt({ trigger: t, retention: short }, { ...f, lastActionAt: f.lastActionAt ?? f.declaredAt });
        const after = dueAt({ trigger: t, retention: short }, moved);
        if (before && after) expect(after.getTime()).toBeGreaterThanOrEqual(before.getTime());
      }),
    );
  });

  it('locks content until the due date once known, never earlier than the retention from declaration, a day from now, or a lock set already', () => {
    fc.assert(
      fc.property(trigger, retention, facts, instant, fc.option(instant), (t, r, f, now, current) => {
        const schedule = { trigger: t, retention: r };
        const until = retainUntil(schedule, f, now, current?.toISOString()).getTime();
        const due = dueAt(schedule, f);
        if (due) expect(until).toBeGreaterThanOrEqual(due.getTime());
        expect(until).toBeGreaterThanOrEqual(now.getTime() + MINIMUM_LOCK_DAYS * DAY);
        if (current) expect(until).toBeGreaterThanOrEqual(current.getTime());
        // It is exactly the latest of those bounds, so a lock is never longer than a rule asks.
        const bounds = [
          due ?? addMonths(new Date(f.declaredAt), months(r)),
          new Date(now.getTime() + MINIMUM_LOCK_DAYS * DAY),
          ...(current ? [current] : []),
        ];
        expect(until).toBe(Math.max(...bounds.map((d) => d.getTime())));
      }),
    );
  });
});

import { DEFAULT_SETTINGS } from '../../../../lambda/procurement/domain/settings';
import { periodShortfall, tenderingRule } from '../../../../lambda/procurement/domain/tendering-period';

const PUBLISHED = new Date('2026-03-01T01:00:00.000Z');
const daysAfter = (days: number, from = PUBLISHED) => new Date(from.getTime() + days * 24 * 3600 * 1000).toISOString();
const covered = { value: { amount: DEFAULT_SETTINGS.gpaThresholdHkd } };
const below = { value: { amount: DEFAULT_SETTINGS.gpaThresholdHkd - 1 } };

describe('the tendering rule', () => {
  it('holds a tender at or above the GPA threshold to 40 whole days from publication to closing', () => {
    const rule = tenderingRule(covered, PUBLISHED, DEFAULT_SETTINGS);
    expect([rule.covered, rule.minimumDays]).toEqual([true, 40]);
    expect(periodShortfall(rule, PUBLISHED, daysAfter(40))).toBeUndefined();
    expect(periodShortfall(rule, PUBLISHED, daysAfter(39.99))).toMatch(/run 39 whole day\(s\).*at least 40 days/);
  });

  it('allows 25 days when a notice of planned procurement was published 40 days to 12 months before', () => {
    const withNotice = (age: number) => ({ ...covered, plannedProcurementNotice: { publishedAt: daysAfter(-age) } });
    expect(tenderingRule(withNotice(40), PUBLISHED, DEFAULT_SETTINGS).minimumDays).toBe(25);
    expect(tenderingRule(withNotice(365), PUBLISHED, DEFAULT_SETTINGS).minimumDays).toBe(25);
    // Too recent or too old a notice does not count.
    expect(tenderingRule(withNotice(39), PUBLISHED, DEFAULT_SETTINGS).minimumDays).toBe(40);
    expect(tenderingRule(withNotice(366), PUBLISHED, DEFAULT_SETTINGS).minimumDays).toBe(40);
  });

  it('holds a tender below the threshold to 21 days, a notice or not', () => {
    const rule = tenderingRule({ ...below, plannedProcurementNotice: { publishedAt: daysAfter(-60) } }, PUBLISHED, DEFAULT_SETTINGS);
    expect([rule.covered, rule.plannedNotice, rule.minimumDays]).toEqual([false, false, 21]);
    expect(periodShortfall(rule, PUBLISHED, daysAfter(20))).toBeDefined();
  });

  it('takes its figures from the config', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      gpaThresholdHkd: 100,
      minimumTenderingDays: { covered: 50, coveredWithPlannedNotice: 30, belowThreshold: 10 },
    };
    expect(tenderingRule({ value: { amount: 100 } }, PUBLISHED, settings).minimumDays).toBe(50);
    expect(tenderingRule({ value: { amount: 99 } }, PUBLISHED, settings).minimumDays).toBe(10);
  });
});

import fc from 'fast-check';
import { formatAdvisoryId, parseAdvisoryId } from '../../../../lambda/cert/domain/advisory';
import { formatCaseNumber, parseCaseNumber } from '../../../../lambda/cert/domain/case-number';
import { hongKongDate, hongKongIsoDate } from '../../../../lambda/cert/domain/time';

describe('case numbers', () => {
  it('read GCERT-<year>-<six digits>', () => {
    expect(formatCaseNumber(2026, 123)).toBe('GCERT-2026-000123');
    expect(formatCaseNumber(2026, 1_234_567)).toBe('GCERT-2026-1234567');
  });

  it('round-trip and sort by sequence within a year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2999 }),
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (year, a, b) => {
          expect(parseCaseNumber(formatCaseNumber(year, a))).toEqual({ year, sequence: a });
          expect(formatCaseNumber(year, a) < formatCaseNumber(year, b)).toBe(a < b);
        },
      ),
    );
  });

  it('refuse sequences below one', () => {
    expect(() => formatCaseNumber(2026, 0)).toThrow(/positive/);
  });
});

describe('advisory ids', () => {
  it('read as GovCERT.HK writes them', () => {
    expect(formatAdvisoryId(2026, 5, 30)).toBe('A26-05-30');
    expect(formatAdvisoryId(2026, 12, 3)).toBe('A26-12-03');
    expect(formatAdvisoryId(2026, 1, 104)).toBe('A26-01-104');
  });

  it('round-trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 999 }),
        (year, month, sequence) => {
          expect(parseAdvisoryId(formatAdvisoryId(year, month, sequence))).toEqual({ yy: year % 100, month, sequence });
        },
      ),
    );
  });

  it('refuse impossible months', () => {
    expect(() => formatAdvisoryId(2026, 13, 1)).toThrow(/month/);
    expect(parseAdvisoryId('A26-13-01')).toBeUndefined();
  });
});

describe('Hong Kong calendar', () => {
  it('counts a new year from midnight in Hong Kong, not UTC', () => {
    expect(hongKongDate(new Date('2025-12-31T16:30:00Z'))).toEqual({ year: 2026, month: 1, day: 1 });
    expect(hongKongIsoDate(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
  });
});

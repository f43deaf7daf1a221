import * as fc from 'fast-check';
import { checkDigit, parseCardNumber } from '../../../lambda/identity/domain/identity-card';

describe('identity card numbers', () => {
  it('have the check digit of the published example', () => {
    expect(checkDigit('A', '123456')).toBe('3');
    expect(parseCardNumber('A123456(3)')).toEqual({ card: { canonical: 'A1234563' } });
  });

  it('are read as people write them', () => {
    for (const text of ['A1234563', ' a123456(3) ', 'A123456(3'])
      expect(parseCardNumber(text)).toEqual({ card: { canonical: 'A1234563' } });
  });

  it('refuse a wrong check digit and a wrong shape, saying which', () => {
    expect(parseCardNumber('A123456(4)')).toEqual({ problem: 'check-digit' });
    for (const text of ['123456(3)', 'ABC123456(3)', 'A12345(3)', 'A123456(B)', ''])
      expect(parseCardNumber(text)).toEqual({ problem: 'format' });
  });

  it('make the weighted sum a multiple of 11 for every prefix and digits', () => {
    const value = (c: string) => (c === ' ' ? 36 : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : c === 'A' ? 10 : Number(c));
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,2}$/), fc.stringMatching(/^[0-9]{6}$/), (prefix, digits) => {
        const check = checkDigit(prefix, digits);
        const chars = [...(prefix.length === 1 ? ` ${prefix}` : prefix), ...digits];
        const sum = chars.reduce((s, c, i) => s + value(c) * (9 - i), 0) + (check === 'A' ? 10 : Number(check));
        expect(sum % 11).toBe(0);
        expect(parseCardNumber(`${prefix}${digits}(${check})`)).toEqual({ card: { canonical: `${prefix}${digits}${check}` } });
      }),
    );
  });

  it('refuse every other check digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,2}$/), fc.stringMatching(/^[0-9]{6}$/), fc.constantFrom(...'0123456789A'), (p, d, c) => {
        fc.pre(c !== checkDigit(p, d));
        expect(parseCardNumber(`${p}${d}(${c})`)).toEqual({ problem: 'check-digit' });
      }),
    );
  });
});

import fc from 'fast-check';
import { hkidCheckDigit, isValidHkid } from '../../../../lambda/ehr/domain/hkid';

describe('isValidHkid', () => {
  it.each(['A123456(3)', 'A1234563', 'G123456(A)', 'AB987654(3)'])('accepts %s, whose check digit is right', (hkid) => {
    expect(isValidHkid(hkid)).toBe(true);
  });

  it.each(['A123456(4)', 'A12345', '1234567', 'ABC123456(1)', ''])('refuses %s', (hkid) => {
    expect(isValidHkid(hkid)).toBe(false);
  });

  it('accepts exactly one check digit for each prefix', () => {
    const prefix = fc.tuple(fc.stringMatching(/^[A-Z]{1,2}$/), fc.stringMatching(/^[0-9]{6}$/)).map(([l, d]) => l + d);
    fc.assert(
      fc.property(prefix, (p) => {
        const valid = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A'].filter((c) => isValidHkid(p + c));
        expect(valid).toEqual([hkidCheckDigit(p)]);
      }),
    );
  });
});

import fc from 'fast-check';
import { isValidName, NAME_MESSAGES, nameProblem, slugify } from '../../../../lambda/open-data/domain/names';

describe('CKAN name rules', () => {
  it.each([
    ['ab', undefined],
    ['hk-td-tis_2-traffic-snapshot-images', undefined],
    ['a', NAME_MESSAGES.tooShort],
    ['x'.repeat(101), NAME_MESSAGES.tooLong],
    ['Traffic', NAME_MESSAGES.charset],
    ['traffic data', NAME_MESSAGES.charset],
    ['交通', NAME_MESSAGES.charset],
    ['new', NAME_MESSAGES.reserved],
    [42, NAME_MESSAGES.notString],
  ])('%j → %s', (name, problem) => {
    expect(nameProblem(name)).toBe(problem);
  });

  it("uses CKAN's wording for the character rule", () => {
    expect(NAME_MESSAGES.charset).toBe('Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_');
  });

  it('accepts exactly the strings of 2–100 lowercase ASCII letters, digits, - and _ (reserved words aside)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (value) => {
        const expected = /^[a-z0-9_-]{2,100}$/.test(value) && !['new', 'edit', 'search'].includes(value);
        expect(isValidName(value)).toBe(expected);
      }),
    );
  });

  it('slugify always yields a valid name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        fc.pre(!['new', 'edit', 'search'].includes(slugify(text)));
        expect(nameProblem(slugify(text))).toBeUndefined();
      }),
    );
  });
});

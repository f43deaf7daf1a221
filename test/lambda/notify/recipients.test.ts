import fc from 'fast-check';
import { normaliseEmailAddress, PHONE_NUMBER_PATTERN, parsePhoneNumber } from '../../../lambda/notify/domain/recipients';
import { smsFragments } from '../../../lambda/notify/domain/sms-length';

describe('recipients', () => {
  it.each([
    ['Chan.Tai-Man@DPO.gov.hk ', 'chan.tai-man@dpo.gov.hk'],
    ["o'brien+renewals@example.co.uk", "o'brien+renewals@example.co.uk"],
  ])('accepts and lower-cases %p', (raw, normal) => {
    expect(normaliseEmailAddress(raw)).toBe(normal);
  });

  it.each(['plainaddress', '@no-local.gov.hk', 'two@@ats.gov.hk', 'dot..dot@gov.hk', 'user@-bad.gov.hk', 'user@nodot', 'user@gov.hk.'])(
    'refuses %p',
    (raw) => {
      expect(() => normaliseEmailAddress(raw)).toThrow('is not a valid email address');
    },
  );

  it.each([
    ['9123 4567', '+85291234567', false],
    ['+852 6123-4567', '+85261234567', false],
    ['00852 51234567', '+85251234567', false],
    ['+44 7700 900123', '+447700900123', true],
  ])('reads %p as %p', (raw, e164, international) => {
    expect(parsePhoneNumber(raw)).toEqual({ e164, international });
  });

  it.each([
    ['9123 456a', 'Must not contain letters or symbols'],
    ['912345678', 'Too many digits'],
    ['9123456', 'Not enough digits'],
    ['2123 4567', 'Not a Hong Kong mobile number'],
    ['+0123456789', 'Not a valid country prefix'],
    ['+1234567890123456', 'Too many digits'],
  ])('refuses %p: %s', (raw, message) => {
    expect(() => parsePhoneNumber(raw)).toThrow(message);
  });

  /** Whether the service sends to `raw`: parsePhoneNumber reads it. */
  const reads = (raw: string) => {
    try {
      parsePhoneNumber(raw);
      return true;
    } catch {
      return false;
    }
  };

  it('declares in one pattern exactly the phone numbers it reads, for the schema and the OpenAPI document', () => {
    const accepted = [
      '9123 4567',
      '(+852) 9123-4567',
      '+852\u00a09123\u20134567',
      '0085251234567',
      '+44 7700 900123',
      '+8512345678',
      '00 1 212 555 0100',
    ];
    const refused = ['', '+', '9123456', '912345678', '2123 4567', '+85212345678', '+0123456789', '+1234567890123456', '9123\u200b4567'];
    // Digits of other scripts and white space JavaScript's \s does not know (but Python's does) are refused alike.
    refused.push('\u0669123 4567', '9123\u001c4567', '9123\u00854567');
    for (const raw of accepted) expect([raw, PHONE_NUMBER_PATTERN.test(raw), reads(raw)]).toEqual([raw, true, true]);
    for (const raw of refused) expect([raw, PHONE_NUMBER_PATTERN.test(raw), reads(raw)]).toEqual([raw, false, false]);
    const piece = fc.constantFrom(
      ...'0123456789',
      '852',
      '+',
      '00',
      ' ',
      '-',
      '(',
      ')',
      '.',
      '/',
      '\t',
      '\u00a0',
      '\u2014',
      '\ufeff',
      'a',
      '#',
      '\u001c',
      '\u200b',
      '\u0660',
    );
    const number = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
    // Numbers that read well are rare among arbitrary strings: build some on purpose too.
    const wellFormed = fc
      .tuple(
        fc.constantFrom('', '+852', '00852', '+', '00', '+44', '+1'),
        fc.stringMatching(/^[0-9]{6,16}$/),
        fc.constantFrom('', ' ', '-'),
      )
      .map(([prefix, digits, gap]) => `${prefix}${gap}${digits.slice(0, 4)}${gap}${digits.slice(4)}`);
    fc.assert(
      fc.property(fc.oneof(number, wellFormed), (raw) => PHONE_NUMBER_PATTERN.test(raw) === reads(raw)),
      { numRuns: 5000 },
    );
  });

  it('counts text message parts for the GSM alphabet and for Chinese', () => {
    expect(smsFragments('a'.repeat(160))).toBe(1);
    expect(smsFragments('a'.repeat(161))).toBe(2);
    expect(smsFragments('€'.repeat(80))).toBe(1);
    expect(smsFragments('€'.repeat(81))).toBe(2);
    expect(smsFragments('你'.repeat(70))).toBe(1);
    expect(smsFragments('你'.repeat(71))).toBe(2);
  });
});

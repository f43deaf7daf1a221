import { normaliseEmailAddress, parsePhoneNumber } from '../../../lambda/notify/domain/recipients';
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

  it('counts text message parts for the GSM alphabet and for Chinese', () => {
    expect(smsFragments('a'.repeat(160))).toBe(1);
    expect(smsFragments('a'.repeat(161))).toBe(2);
    expect(smsFragments('€'.repeat(80))).toBe(1);
    expect(smsFragments('€'.repeat(81))).toBe(2);
    expect(smsFragments('你'.repeat(70))).toBe(1);
    expect(smsFragments('你'.repeat(71))).toBe(2);
  });
});

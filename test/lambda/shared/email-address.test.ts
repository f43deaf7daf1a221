import { emailAddress } from '../../../lambda/shared/email-address';

describe('e-mail addresses', () => {
  it('accept an ordinary address', () => {
    expect(emailAddress.safeParse('citizen@example.gov.hk').success).toBe(true);
  });

  it("refuse what JSON Schema's email format refuses: a local part over 64, a label over 63, over 254 in all", () => {
    expect(emailAddress.safeParse(`${'a'.repeat(65)}@example.hk`).success).toBe(false);
    expect(emailAddress.safeParse(`${'a'.repeat(64)}@example.hk`).success).toBe(true);
    expect(emailAddress.safeParse(`a@${'b'.repeat(64)}.hk`).success).toBe(false);
    expect(emailAddress.safeParse(`a@${Array(5).fill('c'.repeat(60)).join('.')}.hk`).success).toBe(false);
  });
});

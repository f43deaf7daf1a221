import { createTenderSchema, registerSupplierSchema, submitBidSchema } from '../../../../lambda/procurement/domain/schemas';

const tender = {
  title: { en: 'Laptops', zh: '手提電腦' },
  description: { en: 'Laptops', zh: '手提電腦' },
  items: [{ id: '1', description: 'Laptop', classification: { scheme: 'CPV', id: '30213100-6' }, quantity: 5 }],
  value: { amount: 100_000, currency: 'HKD' },
  procurementMethod: 'open',
  submissionMethod: ['electronicSubmission'],
  tenderPeriod: { endDate: '2026-06-01T12:00:00+08:00' },
};

describe('procurement request schemas', () => {
  it('accepts a complete tender and refuses unknown fields and other currencies', () => {
    expect(createTenderSchema.safeParse(tender).success).toBe(true);
    expect(createTenderSchema.safeParse({ ...tender, extra: 1 }).success).toBe(false);
    expect(createTenderSchema.safeParse({ ...tender, value: { amount: 1, currency: 'USD' } }).success).toBe(false);
  });

  it('refuses amounts and quantities DynamoDB could not store (magnitudes below 1e-130) as it refuses zero', () => {
    for (const tiny of [5e-324, 1e-200, 0]) {
      expect(createTenderSchema.safeParse({ ...tender, value: { amount: tiny, currency: 'HKD' } }).success).toBe(false);
      expect(createTenderSchema.safeParse({ ...tender, items: [{ ...tender.items[0], quantity: tiny }] }).success).toBe(false);
      expect(submitBidSchema.safeParse({ price: { amount: tiny, currency: 'HKD' }, proposal: 'x' }).success).toBe(false);
    }
  });

  it('takes a business registration number as its eight digits or the full certificate number', () => {
    const supplier = (brn: string) => ({
      businessRegistrationNumber: brn,
      name: { en: 'A' },
      contact: { name: 'A', email: 'a@example.hk', telephone: '+852 2000 0000' },
      categories: [{ scheme: 'CPV', id: '30213100-6' }],
    });
    expect(registerSupplierSchema.safeParse(supplier('12345678')).success).toBe(true);
    expect(registerSupplierSchema.safeParse(supplier('12345678-000-06-25-A')).success).toBe(true);
    for (const bad of ['1234567', '123456789', 'ABCDEFGH', '12345678-000'])
      expect(registerSupplierSchema.safeParse(supplier(bad)).success).toBe(false);
  });
});

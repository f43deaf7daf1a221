import { randomBytes } from 'node:crypto';
import { bidContext, canonicalBytes, seal, unseal } from '../../../../lambda/procurement/domain/sealed-bid';
import { sha256Hex } from '../../../../lambda/shared/sealed-secret';

describe('sealed bids', () => {
  const context = bidContext('T-2026-AB12CD34', 'S-AB12CD34EF');
  const dataKey = () => {
    const plaintext = randomBytes(32);
    return { key: Buffer.from(plaintext), pair: { plaintext, encrypted: Buffer.from('wrapped') } };
  };

  it('hashes a bid by its canonical JSON, whatever the order of its keys', () => {
    const a = canonicalBytes({ proposal: 'x', price: { currency: 'HKD', amount: 10 } });
    const b = canonicalBytes({ price: { amount: 10, currency: 'HKD' }, proposal: 'x' });
    expect(a.toString()).toBe('{"price":{"amount":10,"currency":"HKD"},"proposal":"x"}');
    expect(sha256Hex(a)).toBe(sha256Hex(b));
  });

  it('seals with AES-256-GCM, overwrites the plaintext data key, and opens only with the same key and context', () => {
    const { key, pair } = dataKey();
    const bytes = canonicalBytes({ price: { amount: 10, currency: 'HKD' }, proposal: 'x' });
    const sealed = seal(bytes, pair, context);
    expect(pair.plaintext.every((b) => b === 0)).toBe(true);
    expect(Buffer.from(sealed.ciphertext, 'base64').includes(Buffer.from('proposal'))).toBe(false);
    expect(unseal(sealed, Buffer.from(key), context).equals(bytes)).toBe(true);
    expect(() => unseal(sealed, Buffer.from(key), bidContext('T-2026-AB12CD34', 'S-OTHER00000'))).toThrow();
    const tampered = { ...sealed, ciphertext: Buffer.from('x'.repeat(bytes.length)).toString('base64') };
    expect(() => unseal(tampered, Buffer.from(key), context)).toThrow();
  });
});

import { randomBytes } from 'node:crypto';
import * as fc from 'fast-check';
import { allowRequest, requestHeader } from '../../../lambda/shared/lambda-authorizer';
import { aesGcmSecretBox, hmacSha256Hex, sameHex, sha256Hex } from '../../../lambda/shared/sealed-secret';
import { decodeSecretBoxKey, loadSecretBoxKey } from '../../../lambda/shared/secret-box-key';

describe('sealed secrets', () => {
  const box = aesGcmSecretBox(randomBytes(32));

  it('opens what it sealed, for any text, and never shows the text in the sealed form', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), (text) => {
        const sealed = box.seal(text);
        expect(box.open(sealed)).toBe(text);
        expect(sealed).not.toContain(text);
      }),
    );
  });

  it('refuses a tampered secret, one sealed under another key, and a key of the wrong size', () => {
    const sealed = box.seal('callback-token');
    const [version, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => aesGcmSecretBox(randomBytes(32)).open(sealed)).toThrow();
    expect(() => box.open('plain text')).toThrow(/Not a sealed secret/);
    expect(() => aesGcmSecretBox(randomBytes(16))).toThrow(/32 bytes, got 16/);
  });

  it('hashes and signs with SHA-256, and compares digests only when they are digests', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // RFC 4231 test case 2.
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(sameHex('ABCD', 'abcd')).toBe(true);
    expect(sameHex('abcd', 'abce')).toBe(false);
    expect(sameHex('', '')).toBe(false);
    expect(sameHex('zz', 'zz')).toBe(false);
  });
});

describe('secret box key', () => {
  const source = { keyEnv: 'X_KEY', secretArnEnv: 'X_KEY_SECRET_ARN' };

  it('decodes the 43 base64url characters Secrets Manager generates to 32 bytes, and base64 too', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const generated = Buffer.from(bytes).toString('base64url');
        expect(generated).toHaveLength(43);
        expect(Buffer.from(decodeSecretBoxKey(generated))).toEqual(Buffer.from(bytes));
        expect(Buffer.from(decodeSecretBoxKey(Buffer.from(bytes).toString('base64')))).toEqual(Buffer.from(bytes));
      }),
    );
    expect(() => decodeSecretBoxKey('c2hvcnQ=')).toThrow(/32 bytes, got 5/);
  });

  it('reads the secret the stack names, else the key local mode sets, else says what is missing', async () => {
    const key = randomBytes(32);
    const read: string[] = [];
    const reader = async (arn: string) => {
      read.push(arn);
      return key.toString('base64url');
    };
    const fromSecret = await loadSecretBoxKey(
      source,
      { X_KEY_SECRET_ARN: 'arn:secret', X_KEY: randomBytes(32).toString('base64') },
      reader,
    );
    expect(Buffer.from(fromSecret)).toEqual(key);
    expect(read).toEqual(['arn:secret']);
    expect(Buffer.from(await loadSecretBoxKey(source, { X_KEY: key.toString('base64') }, reader))).toEqual(key);
    expect(read).toHaveLength(1);
    await expect(loadSecretBoxKey(source, {}, reader)).rejects.toThrow(/Neither X_KEY_SECRET_ARN nor X_KEY is set/);
  });
});

describe('Lambda authorizer answers', () => {
  it('allow the one method, and carry the scheme and principal into the context', () => {
    const result = allowRequest({ methodArn: 'arn:aws:execute-api:r:1:api/v1/GET/x' }, 'demo', 'p-1', { accountId: 'a-1' });
    expect(result).toEqual({
      principalId: 'p-1',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: 'arn:aws:execute-api:r:1:api/v1/GET/x' }],
      },
      context: { accountId: 'a-1', scheme: 'demo', principalId: 'p-1' },
    });
  });

  it('find a header in any case', () => {
    expect(requestHeader({ headers: { Authorization: 'Bearer x' } }, 'authorization')).toBe('Bearer x');
    expect(requestHeader({ headers: null }, 'authorization')).toBeUndefined();
  });
});

import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../../../../lambda/cert/domain/paging';
import { requestFingerprint } from '../../../../lambda/shared/request-fingerprint';

describe('cursors', () => {
  it('round-trip any position', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.string({ minLength: 1, maxLength: 80 }), (sort, id) => {
        expect(decodeCursor(encodeCursor({ sort, id }))).toEqual({ sort, id });
      }),
    );
  });

  it('reject anything they did not make', () => {
    expect(decodeCursor('not-a-cursor')).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"s":"x"}').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"s":"x","i":"y","department":"TD"}').toString('base64url'))).toBeUndefined();
  });
});

describe('request fingerprints', () => {
  it('ignore key order and absent fields, and tell different requests apart', () => {
    expect(requestFingerprint({ a: 1, b: [1, 2], c: undefined })).toBe(requestFingerprint({ b: [1, 2], a: 1 }));
    expect(requestFingerprint({ a: 1, b: [1, 2] })).not.toBe(requestFingerprint({ a: 1, b: [2, 1] }));
    expect(requestFingerprint({ title: 'x' })).not.toBe(requestFingerprint({ title: 'y' }));
  });
});

import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../../../lambda/shared/paging';
import { matchPath } from '../../../lambda/shared/route';

describe('cursors', () => {
  it('round-trip any key', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(fc.string(), fc.integer())), (key) => {
        expect(decodeCursor(encodeCursor(key))).toEqual(key);
      }),
    );
  });

  it.each(['%%%', 'bm90IGpzb24', Buffer.from('[1,2]').toString('base64url'), Buffer.from('"s"').toString('base64url')])(
    'refuse the malformed cursor %s with a 400',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(
        expect.objectContaining({ status: 400, message: expect.stringMatching(/cursor is not valid/) }),
      );
    },
  );
});

describe('matchPath', () => {
  it('extracts and decodes parameters', () => {
    expect(matchPath('/open-data/api/3/action/{name}', '/open-data/api/3/action/package_show')).toEqual({ name: 'package_show' });
    expect(matchPath('/cert/incidents/{id}', '/cert/incidents/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/cert/incidents/{id}', '/cert/incidents/a/b')).toBeUndefined();
    expect(matchPath('/cert/incidents', '/cert/incidentsX')).toBeUndefined();
    expect(matchPath('/cert/incidents/{id}', '/cert/incidents/%E0%A4%A')).toBeUndefined();
  });

  it('treats regex characters in templates literally', () => {
    expect(matchPath('/open-data/catalog.jsonld', '/open-data/catalogXjsonld')).toBeUndefined();
    expect(matchPath('/open-data/catalog.jsonld', '/open-data/catalog.jsonld')).toEqual({});
  });
});

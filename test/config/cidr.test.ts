import fc from 'fast-check';
import { blockSize, cidrProblem, contains, formatCidr, overlaps, parseCidr, subBlock } from '../../lib/config/cidr';

describe('parseCidr', () => {
  it('parses a network address and prefix', () => {
    expect(parseCidr('10.64.0.0/12')).toEqual({ network: 10 * 2 ** 24 + 64 * 2 ** 16, prefix: 12 });
  });

  it.each([
    ['10.64.0.0', 'is not an IPv4 CIDR block'],
    ['10.256.0.0/16', 'octet above 255'],
    ['10.64.0.0/33', 'prefix length above 32'],
    ['10.64.0.1/16', 'host bits set'],
  ])('rejects %s because it %s', (text, why) => {
    expect(parseCidr(text)).toBeUndefined();
    expect(cidrProblem(text)).toContain(why);
  });

  it('round-trips every valid block through formatCidr', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        const network = address - (address % blockSize(prefix));
        const text = formatCidr({ network, prefix });
        expect(parseCidr(text)).toEqual({ network, prefix });
      }),
    );
  });
});

describe('contains and overlaps', () => {
  const block = (t: string) => parseCidr(t) ?? fail(`bad test CIDR ${t}`);

  it('knows a /20 inside a /12 and not outside it', () => {
    expect(contains(block('10.64.0.0/12'), block('10.65.16.0/20'))).toBe(true);
    expect(contains(block('10.64.0.0/12'), block('10.80.0.0/20'))).toBe(false);
    expect(contains(block('10.65.16.0/20'), block('10.64.0.0/12'))).toBe(false);
  });

  it('finds overlaps in both directions and none between neighbours', () => {
    expect(overlaps(block('10.0.0.0/8'), block('10.64.0.0/12'))).toBe(true);
    expect(overlaps(block('10.64.0.0/12'), block('10.0.0.0/8'))).toBe(true);
    expect(overlaps(block('10.65.0.0/20'), block('10.65.16.0/20'))).toBe(false);
  });

  it('sub-blocks are inside their parent and never overlap each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 24 }), fc.integer({ min: 1, max: 6 }), fc.nat(), fc.nat(), (prefix, extra, i, j) => {
        const parent = { network: 10 * 2 ** 24, prefix };
        const count = 2 ** extra;
        const a = subBlock(parent, prefix + extra, i % count);
        const b = subBlock(parent, prefix + extra, j % count);
        expect(contains(parent, a)).toBe(true);
        expect(overlaps(a, b)).toBe(i % count === j % count);
      }),
    );
  });

  it('refuses an index outside the parent', () => {
    expect(() => subBlock(block('10.64.0.0/12'), 20, 256)).toThrow(/outside the 256 \/20 blocks/);
  });
});

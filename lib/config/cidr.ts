/** An IPv4 block: its first address as an unsigned 32-bit number and its prefix length. */
export interface Ipv4Block {
  readonly network: number;
  readonly prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; undefined when malformed or when host bits are set. */
export function parseCidr(text: string): Ipv4Block | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const network = address - (address % blockSize(prefix));
  if (network !== address) return undefined;
  return { network, prefix };
}

/** Explains why `text` is not a usable CIDR block, or undefined when it is one. */
export function cidrProblem(text: string): string | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return 'is not an IPv4 CIDR block like 10.64.0.0/16';
  if (match.slice(1, 5).some((o) => Number(o) > 255)) return 'has an octet above 255';
  if (Number(match[5]) > 32) return 'has a prefix length above 32';
  if (!parseCidr(text)) return 'has host bits set: the address must be the first of its block';
  return undefined;
}

export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function contains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return (
    inner.prefix >= outer.prefix &&
    inner.network >= outer.network &&
    inner.network + blockSize(inner.prefix) <= outer.network + blockSize(outer.prefix)
  );
}

export function overlaps(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.network < b.network + blockSize(b.prefix) && b.network < a.network + blockSize(a.prefix);
}

export function formatCidr(block: Ipv4Block): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(block.network / 2 ** shift) % 256);
  return `${octets.join('.')}/${block.prefix}`;
}

/** The `index`-th sub-block of length `prefix` inside `parent`. */
export function subBlock(parent: Ipv4Block, prefix: number, index: number): Ipv4Block {
  if (prefix < parent.prefix) throw new RangeError(`/${prefix} is larger than the parent /${parent.prefix}`);
  const count = 2 ** (prefix - parent.prefix);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`index ${index} is outside the ${count} /${prefix} blocks of ${formatCidr(parent)}`);
  }
  return { network: parent.network + index * blockSize(prefix), prefix };
}

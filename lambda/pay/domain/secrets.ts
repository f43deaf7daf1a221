import { randomBytes } from 'node:crypto';

const BASE32 = '0123456789abcdefghijklmnopqrstuv';

/** Random lower-case base32 text, the alphabet of Pay's ids (like `hu20sqlact5260q2nanm0q8u93`), keys and signing secrets. */
export function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += BASE32[byte & 31];
  return out;
}

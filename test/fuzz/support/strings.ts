import * as fc from 'fast-check';

/**
 * Characters that break careless text handling: lone surrogates (not encodable as UTF-8), NUL
 * and other controls, right-to-left overrides and marks, the BOM, a combining accent, emoji
 * (a surrogate pair), CJK, and characters that mean something in paths, queries and JSON.
 */
const AWKWARD = [
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u202E',
  '\u202B',
  '\u200F',
  '\u061C',
  '\uFEFF',
  '\u0301',
  '\u00A0',
  '\u2028',
  '😀',
  '香港',
  '/',
  '\\',
  '%',
  '?',
  '#',
  '&',
  '=',
  '+',
  '"',
  "'",
  '<',
  '>',
  '.',
  ' ',
] as const;

const awkwardChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

/** Names of Object.prototype's members, which a careless `obj[key]` reads instead of a missing field. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;

/** A field name: awkward characters, or the name of a member of Object.prototype. */
export const awkwardKey = (maxLength = 12) =>
  fc.oneof({ weight: 3, arbitrary: awkwardString(maxLength) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) });

/** A short string of awkward characters, never empty. */
export const awkwardString = (maxLength = 24) => fc.string({ unit: awkwardChar, minLength: 1, maxLength });

/** A string of plain ASCII letters and digits. */
export const plainString = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength, maxLength });

/** A string longer than `max` characters (by up to `spare`), awkward at its end. */
export const longerThan = (max: number, spare = 64) =>
  fc.tuple(fc.integer({ min: max + 1, max: max + spare }), awkwardString(4)).map(([length, tail]) => 'x'.repeat(length) + tail);

/** A header value: printable ASCII only, which is all HTTP lets through unmangled. */
export const headerValue = (maxLength = 200) => fc.string({ unit: 'grapheme-ascii', maxLength }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));

/**
 * Percent-encodes a path segment as WTF-8: a lone surrogate becomes the three bytes it would
 * take (`%ED%A0%80`), which no UTF-8 decoder accepts, so the segment reaches the server
 * exactly as malformed as it is.
 */
export function encodeSegment(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const unit = segment.charCodeAt(i);
    const next = segment.charCodeAt(i + 1);
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    const char = String.fromCodePoint(codePoint);
    if (/^[A-Za-z0-9\-_~]$/.test(char)) out += char;
    else for (const byte of wtf8(codePoint)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function wtf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

/** The segment as the server reads it back, or undefined when its encoding is malformed. */
export function decodeSegment(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** Adds a field as an own property (as JSON.parse does, `__proto__` included); a repeated one becomes a list. */
export function addOwn(out: Record<string, string | string[]>, key: string, value: string): void {
  const seen = Object.hasOwn(out, key) ? out[key] : undefined;
  const next = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
}

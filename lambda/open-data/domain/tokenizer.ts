/**
 * Tokenising for a trilingual catalogue. English is split into words, lowercased, stripped of
 * stop words and lightly stemmed (plurals only). Chinese has no spaces, so runs of CJK characters
 * are indexed as single characters and overlapping pairs (bigrams): a query word of two or more
 * characters must match all its bigrams, a one-character query matches the character.
 */

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const HAS_CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const ALL_CJK = new RegExp(`^[${CJK_CLASS}]+$`, 'u');
const CJK_OR_NOT = new RegExp(`([${CJK_CLASS}]+)|([^${CJK_CLASS}]+)`, 'gu');
const RUNS = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII = /^[\x20-\x7e]*$/;

export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

export interface Segment {
  readonly kind: 'word' | 'cjk';
  readonly text: string;
}

/** Full-width forms folded (NFKC) and lowercased. */
export function normalise(text: string): string {
  return (ASCII.test(text) ? text : text.normalize('NFKC')).toLowerCase();
}

/** Splits text into runs of CJK characters and runs of other letters and digits. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const [run] of normalise(text).matchAll(RUNS)) {
    if (!HAS_CJK.test(run)) out.push({ kind: 'word', text: run });
    else if (ALL_CJK.test(run)) out.push({ kind: 'cjk', text: run });
    else
      for (const match of run.matchAll(CJK_OR_NOT)) out.push(match[1] ? { kind: 'cjk', text: match[1] } : { kind: 'word', text: match[2] });
  }
  return out;
}

/** Plural endings only: `datasets` → `dataset`, `cities` → `city`; `status` and `analysis` stay. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function wordToken(word: string): string | undefined {
  if (STOP_WORDS.has(word)) return undefined;
  return stem(word);
}

function bigrams(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Every token a text is found by: words, and CJK characters and bigrams. */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  forEachIndexToken(text, (token) => tokens.push(token));
  return tokens;
}

/** indexTokens() without the array, for building the index. */
export function forEachIndexToken(text: string, visit: (token: string) => void): void {
  for (const segment of segments(text)) {
    if (segment.kind === 'word') {
      const token = wordToken(segment.text);
      if (token) visit(token);
    } else {
      const chars = [...segment.text];
      for (const char of chars) visit(char);
      for (let i = 0; i + 1 < chars.length; i++) visit(chars[i] + chars[i + 1]);
    }
  }
}

/**
 * The clauses of a search text: each clause is the tokens one query word needs. An English word
 * is one token; a CJK run of two or more characters needs all its bigrams.
 */
export function queryClauses(text: string): string[][] {
  const clauses: string[][] = [];
  for (const segment of segments(text)) {
    if (segment.kind === 'word') {
      const token = wordToken(segment.text);
      if (token) clauses.push([token]);
    } else {
      const chars = [...segment.text];
      clauses.push(chars.length === 1 ? chars : [...new Set(bigrams(chars))]);
    }
  }
  return clauses;
}

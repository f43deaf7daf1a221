import * as fc from 'fast-check';
import { isClosed, type JsonSchema, plausibleValue } from './schema-values';
import { addOwn, awkwardKey, awkwardString, longerThan } from './strings';

/** A query string's parameters: a value, or a list when the key is repeated. */
export type Query = Readonly<Record<string, string | readonly string[]>>;

const asText = (value: unknown): string | string[] =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** Parameters of roughly the schema's shape, as text, the way a query string carries them. */
export function plausibleQuery(s: JsonSchema): fc.Arbitrary<Record<string, string | string[]>> {
  return (plausibleValue({ ...s, type: 'object' }) as fc.Arbitrary<Record<string, unknown>>).map((q) =>
    Object.fromEntries(Object.entries(q).map(([k, v]) => [k, asText(v)])),
  );
}

/** Text a query parameter most likely refuses: not a number, out of range, too long, awkward, repeated. */
function unlikelyText(s: JsonSchema): fc.Arbitrary<string | string[]> {
  const arbs: fc.Arbitrary<string | string[]>[] = [
    awkwardString(),
    fc.constantFrom('', ' ', 'abc', '-1', '0', '1.5', '1e400', '0x10', 'NaN', 'null', 'true', '[]', '{}'),
    fc.tuple(awkwardString(8), awkwardString(8)).map(([a, b]) => [a, b]),
  ];
  if (s.maxLength !== undefined && s.maxLength < 2000) arbs.push(longerThan(s.maxLength));
  if (s.maximum !== undefined && s.maximum < 2 ** 53) arbs.push(fc.constant(String(s.maximum + 1)));
  if (s.minimum !== undefined && s.minimum > -(2 ** 53)) arbs.push(fc.constant(String(s.minimum - 1)));
  return fc.oneof(...arbs);
}

/** Query parameters with one to three things wrong: unknown keys, wrong values, required ones dropped. */
export function brokenQuery(s: JsonSchema): fc.Arbitrary<Record<string, string | string[]>> {
  const properties = s.properties ?? {};
  const keys = Object.keys(properties);
  const required = (s.required ?? []).filter((k) => k in properties);
  type Mutation = (q: Record<string, string | string[]>) => fc.Arbitrary<Record<string, string | string[]>>;
  const mutations: Mutation[] = [];
  if (isClosed(s) || keys.length === 0) {
    mutations.push((q) =>
      fc
        .tuple(awkwardKey(), fc.oneof(awkwardString(), fc.constant('')))
        .filter(([key]) => !keys.includes(key))
        .map(([key, value]) => {
          const out = { ...q };
          addOwn(out, key, value);
          return out;
        }),
    );
  }
  if (keys.length > 0) {
    mutations.push((q) => fc.constantFrom(...keys).chain((key) => unlikelyText(properties[key]).map((value) => ({ ...q, [key]: value }))));
  }
  if (required.length > 0) {
    mutations.push((q) =>
      fc.constantFrom(...required).map((key) => {
        const { [key]: _dropped, ...rest } = q;
        return rest;
      }),
    );
  }
  const once = (q: Record<string, string | string[]>) => fc.oneof(...mutations.map((m) => m(q)));
  return plausibleQuery(s).chain((q) =>
    fc.integer({ min: 1, max: 3 }).chain((times) => {
      let arb = fc.constant(q);
      for (let i = 0; i < times; i++) arb = arb.chain(once);
      return arb;
    }),
  );
}

/** Query strings that are malformed as such: bad percent escapes, empty keys, stray separators. */
export const malformedQueryString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%', '%E0%A4%A', '%ED%A0%80=1', 'a=%FF', '=value', '&&&', 'a&a&a', '%00=%00', 'a=b=c', '+=+'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }).map((s) => s.replace(/[^\x21-\x7e]/g, '%').replace(/#/g, '%23')),
);

/** Encodes parameters as a query string (after `?`), keys repeated for lists. */
export function encodeQuery(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    for (const item of typeof value === 'string' ? [value] : value) params.append(key, item);
  return params.toString();
}

/** The query as the runtime reads it: WHATWG parsing, a repeated key as a list. */
export function readQuery(queryString: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(`http://localhost/?${queryString}`).searchParams) addOwn(out, key, value);
  return out;
}

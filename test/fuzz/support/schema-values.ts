import * as fc from 'fast-check';
import * as z from 'zod';
import { awkwardKey, awkwardString, longerThan, plainString } from './strings';

/** The parts of JSON Schema that zod's `toJSONSchema` writes for request schemas. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  /** Common shapes of text the field's refinements accept (added here, not JSON Schema). */
  readonly 'x-shapes'?: readonly string[];
}

/**
 * A zod schema as JSON Schema, read as its input (before coercion and transforms). A plain
 * string field is marked with the common shapes its refinements accept (`x-shapes`), found by
 * asking the field's own schema, so generated values get past a refinement JSON Schema cannot
 * express (an ISO date-time, a date written YYYYMMDD).
 */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return withShapes(js, schema);
}

const SHAPE_SAMPLES: Readonly<Record<string, string>> = {
  isoDateTime: '2026-05-30T01:02:03.000Z',
  isoDateTimeOffset: '2026-05-30T09:02:03+08:00',
  isoDate: '2026-05-30',
  compactDate: '20260530',
  uuid: 'c0ffee00-1234-4abc-8def-0123456789ab',
  integer: '42',
  url: 'https://www.example.gov.hk/data/file.csv',
  email: 'someone@example.gov.hk',
};

/** The object schema inside optional, nullable, default and pipe wrappers, if there is one. */
function objectShape(schema: z.ZodType): Readonly<Record<string, z.ZodType>> | undefined {
  let current: unknown = schema;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof z.ZodObject) return current.shape as Record<string, z.ZodType>;
    const def = (current as { _zod?: { def?: { innerType?: unknown; in?: unknown } } })._zod?.def;
    current = def?.innerType ?? def?.in;
  }
  return undefined;
}

function withShapes(js: JsonSchema, schema: z.ZodType): JsonSchema {
  const fields = objectShape(schema);
  if (!fields || !js.properties) return js;
  const properties = Object.fromEntries(
    Object.entries(js.properties).map(([key, property]) => {
      const field = fields[key];
      if (!field) return [key, property];
      if (property.properties) return [key, withShapes(property, field)];
      if (types(property).join() !== 'string' || property.format || property.pattern || property.enum) return [key, property];
      const shapes = Object.keys(SHAPE_SAMPLES).filter((shape) => field.safeParse(SHAPE_SAMPLES[shape]).success);
      return [key, { ...property, 'x-shapes': shapes }];
    }),
  );
  return { ...js, properties };
}

const types = (s: JsonSchema): readonly string[] => (s.type === undefined ? [] : typeof s.type === 'string' ? [s.type] : s.type);

/** Whether an object schema refuses fields it does not name. */
export const isClosed = (s: JsonSchema) => s.additionalProperties === false;

/**
 * A value of roughly the schema's shape, as a well-meaning client would send: the base that
 * mutations then break. Not guaranteed valid (refinements are not in JSON Schema), and it need
 * not be: every case is checked against the zod schema itself before it is sent.
 */
export function plausibleValue(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const options = s.anyOf ?? s.oneOf;
  if (options) return fc.oneof(...options.map((o) => plausibleValue(o, depth)));
  if (s.allOf?.length) return plausibleValue(s.allOf[0], depth);
  const ts = types(s);
  if (ts.length > 1) return fc.oneof(...ts.map((type) => plausibleValue({ ...s, type }, depth)));
  switch (ts[0]) {
    case 'string':
      return plausibleString(s);
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e9), max: Math.min(s.maximum ?? 1000, 1e9) });
    case 'number':
      return fc.double({ min: Math.max(s.minimum ?? -1000, -1e9), max: Math.min(s.maximum ?? 1000, 1e9), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(depth > 3 ? fc.string() : plausibleValue(s.items ?? {}, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)),
      });
    }
    case 'object':
      return plausibleObject(s, depth);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function plausibleString(s: JsonSchema): fc.Arbitrary<string> {
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'uri':
      return fc.webUrl({ validSchemes: ['https'] });
  }
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
  const minLength = s.minLength ?? 0;
  const maxLength = s.maxLength ?? Number.POSITIVE_INFINITY;
  const accepted = (s['x-shapes'] ?? []).map((shape) => COMMON_SHAPES[shape]);
  const arbs: fc.WeightedArbitrary<string>[] = [
    { weight: accepted.length > 0 ? 1 : 4, arbitrary: plainString(minLength, Math.max(minLength, Math.min(maxLength, 20))) },
    { weight: 1, arbitrary: fc.oneof(...Object.values(COMMON_SHAPES)) },
    { weight: 1, arbitrary: awkwardString() },
  ];
  if (accepted.length > 0) arbs.push({ weight: 6, arbitrary: fc.oneof(...accepted) });
  return fc.oneof(...arbs).filter((v) => v.length >= minLength && v.length <= maxLength);
}

const someDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });

/** Texts of the shapes refinements commonly ask for, by the names of SHAPE_SAMPLES. */
const COMMON_SHAPES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  isoDateTime: someDate.map((d) => d.toISOString()),
  isoDateTimeOffset: someDate.map((d) => d.toISOString().replace(/\.\d{3}Z$/, '+08:00')),
  isoDate: someDate.map((d) => d.toISOString().slice(0, 10)),
  compactDate: someDate.map((d) => d.toISOString().slice(0, 10).replaceAll('-', '')),
  uuid: fc.uuid(),
  integer: fc.integer({ min: -10, max: 100_000 }).map(String),
  url: fc.webUrl({ validSchemes: ['https'] }),
  email: fc.emailAddress(),
};

function plausibleObject(s: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = s.properties ?? {};
  if (Object.keys(properties).length === 0 && typeof s.additionalProperties === 'object') {
    return fc.dictionary(plainString(1, 8), plausibleValue(s.additionalProperties, depth + 1), { maxKeys: 3 });
  }
  const shape = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, plausibleValue(value, depth + 1)]));
  return fc.record(shape, { requiredKeys: [...(s.required ?? [])].filter((k) => k in shape) }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Values of every JSON type but the schema's own: wrong types, as a confused client sends them. */
function otherTypes(s: JsonSchema): fc.Arbitrary<unknown> {
  const own = new Set(types(s));
  const all: [string, fc.Arbitrary<unknown>][] = [
    ['string', awkwardString()],
    ['number', fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 1.5, 1e308, -1e308, 2 ** 53 + 2))],
    ['integer', fc.integer()],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 })],
    ['object', fc.dictionary(awkwardString(8), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })],
  ];
  const picks = all.filter(([type]) => !own.has(type) && !(type === 'integer' && own.has('number'))).map(([, arb]) => arb);
  return picks.length > 0 ? fc.oneof(...picks) : fc.jsonValue({ maxDepth: 1 });
}

/**
 * A value the schema most likely refuses: another type, an awkward or over-long string, a
 * number out of range or not whole, a list too long, or an object broken inside.
 */
export function unlikelyValue(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const ts = types(s);
  const arbs: fc.Arbitrary<unknown>[] = [otherTypes(s)];
  if (ts.includes('string') || s.enum) {
    arbs.push(awkwardString());
    if (s.maxLength !== undefined && s.maxLength < 20_000) arbs.push(longerThan(s.maxLength));
    if ((s.minLength ?? 0) > 0 || s.pattern || s.format || s.enum) arbs.push(fc.constant(''));
  }
  if (ts.includes('integer') || ts.includes('number')) {
    const edges = [1.5, -1, 0, 1e21, -1e21, 2 ** 53 + 2];
    if (s.minimum !== undefined) edges.push(s.minimum - 1);
    if (s.maximum !== undefined && s.maximum < 2 ** 53) edges.push(s.maximum + 1);
    arbs.push(fc.constantFrom(...edges), fc.constantFrom('1', '1e3', 'NaN'));
  }
  if (ts.includes('array') && depth < 3) {
    arbs.push(fc.array(unlikelyValue(s.items ?? {}, depth + 1), { minLength: 1, maxLength: 2 }));
    if (s.maxItems !== undefined && s.maxItems < 300) arbs.push(fc.constant(Array.from({ length: s.maxItems + 1 }, (_, i) => `item-${i}`)));
  }
  if (ts.includes('object') && depth < 3) arbs.push(brokenObject(s, depth + 1));
  return fc.oneof(...arbs);
}

/**
 * An object of the schema's shape with one to three things wrong: a required field dropped,
 * a field it does not know added (when it refuses those), a field's value made wrong.
 */
export function brokenObject(s: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = s.properties ?? {};
  const keys = Object.keys(properties);
  const required = (s.required ?? []).filter((k) => k in properties);
  type Mutation = (value: Record<string, unknown>) => fc.Arbitrary<Record<string, unknown>>;
  const mutations: Mutation[] = [];
  if (required.length > 0) {
    mutations.push((value) =>
      fc.constantFrom(...required).map((key) => {
        const { [key]: _dropped, ...rest } = value;
        return rest;
      }),
    );
  }
  if (isClosed(s)) {
    mutations.push((value) =>
      fc
        .tuple(fc.oneof(awkwardKey(), fc.constantFrom('', ' ')), fc.jsonValue({ maxDepth: 1 }))
        .filter(([key]) => !keys.includes(key))
        .map(([key, extra]) => withKey(value, key, extra)),
    );
  }
  if (keys.length > 0) {
    mutations.push((value) =>
      fc.constantFrom(...keys).chain((key) => unlikelyValue(properties[key], depth).map((wrong) => withKey(value, key, wrong))),
    );
  }
  if (typeof s.additionalProperties === 'object') {
    const ap = s.additionalProperties;
    mutations.push((value) => fc.tuple(awkwardKey(), unlikelyValue(ap, depth)).map(([key, wrong]) => withKey(value, key, wrong)));
  }
  const base = plausibleObject(s, depth);
  if (mutations.length === 0) return base;
  const once = (value: Record<string, unknown>) => fc.oneof(...mutations.map((m) => m(value)));
  return base.chain((value) => fc.integer({ min: 1, max: 3 }).chain((times) => repeat(value, once, times)));
}

function repeat<T>(value: T, step: (v: T) => fc.Arbitrary<T>, times: number): fc.Arbitrary<T> {
  return times <= 0 ? fc.constant(value) : step(value).chain((next) => repeat(next, step, times - 1));
}

/** A copy with one more key, even `__proto__`, set as JSON.parse would set it. */
function withKey(value: Record<string, unknown>, key: string, extra: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  Object.defineProperty(copy, key, { value: extra, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** What a request body may be instead of an object. */
export const notAnObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  awkwardString(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

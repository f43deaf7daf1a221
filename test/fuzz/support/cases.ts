import * as fc from 'fast-check';
import type * as z from 'zod';
import type { RouteDefinition, ServiceDefinition } from '../../../lambda/shared/route';
import type { Credential, Credentials } from './credentials';
import { brokenQuery, encodeQuery, malformedQueryString, plausibleQuery, type Query, readQuery } from './query-values';
import { brokenObject, type JsonSchema, jsonSchemaOf, notAnObject, plausibleValue } from './schema-values';
import type { InnerRules, RequestParts } from './service-rules';
import { addOwn, awkwardString, decodeSegment, encodeSegment, headerValue, longerThan } from './strings';

/** What the response to a case must be. */
export type Expectation =
  /** Invalid by construction: a 4xx (of these statuses, when given). */
  | { readonly outcome: 'refused'; readonly statuses?: readonly number[] }
  /** Possibly valid (a forged cursor may name a real position): anything but a 5xx. */
  | { readonly outcome: 'no-server-error' };

/** A body: text, raw bytes, or a JSON document of this many bytes (made when sent, to keep reports short). */
export type BodySpec = { readonly text: string } | { readonly bytes: readonly number[] } | { readonly oversize: number };

export interface FuzzCase {
  readonly kind: CaseKind;
  readonly method: string;
  /** Percent-encoded path. */
  readonly path: string;
  /** Query string, without `?`. */
  readonly query: string;
  readonly credential: Credential;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: BodySpec;
  readonly expect: Expectation;
}

/** A declared route with what the fuzzer needs to reach it. */
export interface RouteUnderTest {
  readonly service: string;
  readonly id: string;
  readonly route: RouteDefinition;
  readonly definition: ServiceDefinition;
  readonly credentials: Credentials;
  readonly inner?: InnerRules;
  /** A cursor the route handed out, decoded, to forge cursors that look like it. */
  readonly cursorSample?: Readonly<Record<string, unknown>>;
}

export const CASE_KINDS = [
  'credential',
  'method',
  'oversize',
  'content-type',
  'unexpected-body',
  'malformed-json',
  'invalid-body',
  'invalid-query',
  'invalid-params',
  'unknown-params',
  'garbage-cursor',
  'forged-cursor',
  'plausible-read',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

const isForm = (route: RouteDefinition) => route.bodyFormat === 'form';
const contentTypeOf = (route: RouteDefinition) => (isForm(route) ? FORM_TYPE : JSON_TYPE);

/** Path parameters: values a client might send that the route's schema accepts. */
function goodParams(rut: RouteUnderTest, known: boolean): fc.Arbitrary<Record<string, string>> {
  const { route } = rut;
  if (!route.params) return fc.constant({});
  const js = jsonSchemaOf(route.params);
  const shape = Object.fromEntries(
    Object.entries(js.properties ?? {}).map(([name, s]) => {
      const random = plausibleValue(s).map(String);
      const values = known ? rut.inner?.paramValues[name] : undefined;
      return [name, values?.length ? fc.oneof(fc.constantFrom(...values), random) : random];
    }),
  );
  return fc
    .record(shape)
    .filter(
      (params) =>
        Object.values(params).every((v) => v !== '' && v !== '.' && v !== '..' && decodeSegment(encodeSegment(v)) === v) &&
        route.params!.safeParse(params).success,
    );
}

function pathOf(template: string, params: Readonly<Record<string, string>>, encode = encodeSegment): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encode(params[name] ?? ''));
}

/** The path parameters the server reads from a path, or undefined when the path is not the route's. */
export function matchRoute(template: string, path: string): Record<string, string> | undefined {
  const wanted = template.split('/');
  const got = new URL(path, 'http://localhost').pathname.split('/');
  if (wanted.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of wanted.entries()) {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (!name) {
      if (segment !== got[i]) return undefined;
      continue;
    }
    const value = got[i] === '' ? undefined : decodeSegment(got[i]);
    if (value === undefined) return undefined;
    params[name] = value;
  }
  return params;
}

/** A form body as the runtime reads it: a repeated field as a list. */
function readForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(text)) addOwn(out, k, v);
  return out;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Whether the route's schemas, or the service's inner rules, refuse the request. The inner
 * rules see what the runtime hands the handler: the schemas' output, not the raw input.
 */
export function isRefused(rut: RouteUnderTest, parts: RequestParts): boolean {
  const { route } = rut;
  const read = (schema: z.ZodType | undefined, value: unknown) =>
    schema ? schema.safeParse(value) : { success: true as const, data: value };
  const params = read(route.params, parts.params);
  const query = read(route.query, parts.query);
  const body = read(route.body, parts.body);
  if (!params.success || !query.success || !body.success) return true;
  return (
    rut.inner?.refuses({
      method: parts.method,
      params: params.data as Record<string, string>,
      query: query.data as Query,
      body: body.data,
    }) ?? false
  );
}

/** The body sent with cases that break something else: an empty object or form. */
function emptyBody(route: RouteDefinition): { body?: BodySpec; parsed: unknown; headers: Record<string, string> } {
  if (!route.body) return { parsed: undefined, headers: {} };
  if (isForm(route)) return { parsed: {}, headers: {} };
  return { body: { text: '{}' }, parsed: {}, headers: { 'content-type': JSON_TYPE } };
}

/** Optional values for the headers the route reads (Idempotency-Key, If-Match). */
function routeHeaders(route: RouteDefinition): fc.Arbitrary<Record<string, string>> {
  const names = route.headers ?? [];
  if (names.length === 0) return fc.constant({});
  return fc.record(Object.fromEntries(names.map((n) => [n, headerValue(300)])), { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, string>
  >;
}

const toText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function formText(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return encodeURIComponent(toText(value) ?? '');
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(value)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, toText(item) ?? '');
  return params.toString();
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** The cases of one kind for a route, or undefined where the kind does not apply to it. */
export function casesOf(kind: CaseKind, rut: RouteUnderTest): fc.Arbitrary<FuzzCase> | undefined {
  const { route, credentials } = rut;
  const valid = credentials.valid;
  const carrier = emptyBody(route);
  const querySchema = (params: Record<string, string>) => rut.inner?.innerSchema('query', params) ?? route.query;
  const bodySchema = (params: Record<string, string>) => rut.inner?.innerSchema('body', params) ?? route.body;
  const expecting = (outcome: Expectation['outcome'] = 'refused'): Expectation => ({ outcome });
  const make = (c: Omit<FuzzCase, 'kind' | 'method' | 'query' | 'credential' | 'headers'> & Partial<FuzzCase>): FuzzCase => ({
    kind,
    method: route.method,
    query: '',
    credential: valid,
    headers: carrier.headers,
    ...c,
  });

  switch (kind) {
    case 'credential':
      if (credentials.wrong.length === 0) return undefined;
      return fc
        .tuple(goodParams(rut, true), fc.constantFrom(...credentials.wrong))
        .map(([params, credential]) =>
          make({ path: pathOf(route.path, params), credential, body: carrier.body, expect: { outcome: 'refused', statuses: [401, 403] } }),
        );

    case 'method': {
      const declared = new Set(
        Object.values(rut.definition.routes)
          .filter((r) => r.path === route.path)
          .map((r) => r.method),
      );
      const others = METHODS.filter((m) => !declared.has(m));
      if (others.length === 0) return undefined;
      // `/notifications/email` is also `/notifications/{id}`: a method another route serves there is not wrong.
      const servedElsewhere = (method: string, path: string) =>
        Object.values(rut.definition.routes).some((r) => r.method === method && r.path !== route.path && matchRoute(r.path, path));
      return fc
        .tuple(goodParams(rut, true), fc.constantFrom(...others))
        .filter(([params, method]) => !servedElsewhere(method, pathOf(route.path, params)))
        .map(([params, method]) =>
          make({ method, path: pathOf(route.path, params), body: carrier.body, expect: { outcome: 'refused', statuses: [405] } }),
        );
    }

    case 'oversize': {
      const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      return fc.tuple(goodParams(rut, true), fc.integer({ min: 1, max: 4096 })).map(([params, extra]) =>
        make({
          path: pathOf(route.path, params),
          headers: { 'content-type': contentTypeOf(route) },
          body: { oversize: limit + extra },
          expect: { outcome: 'refused', statuses: [413] },
        }),
      );
    }

    case 'content-type': {
      if (!route.body) return undefined;
      const wrongTypes = isForm(route)
        ? [undefined, JSON_TYPE, 'text/plain', 'multipart/form-data; boundary=fuzz']
        : [
            undefined,
            'text/plain',
            FORM_TYPE,
            'application/xml',
            'multipart/form-data; boundary=fuzz',
            'application/octet-stream',
            'application/json-seq',
          ];
      const text = isForm(route) ? fc.constantFrom('a=b', 'cardNo=4444333322221111') : fc.constantFrom('{}', '{"a":1}', '[]');
      return fc.tuple(goodParams(rut, true), fc.constantFrom(...wrongTypes), text).map(([params, type, body]) =>
        make({
          path: pathOf(route.path, params),
          headers: type ? { 'content-type': type } : {},
          body: { text: body },
          expect: { outcome: 'refused', statuses: [415] },
        }),
      );
    }

    case 'unexpected-body': {
      if (route.body) return undefined;
      const body = fc.oneof(
        fc.constantFrom('{}', '[]', 'null', '{"a":1}'),
        awkwardString().map((s) => JSON.stringify({ [s]: s })),
        fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => ({ bytes: [...b] })),
      );
      return fc.tuple(goodParams(rut, true), body).map(([params, b]) =>
        make({
          path: pathOf(route.path, params),
          headers: { 'content-type': JSON_TYPE },
          body: typeof b === 'string' ? { text: b } : b,
          expect: expecting(),
        }),
      );
    }

    case 'malformed-json': {
      if (!route.body || isForm(route)) return undefined;
      const text = fc.oneof(
        fc.constantFrom(
          '{',
          '{"a":',
          '[1,]',
          "{'a':1}",
          'NaN',
          '{"a":1}}',
          '\u0000',
          '{"a":"\\ud800',
          'undefined',
          '{"a":01}',
          '\uFEFF{}',
          ' ',
          '\n',
        ),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        awkwardString(40),
      );
      const bytes = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => ({ bytes: [...b] }));
      const body = fc
        .oneof(
          text.map((t) => ({ text: t })),
          bytes,
        )
        .filter((b) => !parseJson('text' in b ? b.text : Buffer.from(b.bytes).toString('utf8')).ok);
      return fc
        .tuple(goodParams(rut, true), body)
        .map(([params, b]) =>
          make({ path: pathOf(route.path, params), headers: { 'content-type': JSON_TYPE }, body: b, expect: expecting() }),
        );
    }

    case 'invalid-body': {
      if (!route.body) return undefined;
      return fc
        .tuple(goodParams(rut, true), routeHeaders(route))
        .chain(([params, headers]) => {
          const schema = bodySchema(params) as z.ZodType;
          const js: JsonSchema = jsonSchemaOf(schema);
          const value = isForm(route)
            ? brokenObject(js)
            : fc.oneof({ weight: 5, arbitrary: brokenObject(js) }, { weight: 1, arbitrary: notAnObject });
          return value.map((v) => {
            const text = isForm(route) ? formText(v) : JSON.stringify(v);
            const parsed = isForm(route) ? readForm(text) : JSON.parse(text);
            return { params, headers, text, parsed };
          });
        })
        .filter(({ params, parsed }) => isRefused(rut, { method: route.method, params, query: {}, body: parsed }))
        .map(({ params, headers, text }) =>
          make({
            path: pathOf(route.path, params),
            headers: { ...headers, 'content-type': contentTypeOf(route) },
            body: { text },
            expect: expecting(),
          }),
        );
    }

    case 'invalid-query': {
      if (!route.query) return undefined;
      return goodParams(rut, true)
        .chain((params) => {
          const js = jsonSchemaOf(querySchema(params) as z.ZodType);
          const query = fc.oneof(
            { weight: 4, arbitrary: brokenQuery(js).map(encodeQuery) },
            { weight: 1, arbitrary: malformedQueryString },
          );
          return query.map((q) => ({ params, query: q }));
        })
        .filter(({ params, query }) => isRefused(rut, { method: route.method, params, query: readQuery(query), body: carrier.parsed }))
        .map(({ params, query }) => make({ path: pathOf(route.path, params), query, body: carrier.body, expect: expecting() }));
    }

    case 'invalid-params': {
      if (!route.params) return undefined;
      const names = Object.keys(jsonSchemaOf(route.params).properties ?? {});
      const bad = fc.oneof(
        awkwardString(),
        longerThan(300),
        fc.constantFrom('', '.', '..', ' ', 'null', '0', '-1', '1.5', 'undefined', '%', '\uD800'),
      );
      return fc
        .tuple(goodParams(rut, true), fc.constantFrom(...names), bad)
        .map(([params, name, value]) => ({ path: pathOf(route.path, { ...params, [name]: value }) }))
        .filter(({ path }) => {
          const params = matchRoute(route.path, path);
          return !params || isRefused(rut, { method: route.method, params, query: {}, body: carrier.parsed });
        })
        .map(({ path }) => make({ path, body: carrier.body, expect: expecting() }));
    }

    case 'unknown-params': {
      if (!route.params) return undefined;
      return fc
        .tuple(goodParams(rut, false), routeHeaders(route))
        .map(([params, headers]) => {
          const refusedByService = rut.inner?.refuses({ method: route.method, params, query: {}, body: carrier.parsed });
          // A read with random identifiers may name something that exists; anything else must be refused.
          const outcome: Expectation['outcome'] = refusedByService === true || route.method !== 'GET' ? 'refused' : 'no-server-error';
          return { params, headers, outcome, skip: refusedByService === false && route.method !== 'GET' };
        })
        .filter(({ skip }) => !skip)
        .map(({ params, headers, outcome }) =>
          make({
            path: pathOf(route.path, params),
            headers: { ...carrier.headers, ...headers },
            body: carrier.body,
            expect: expecting(outcome),
          }),
        );
    }

    case 'plausible-read': {
      // Reads a client might well make: parameters of the schemas' shapes and values of the
      // shapes refinements ask for (dates, ids), so the handlers run on input the schemas let
      // through. Refused or not, never a 5xx; a read changes nothing either way.
      if (route.method !== 'GET' || (!route.query && !route.params)) return undefined;
      return goodParams(rut, true)
        .chain((params) => {
          const schema = querySchema(params);
          const query = schema ? plausibleQuery(jsonSchemaOf(schema)).map(encodeQuery) : fc.constant('');
          return query.map((q) => ({ params, query: q }));
        })
        .map(({ params, query }) => {
          const invalid = isRefused(rut, { method: route.method, params, query: readQuery(query), body: carrier.parsed });
          return make({ path: pathOf(route.path, params), query, expect: expecting(invalid ? 'refused' : 'no-server-error') });
        });
    }

    case 'garbage-cursor':
    case 'forged-cursor': {
      const js = route.query ? jsonSchemaOf(route.query) : undefined;
      if (!js?.properties?.cursor) return undefined;
      const garbage = fc.oneof(
        awkwardString(),
        fc.uint8Array({ minLength: 1, maxLength: 48 }).map((b) => Buffer.from(b).toString('base64url')),
        fc
          .jsonValue({ maxDepth: 1 })
          .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
          .map((v) => base64url(JSON.stringify(v))),
        fc.string({ minLength: 1, maxLength: 20 }).map((s) => base64url(`${s}{`)),
      );
      // Mostly cursors shaped like one the route handed out: its fields, values of the same type
      // from either end of their order; otherwise any object.
      const sample = rut.cursorSample ?? {};
      const fields = Object.keys(sample);
      const anyValue = fc.oneof(fc.string({ maxLength: 30 }), awkwardString(), fc.integer(), fc.constant(null), fc.constant(''));
      const like = (original: unknown) =>
        typeof original === 'string'
          ? fc.oneof(
              {
                weight: 3,
                arbitrary: fc.constantFrom(original, '0', '!', '~', 'zzzz', '0000-00-00T00:00:00.000Z', '9999-12-31T23:59:59.999Z'),
              },
              { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
              { weight: 1, arbitrary: anyValue },
            )
          : anyValue;
      const key = fields.length > 0 ? fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 4 })) : fc.string({ maxLength: 4 });
      const loose = fc.dictionary(key, anyValue, { maxKeys: 4 });
      const shaped = fc.record(Object.fromEntries(fields.map((f) => [f, like(sample[f])])));
      const forged = (fields.length > 0 ? fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: loose }) : loose).map((o) =>
        base64url(JSON.stringify(o)),
      );
      return fc
        .tuple(goodParams(rut, true), plausibleQuery(js), kind === 'garbage-cursor' ? garbage : forged)
        .map(([params, others, cursor]) => {
          const query = encodeQuery({ ...others, cursor } as Query);
          const schemaRefuses = isRefused(rut, { method: route.method, params, query: readQuery(query), body: carrier.parsed });
          const outcome: Expectation['outcome'] = kind === 'garbage-cursor' || schemaRefuses ? 'refused' : 'no-server-error';
          return make({ path: pathOf(route.path, params), query, body: carrier.body, expect: expecting(outcome) });
        });
    }
  }
}

/** The bytes of a body, as sent. */
export function bodyBytes(body: BodySpec | undefined): Buffer | undefined {
  if (!body) return undefined;
  if ('text' in body) return Buffer.from(body.text, 'utf8');
  if ('bytes' in body) return Buffer.from(body.bytes);
  const filler = 'a'.repeat(Math.max(0, body.oversize - '{"x":""}'.length));
  return Buffer.from(`{"x":"${filler}"}`, 'utf8');
}

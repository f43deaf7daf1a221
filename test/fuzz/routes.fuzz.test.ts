import * as fc from 'fast-check';
import { SERVICES } from '../../lambda/registry';
import { authScheme } from '../../lambda/shared/route';
import { useLocalPlatform } from '../helpers/local-platform';
import { bodyBytes, CASE_KINDS, type CaseKind, casesOf, type FuzzCase, type RouteUnderTest } from './support/cases';
import { responseProblem } from './support/check-response';
import { credentialsFor, SCHEME_CREDENTIALS } from './support/credentials';
import { type DeclaredRoute, declaredRoutes, routeName } from './support/declared-routes';
import { type ErrorShape, errorShapeOf } from './support/error-shape';
import { changedByDesign, HTML_PAGE_ROUTES } from './support/exclusions';
import { WireClient } from './support/http';
import { innerRulesOf } from './support/service-rules';
import { StorageReader, storageChanges } from './support/storage-snapshot';

/**
 * Every route of every registered service, sent requests that are wrong in every way a client
 * gets them wrong: missing and wrong credentials, undeclared methods, bodies too large, of the
 * wrong media type, malformed, or breaking the route's schemas; query and path parameters
 * breaking theirs; bad and forged paging cursors; awkward Unicode throughout. Every answer is a
 * 4xx in the service's own error shape, never a 5xx, and storage is left exactly as it was.
 *
 * Runs are bounded: each route gets CASES_PER_ROUTE cases, shared among the kinds that apply to
 * it by the weights below. FUZZ_SCALE multiplies them for a longer local run. A failure prints
 * the command that replays it: FUZZ_SEED and FUZZ_PATH as fast-check printed them, FUZZ_KIND for
 * the kind of case, and jest's -t for the route.
 */
const CASES_PER_ROUTE = 50;
const WEIGHTS: Readonly<Record<CaseKind, number>> = {
  credential: 4,
  method: 1,
  oversize: 1,
  'content-type': 2,
  'unexpected-body': 2,
  'malformed-json': 3,
  'invalid-body': 10,
  'invalid-query': 6,
  'invalid-params': 4,
  'unknown-params': 3,
  'garbage-cursor': 3,
  'forged-cursor': 5,
  'plausible-read': 6,
};
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const FIXED_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const REPLAY_PATH = process.env.FUZZ_PATH;
const ONLY_KIND = process.env.FUZZ_KIND;

/** Each applicable kind's share of the route's cases, at least one. */
function runsPerKind(kinds: readonly CaseKind[]): Map<CaseKind, number> {
  const total = kinds.reduce((sum, k) => sum + WEIGHTS[k], 0);
  return new Map(kinds.map((k) => [k, Math.max(1, Math.round((CASES_PER_ROUTE * SCALE * WEIGHTS[k]) / total))]));
}

const ROUTES = declaredRoutes();

describe('every route of every service, fuzzed in local mode', () => {
  const platform = useLocalPlatform(Object.keys(SERVICES));
  const shapes = new Map<string, ErrorShape>();
  const fuzzed = new Map<string, number>();
  let client: WireClient;
  let storage: StorageReader;
  const started = Date.now();

  beforeAll(() => {
    client = new WireClient(platform.current.url);
    storage = new StorageReader();
  });
  afterAll(() => {
    client?.close();
    storage?.close();
  });

  const shapeOf = (r: DeclaredRoute) => {
    if (!shapes.has(r.service)) shapes.set(r.service, errorShapeOf(r.definition));
    return shapes.get(r.service)!;
  };

  async function send(c: FuzzCase) {
    const credential = await c.credential.headers();
    return client.send({
      method: c.method,
      target: c.query ? `${c.path}?${c.query}` : c.path,
      headers: { ...credential, ...c.headers },
      body: bodyBytes(c.body),
    });
  }

  /** A cursor the route hands out on a first page of one item, decoded, if it hands one out. */
  async function cursorSample(r: DeclaredRoute, rut: RouteUnderTest): Promise<Record<string, unknown> | undefined> {
    if (!r.route.query?.shape || !('cursor' in r.route.query.shape)) return undefined;
    const query = r.route.query.safeParse({ limit: '1' }).success ? 'limit=1' : '';
    const res = await send({
      kind: 'forged-cursor',
      method: 'GET',
      path: r.route.path,
      query,
      headers: {},
      credential: rut.credentials.valid,
      expect: { outcome: 'no-server-error' },
    });
    let found: Record<string, unknown> | undefined;
    const visit = (value: unknown, key = '') => {
      if (found) return;
      if (typeof value === 'string' && /cursor|next/i.test(key)) {
        try {
          const decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
          if (decoded && typeof decoded === 'object' && !Array.isArray(decoded)) found = decoded;
        } catch {}
      } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    };
    visit(res.json);
    return found;
  }

  it('makes no exception for a route or scheme that does not exist', () => {
    for (const [service, ids] of Object.entries(HTML_PAGE_ROUTES)) {
      for (const id of ids) expect(ROUTES.some((r) => r.service === service && r.id === id)).toBe(true);
    }
    const schemes = ROUTES.flatMap((r) => {
      const scheme = authScheme(r.route.auth);
      return scheme === undefined ? [] : [scheme];
    });
    expect(new Set(schemes)).toEqual(new Set(Object.keys(SCHEME_CREDENTIALS)));
  });

  it.each(ROUTES.map((r) => [routeName(r), r] as const))(
    '%s refuses bad requests with a 4xx in its own error shape, and changes nothing',
    async (name, declared) => {
      const base: RouteUnderTest = {
        ...declared,
        credentials: credentialsFor(declared.route.auth, platform.current),
        inner: innerRulesOf(declared.service, declared.id),
      };
      const rut: RouteUnderTest = { ...base, cursorSample: await cursorSample(declared, base) };
      const shape = shapeOf(declared);
      const servesPages = HTML_PAGE_ROUTES[declared.service]?.includes(declared.id) ?? false;
      const before = await storage.snapshot(changedByDesign);
      const seeds: string[] = [];
      let cases = 0;
      const arbitraries = CASE_KINDS.flatMap((kind) => {
        const arbitrary = ONLY_KIND === undefined || ONLY_KIND === kind ? casesOf(kind, rut) : undefined;
        return arbitrary ? [[kind, arbitrary] as const] : [];
      });
      const runs = runsPerKind(arbitraries.map(([kind]) => kind));
      for (const [kind, arbitrary] of arbitraries) {
        const seed = FIXED_SEED ?? Math.floor(Math.random() * 2 ** 31);
        seeds.push(`${kind}: ${seed}`);
        const property = fc.asyncProperty(arbitrary, async (c) => {
          cases++;
          const res = await send(c);
          const problem = responseProblem(c, res, shape, servesPages);
          if (problem) throw new Error(`${c.method} ${c.path}${c.query ? `?${c.query}` : ''} (${c.credential.name}): ${problem}`);
        });
        try {
          await fc.assert(property, { numRuns: runs.get(kind), seed, path: REPLAY_PATH, includeErrorInReport: true });
        } catch (err) {
          const message = (err as Error).message;
          const path = /path: "([^"]*)"/.exec(message)?.[1] ?? '';
          const replay = `FUZZ_SEED=${seed} FUZZ_PATH=${path} FUZZ_KIND=${kind} npx jest test/fuzz -t '${name} '`;
          throw new Error(`${name}, ${kind} cases (replay: ${replay}): ${message}`);
        }
      }
      const after = await storage.snapshot(changedByDesign);
      const changes = storageChanges(before, after);
      if (changes.length > 0)
        throw new Error(`${name}: refused requests changed storage (seeds ${seeds.join(', ')}):\n${changes.join('\n')}`);
      fuzzed.set(name, cases);
    },
    120_000,
  );

  it('fuzzed every route the services declare and document, and no other', async () => {
    const documented: string[] = [];
    for (const [service, { definition }] of Object.entries(SERVICES)) {
      const res = await client.send({ method: 'GET', target: `${definition.basePath}/openapi.json`, headers: {} });
      const paths = (res.json as { paths: Record<string, Record<string, unknown>> }).paths;
      for (const [path, operations] of Object.entries(paths)) {
        for (const method of Object.keys(operations).filter((m) => /^(get|put|post|delete|patch|head|options)$/.test(m))) {
          const route = Object.entries(definition.routes).find(([, r]) => r.path === path && r.method === method.toUpperCase());
          documented.push(route ? routeName({ service, id: route[0] }) : `${service} ${method.toUpperCase()} ${path}`);
        }
      }
    }
    const declared = ROUTES.map(routeName);
    expect(new Set(fuzzed.keys())).toEqual(new Set(declared));
    expect(new Set(documented)).toEqual(new Set(declared));

    const perService = Object.keys(SERVICES).map((s) => `${s} ${ROUTES.filter((r) => r.service === s).length}`);
    const counts = [...fuzzed.values()];
    const total = counts.reduce((a, b) => a + b, 0);
    console.log(
      `fuzzed ${fuzzed.size} routes (${perService.join(', ')}): ${total} requests, ${Math.min(...counts)} to ${Math.max(...counts)} per route, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});

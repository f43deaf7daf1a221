import { SERVICES } from '../../lambda/registry';
import type { HttpMethod, RouteDefinition } from '../../lambda/shared/route';
import { relativePath } from '../../lib/local/server';
import { call, useLocalPlatform } from '../helpers/local-platform';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const everyService = Object.keys(SERVICES);

/** A concrete path of a route template, each parameter a made-up value. */
const concrete = (template: string) => template.replace(/\{\w+\}/g, 'x1');

const paths = Object.entries(SERVICES).flatMap(([name, { definition }]) => {
  const byPath = new Map<string, RouteDefinition[]>();
  for (const route of Object.values(definition.routes)) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  return [...byPath].map(([path, routes]) => ({ name, basePath: definition.basePath, path, declared: routes.map((r) => r.method) }));
});

const protectedRoutes = Object.entries(SERVICES).flatMap(([name, { definition }]) =>
  Object.entries(definition.routes)
    .filter(([, route]) => route.auth !== 'public')
    .map(([id, route]) => ({ name, id, route })),
);

describe('local mode answers as API Gateway and the runtime do, for every route', () => {
  const platform = useLocalPlatform(everyService);

  it.each(paths)('$name $path: a method the path lacks is 405 with Allow, on the shared and the own port', async (p) => {
    const own = platform.current.serviceUrls[p.name];
    for (const method of METHODS.filter((m) => !p.declared.includes(m))) {
      for (const url of [`${platform.current.url}${concrete(p.path)}`, `${own}${concrete(relativePath(p.path, p.basePath))}`]) {
        const res = await fetch(url, { method });
        expect({ url, method, status: res.status }).toEqual({ url, method, status: 405 });
        expect(new Set(res.headers.get('allow')?.split(/,\s*/))).toEqual(new Set(p.declared));
        await res.body?.cancel();
      }
    }
  });

  it.each(protectedRoutes)('$name $id: no credential is 401, a bad one 401 or 403', async ({ route }) => {
    const path = concrete(route.path);
    const body = route.body ? '{}' : undefined;
    const missing = await call(platform.current, route.method, path, { body });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('x-request-id')).toBeTruthy();
    const bad = await call(platform.current, route.method, path, { body, token: 'not-a-credential' });
    expect([401, 403]).toContain(bad.status);
    // A department's API key does not stand in for the officer's token.
    if (route.auth === 'department-officer') {
      const keyOnly = await call(platform.current, route.method, path, { body, apiKey: platform.current.apiKeys.DPO });
      expect(keyOnly.status).toBe(401);
      const tokenOnly = await call(platform.current, route.method, path, { body, token: platform.current.tokens.officers.DPO });
      expect(tokenOnly.status).toBe(403);
    }
  });
});

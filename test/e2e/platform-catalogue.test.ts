import Ajv2020 from 'ajv/dist/2020';
import { platformService } from '../../lambda/platform/routes';
import { loggedTarget } from '../../lib/local/server';
import { openApiDocument } from '../../lib/openapi/openapi';
import { call, useLocalPlatform } from '../helpers/local-platform';

describe('platform catalogue over HTTP in local mode', () => {
  const platform = useLocalPlatform();

  it('lists the shared services publicly (200)', async () => {
    const res = await call(platform.current, 'GET', '/platform/services');
    expect(res.status).toBe(200);
    expect(res.json.services).toContainEqual(expect.objectContaining({ name: 'platform', basePath: '/platform', status: 'available' }));
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects an unknown query parameter (400) in the platform error shape', async () => {
    const res = await call(platform.current, 'GET', '/platform/services?colour=blue');
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'query', message: 'unknown field: colour' }] });
    expect(res.json.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('answers exactly in the shapes its OpenAPI document declares, a field it does not declare being none', async () => {
    const doc = openApiDocument(platformService) as any;
    const ajv = new Ajv2020({ strict: false });
    const admin = { token: platform.current.tokens.admin, apiKey: platform.current.apiKeys.DPO };
    for (const [path, concrete] of [
      ['/platform/services', '/platform/services'],
      ['/platform/departments', '/platform/departments'],
      ['/platform/departments/{code}', '/platform/departments/DPO'],
    ]) {
      const schema = doc.paths[path].get.responses['200'].content['application/json'].schema;
      expect(schema.additionalProperties).toBe(false);
      const res = await call(platform.current, 'GET', concrete, admin);
      const validate = ajv.compile(schema);
      expect(validate(res.json) ? [] : validate.errors).toEqual([]);
      expect(validate({ ...res.json, extra: true })).toBe(false);
    }
    expect(doc.paths['/platform/departments'].get.responses['200'].links.getDepartment).toEqual({
      operationId: 'getDepartment',
      parameters: { code: '$response.body#/departments/0/code' },
    });
  });

  it('asks for a token on admin routes (401)', async () => {
    const res = await call(platform.current, 'GET', '/platform/departments');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthorized');
  });

  it('refuses a citizen token on a staff route (401: wrong user pool)', async () => {
    const res = await call(platform.current, 'GET', '/platform/departments', { token: platform.current.tokens.citizen });
    expect(res.status).toBe(401);
  });

  it('refuses an officer on the admin list (403)', async () => {
    const res = await call(platform.current, 'GET', '/platform/departments', { token: platform.current.tokens.officers.TD });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/platform administrators/);
  });

  it('lists every department to an admin (200)', async () => {
    const res = await call(platform.current, 'GET', '/platform/departments', { token: platform.current.tokens.admin });
    expect(res.status).toBe(200);
    expect(res.json.departments.map((d: { code: string }) => d.code)).toEqual(['DPO', 'TD', 'FEHD']);
  });

  it("shows an officer their own department's provisioning with SSM parameter names (200)", async () => {
    const res = await call(platform.current, 'GET', '/platform/departments/td', {
      token: platform.current.tokens.officers.TD,
      apiKey: platform.current.apiKeys.TD,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ code: 'TD', name: { zh: '運輸署' }, network: { cidr: '10.65.16.0/20' } });
    expect(res.json.keys[0].parameter).toBe('/gcp/departments/td/key-arn');
    expect(res.json.roles.map((r: { name: string }) => r.name)).toContain('gcp-dept-td-developer');
  });

  it("refuses an officer another department's provisioning (403)", async () => {
    const res = await call(platform.current, 'GET', '/platform/departments/DPO', {
      token: platform.current.tokens.officers.TD,
      apiKey: platform.current.apiKeys.TD,
    });
    expect(res.status).toBe(403);
  });

  it('asks department routes for the API key (403 without it)', async () => {
    const res = await call(platform.current, 'GET', '/platform/departments/TD', { token: platform.current.tokens.officers.TD });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/x-api-key/);
  });

  it('answers 404 for a department that does not exist, to an admin', async () => {
    const res = await call(platform.current, 'GET', '/platform/departments/NOPE', {
      token: platform.current.tokens.admin,
      apiKey: platform.current.apiKeys.DPO,
    });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toMatch(/no department NOPE/);
  });

  it('answers 400 for a malformed department code and 404/405 for unknown routes', async () => {
    const bad = await call(platform.current, 'GET', '/platform/departments/!!', {
      token: platform.current.tokens.admin,
      apiKey: platform.current.apiKeys.DPO,
    });
    expect(bad.status).toBe(400);
    expect((await call(platform.current, 'GET', '/platform/nothing-here')).status).toBe(404);
    const wrongMethod = await call(platform.current, 'DELETE', '/platform/services');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('refuses a token signed with another key (401)', async () => {
    const forged = `${platform.current.tokens.admin.slice(0, -4)}AAAA`;
    expect((await call(platform.current, 'GET', '/platform/departments', { token: forged })).status).toBe(401);
  });

  it('serves its OpenAPI document', async () => {
    const res = await call(platform.current, 'GET', '/platform/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    expect(Object.keys(res.json.paths)).toEqual(['/platform/services', '/platform/departments', '/platform/departments/{code}']);
  });

  it('answers a body over its 10 MB cap with 413 in the service error shape', async () => {
    const res = await call(platform.current, 'POST', '/platform/services', { body: 'x'.repeat(10 * 1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: 'payload_too_large', details: { limitBytes: 10 * 1024 * 1024 } });
  });

  it('logs the path and the names of query parameters, never their values', () => {
    expect(loggedTarget('/pay/v1/payments?email=jo%40example.com&state=success')).toBe('/pay/v1/payments?email=…&state=…');
    expect(loggedTarget('/platform/services')).toBe('/platform/services');
  });

  it('serves each service at the root of its own port too: the same routes without the base path, with links from its own root', async () => {
    const own = platform.current.serviceUrls.platform;
    expect(own).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(own).not.toBe(platform.current.url);
    const res = await fetch(`${own}/services`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { services: { name: string }[] }).services.map((s) => s.name)).toContain('platform');
    expect((await fetch(`${own}/platform/services`)).status).toBe(404);
    expect((await fetch(`${own}/openapi.json`)).status).toBe(200);
  });

  it("refuses an officer's request metered by another department's API key (403), and takes their own", async () => {
    const { tokens, apiKeys } = platform.current;
    const borrowed = await call(platform.current, 'GET', '/platform/departments/TD', { token: tokens.officers.TD, apiKey: apiKeys.DPO });
    expect(borrowed.status).toBe(403);
    expect(borrowed.json.error.message).toMatch(/API key of TD/);
    const own = await call(platform.current, 'GET', '/platform/departments/TD', { token: tokens.officers.TD, apiKey: apiKeys.TD });
    expect(own.status).toBe(200);
  });
});

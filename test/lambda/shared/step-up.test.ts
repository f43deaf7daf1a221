import type { APIGatewayProxyEvent } from 'aws-lambda';
import { createApiHandler } from '../../../lambda/shared/api-handler';
import { meetsAssurance, stepUpChallenge } from '../../../lambda/shared/assurance';
import { platformErrorFormat } from '../../../lambda/shared/error-format';
import { json } from '../../../lambda/shared/http';
import { defineService } from '../../../lambda/shared/route';
import { PLATFORM_ENVIRONMENT } from '../../../lib/contract/environment';

process.env[PLATFORM_ENVIRONMENT.citizenTokenIssuer] = 'https://citizen';
process.env[PLATFORM_ENVIRONMENT.staffTokenIssuer] = 'https://staff';

const service = defineService({
  name: 'demo',
  title: 'Demo',
  version: '1',
  basePath: '/demo',
  formatError: platformErrorFormat,
  functions: { api: 'unused' },
  routes: {
    sign: { method: 'POST', path: '/demo/sign', auth: { citizen: 'verified-plus' }, summary: 'sign' },
    read: { method: 'GET', path: '/demo/read', auth: { citizen: 'verified' }, summary: 'read' },
  },
});

const handler = createApiHandler(service, {
  async sign() {
    return json(200, { signed: true });
  },
  async read({ caller }) {
    return json(200, { assurance: caller.kind === 'citizen' ? caller.assurance : null });
  },
});

function call(method: string, resource: string, claims?: Record<string, string>) {
  const event = {
    resource,
    path: resource,
    httpMethod: method,
    headers: {},
    body: null,
    requestContext: { requestId: 'r', identity: { sourceIp: '127.0.0.1' }, authorizer: claims ? { claims } : null },
  } as unknown as APIGatewayProxyEvent;
  return handler(event);
}

const citizen = (acr: string) => ({ sub: 'c1', iss: 'https://citizen', acr });

describe('a route that requires an assurance level', () => {
  it('serves a citizen signed in at that level or above', async () => {
    expect((await call('GET', '/demo/read', citizen('verified'))).statusCode).toBe(200);
    const above = await call('GET', '/demo/read', citizen('verified-plus'));
    expect(JSON.parse(above.body)).toEqual({ assurance: 'verified-plus' });
  });

  it('asks a lower sign-in to step up, as RFC 9470 says', async () => {
    const res = await call('POST', '/demo/sign', citizen('verified'));
    expect(res.statusCode).toBe(401);
    expect(res.headers?.['www-authenticate']).toBe(
      'Bearer error="insufficient_user_authentication", error_description="Sign in at assurance level verified-plus or higher", acr_values="verified-plus"',
    );
    expect(JSON.parse(res.body).error).toMatchObject({
      code: 'insufficient_user_authentication',
      details: { acr: 'verified', required: 'verified-plus' },
    });
  });

  it('refuses staff with 403 and no caller with a plain 401', async () => {
    expect((await call('GET', '/demo/read', { sub: 's', iss: 'https://staff' })).statusCode).toBe(403);
    const anonymous = await call('GET', '/demo/read');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers?.['www-authenticate']).toBe('Bearer');
  });
});

describe('assurance levels', () => {
  it('are ordered', () => {
    expect(meetsAssurance('verified-plus', 'verified')).toBe(true);
    expect(meetsAssurance('verified', 'verified')).toBe(true);
    expect(meetsAssurance('basic', 'verified')).toBe(false);
  });

  it('name every level that would do in the challenge', () => {
    expect(stepUpChallenge('verified')).toContain('acr_values="verified verified-plus"');
  });
});

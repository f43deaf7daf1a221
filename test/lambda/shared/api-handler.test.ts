import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod';
import { createApiHandler, isJsonMediaType, jsonDepth } from '../../../lambda/shared/api-handler';
import { platformErrorFormat } from '../../../lambda/shared/error-format';
import { conflict, HttpError } from '../../../lambda/shared/errors';
import { json } from '../../../lambda/shared/http';
import { defineService } from '../../../lambda/shared/route';

const service = defineService({
  name: 'demo',
  title: 'Demo',
  version: '1',
  basePath: '/demo',
  formatError: platformErrorFormat,
  functions: { api: 'unused' },
  routes: {
    create: {
      method: 'POST',
      path: '/demo/things',
      auth: 'public',
      summary: 'create',
      body: z.strictObject({ name: z.string().min(1), size: z.number().int().positive() }),
      maxBodyBytes: 100,
    },
    get: { method: 'GET', path: '/demo/things/{id}', auth: 'staff', summary: 'get', params: z.strictObject({ id: z.string().uuid() }) },
    fail: { method: 'GET', path: '/demo/fail', auth: 'public', summary: 'fails' },
  },
});

const stored: string[] = [];
const handler = createApiHandler(service, {
  async create({ body }) {
    if (body.name === 'taken') throw conflict('A thing with this name exists.');
    stored.push(body.name);
    return json(201, { name: body.name });
  },
  async get({ params, caller }) {
    return json(200, { id: params.id, caller: caller.kind });
  },
  async fail() {
    throw new Error('database password is hunter2');
  },
});

function event(method: string, resource: string, init: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent {
  return {
    resource,
    path: resource,
    httpMethod: method,
    headers: { 'Content-Type': 'application/json' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1', identity: { sourceIp: '127.0.0.1' } } as APIGatewayProxyEvent['requestContext'],
    ...init,
  };
}

describe('createApiHandler', () => {
  beforeEach(() => stored.splice(0));

  it('validates and passes the typed body to the handler', async () => {
    const res = await handler(event('POST', '/demo/things', { body: '{"name":"a","size":2}' }));
    expect(res.statusCode).toBe(201);
    expect(JSON.parse(res.body)).toEqual({ name: 'a' });
    expect(stored).toEqual(['a']);
  });

  it.each([
    ['malformed JSON', { body: '{"name":' }, 400, /not valid JSON/],
    ['an unknown field', { body: '{"name":"a","size":2,"colour":"red"}' }, 400, /unknown field: colour/],
    ['a wrong type', { body: '{"name":"a","size":"big"}' }, 400, /body.size/],
    ['a missing body', { body: null }, 400, /body is missing/],
    ['a body over the cap', { body: JSON.stringify({ name: 'x'.repeat(200), size: 1 }) }, 413, /larger than 100 bytes/],
    [
      'another content type',
      { body: 'name=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
      /application\/json/,
    ],
  ])('answers %s with a clear 4xx and stores nothing', async (_name, init, status, message) => {
    const res = await handler(event('POST', '/demo/things', init as Partial<APIGatewayProxyEvent>));
    expect(res.statusCode).toBe(status);
    expect(JSON.parse(res.body).error.message).toMatch(message);
    expect(stored).toEqual([]);
  });

  it('refuses a body nested past the limit before parsing it, without echoing it', async () => {
    const depth = 5000;
    const body = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const big = createApiHandler(defineService({ ...service, routes: { create: { ...service.routes.create, maxBodyBytes: 64 * 1024 } } }), {
      create: async () => json(201, {}),
    });
    const res = await big(event('POST', '/demo/things', { body }));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/deeper than 32 levels/);
    expect(res.body.length).toBeLessThan(1000);
  });

  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[[{{{"}]}', 10)).toBe(3);
    // A string holding one backslash, then three arrays; then a string holding a quote.
    expect(jsonDepth(String.raw`"\\"[[[`, 10)).toBe(3);
    expect(jsonDepth(String.raw`"\"[[["`, 10)).toBe(0);
  });

  it('answers with only an excerpt of a long message that quotes its input', async () => {
    const wide = createApiHandler(
      defineService({ ...service, routes: { ...service.routes, create: { ...service.routes.create, maxBodyBytes: 10_000 } } }),
      {
        create: async ({ body }) => {
          throw conflict(`No thing may be named ${body.name}`, [{ field: 'name', message: body.name }]);
        },
        get: async () => json(200, {}),
        fail: async () => json(200, {}),
      },
    );
    const res = await wide(event('POST', '/demo/things', { body: JSON.stringify({ name: 'x'.repeat(5000), size: 1 }) }));
    const error = JSON.parse(res.body).error;
    expect(res.statusCode).toBe(409);
    expect(error.message.length).toBeLessThanOrEqual(500);
    expect(error.details[0].message.length).toBeLessThanOrEqual(300);
  });

  it('maps a domain conflict to 409 in the service error shape', async () => {
    const res = await handler(event('POST', '/demo/things', { body: '{"name":"taken","size":1}' }));
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'conflict', message: 'A thing with this name exists.', details: null, requestId: 'req-1' },
    });
  });

  it('hides internal errors behind a generic 500', async () => {
    const res = await handler(event('GET', '/demo/fail'));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(JSON.parse(res.body).error.code).toBe('internal_error');
  });

  it('requires a staff token where the route says so, reading the claims the authorizer left', async () => {
    const id = '0b6f6f2e-3a52-4a8e-9c59-0d2f4f7f6f11';
    const anonymous = await handler(event('GET', '/demo/things/{id}', { pathParameters: { id } }));
    expect(anonymous.statusCode).toBe(401);
    process.env.STAFF_TOKEN_ISSUER = 'https://staff.example';
    const staffHandler = createApiHandler(service, {
      create: async () => json(200, {}),
      get: async ({ caller }) => json(200, { caller }),
      fail: async () => json(200, {}),
    });
    const ctx = {
      requestId: 'r',
      identity: { sourceIp: '1.1.1.1' },
      authorizer: { claims: { sub: 'u1', iss: 'https://staff.example', 'custom:department': 'td', 'custom:roles': 'officer' } },
    };
    const res = await staffHandler(event('GET', '/demo/things/{id}', { pathParameters: { id }, requestContext: ctx as never }));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).caller).toEqual({ kind: 'staff', subject: 'u1', department: 'TD', roles: ['officer'], groups: [] });
  });

  it('rejects a malformed path parameter with 400', async () => {
    process.env.STAFF_TOKEN_ISSUER = 'https://staff.example';
    const h = createApiHandler(service, {
      create: async () => json(200, {}),
      get: async () => json(200, {}),
      fail: async () => json(200, {}),
    });
    const ctx = { requestId: 'r', identity: {}, authorizer: { claims: { sub: 'u1', iss: 'https://staff.example' } } };
    const res = await h(event('GET', '/demo/things/{id}', { pathParameters: { id: 'not-a-uuid' }, requestContext: ctx as never }));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.details[0].field).toBe('path.id');
  });

  it('answers 404 for no route and 405 with Allow for a wrong method', async () => {
    expect((await handler(event('GET', '/demo/nothing'))).statusCode).toBe(404);
    const res = await handler(event('PUT', '/demo/things'));
    expect(res.statusCode).toBe(405);
    expect(res.headers?.allow).toBe('POST');
  });

  it('refuses to build a function missing a handler for one of its routes', () => {
    expect(() => createApiHandler(service, { create: async () => json(200, {}) })).toThrow(/no handler for route get/);
  });
});

describe('defineService', () => {
  const base = { name: 'x', title: 'X', version: '1', basePath: '/x', formatError: platformErrorFormat, functions: { api: 'f' } };

  it('refuses a route outside the base path, a repeated route, and mismatched path parameters', () => {
    expect(() => defineService({ ...base, routes: { a: { method: 'GET', path: '/y/a', auth: 'public', summary: 'a' } } })).toThrow(
      /outside the service's base path/,
    );
    expect(() =>
      defineService({
        ...base,
        routes: {
          a: { method: 'GET', path: '/x/a', auth: 'public', summary: 'a' },
          b: { method: 'GET', path: '/x/a', auth: 'public', summary: 'b' },
        },
      }),
    ).toThrow(/repeats GET \/x\/a/);
    expect(() => defineService({ ...base, routes: { a: { method: 'GET', path: '/x/{id}', auth: 'public', summary: 'a' } } })).toThrow(
      /path parameters \{id\}/,
    );
    expect(() => defineService({ ...base, routes: { a: { method: 'GET', path: '/x/a', auth: { scheme: 'jwt' }, summary: 'a' } } })).toThrow(
      /no authorizer/,
    );
  });

  it('refuses settings of an undeclared function, and out-of-range settings', () => {
    const routes = {};
    expect(() => defineService({ ...base, routes, functionSettings: { other: { memorySize: 256 } } })).toThrow(/names function 'other'/);
    expect(() => defineService({ ...base, routes, functionSettings: { api: { memorySize: 100 } } })).toThrow(/128 to 10240/);
    expect(() => defineService({ ...base, routes, functionSettings: { api: { timeoutSeconds: 901 } } })).toThrow(/1 to 900/);
    expect(() => defineService({ ...base, routes, functionSettings: { api: { reservedConcurrency: 0 } } })).toThrow(/at least 1/);
    expect(() => defineService({ ...base, routes, environment: { a: 'lower_case' } })).toThrow(/upper case/);
    expect(
      defineService({ ...base, routes, functionSettings: { api: { timeoutSeconds: 30, storageAccess: 'none' } } }).environment,
    ).toEqual({});
  });
});

describe('createApiHandler with form bodies and a service that words its own request errors', () => {
  const forms = defineService({
    name: 'forms',
    title: 'Forms',
    version: '1',
    basePath: '/forms',
    formatError: platformErrorFormat,
    requestError: ({ routeId, where, error }) =>
      routeId === 'worded'
        ? new HttpError(422, 'own_words', error ? `${where}: ${error.issues.length} problem(s)` : `${where}: unreadable`)
        : undefined,
    functions: { api: 'unused' },
    routes: {
      submit: {
        method: 'POST',
        path: '/forms/submit',
        auth: 'public',
        summary: 'a form',
        body: z.strictObject({ name: z.string().min(1), tag: z.union([z.string(), z.array(z.string())]).optional() }),
        bodyFormat: 'form',
      },
      empty: { method: 'POST', path: '/forms/empty', auth: 'public', summary: 'a button', body: z.strictObject({}), bodyFormat: 'form' },
      worded: { method: 'POST', path: '/forms/worded', auth: 'public', summary: 'json', body: z.strictObject({ size: z.number() }) },
      link: { method: 'GET', path: '/forms/link', auth: 'public', summary: 'a link' },
      search: {
        method: 'GET',
        path: '/forms/search',
        auth: 'public',
        summary: 'a query',
        query: z.strictObject({ q: z.string().optional() }),
      },
    },
  });
  const seen: unknown[] = [];
  const formHandler = createApiHandler(forms, {
    async submit({ body }) {
      seen.push(body);
      return json(200, body);
    },
    async empty({ body }) {
      return json(200, body);
    },
    async worded({ body }) {
      return json(200, body);
    },
    async link({ baseUrl }) {
      return { status: 200, text: baseUrl, headers: { 'content-type': 'text/plain' } };
    },
    async search({ query }) {
      return json(200, query);
    },
  });
  const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' };
  beforeEach(() => seen.splice(0));

  it('reads a urlencoded form into strings, a repeated field into a list', async () => {
    const res = await formHandler(event('POST', '/forms/submit', { headers: formHeaders, body: 'name=Chan+Tai+Man&tag=a&tag=b%26c' }));
    expect(res.statusCode).toBe(200);
    expect(seen).toEqual([{ name: 'Chan Tai Man', tag: ['a', 'b&c'] }]);
  });

  it('validates the form with the route schema and refuses JSON on a form route', async () => {
    const unknown = await formHandler(event('POST', '/forms/submit', { headers: formHeaders, body: 'name=a&cardNo=4444' }));
    expect(unknown.statusCode).toBe(400);
    expect(JSON.parse(unknown.body).error.message).toMatch(/unknown field: cardNo/);
    const asJson = await formHandler(event('POST', '/forms/submit', { body: '{"name":"a"}' }));
    expect(asJson.statusCode).toBe(415);
    expect(JSON.parse(asJson.body).error.details).toEqual({ expected: 'application/x-www-form-urlencoded' });
    expect(seen).toEqual([]);
  });

  it('reads fields named like members of Object.prototype as fields, refusing them where unknown', async () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      const unknown = await formHandler(event('POST', '/forms/empty', { headers: formHeaders, body: `${name}=x` }));
      expect(unknown.statusCode).toBe(400);
      expect(JSON.parse(unknown.body).error.message).toContain(`unknown field: ${name}`);
    }
    const repeated = await formHandler(event('POST', '/forms/submit', { headers: formHeaders, body: 'name=a&tag=b&tag=c&valueOf=1' }));
    expect(JSON.parse(repeated.body).error.message).toContain('unknown field: valueOf');
    // As API Gateway sends them: parsed from JSON, so `__proto__` is an own key like any other.
    const query = JSON.parse('{"__proto__":"x","valueOf":"y"}');
    const multi = JSON.parse('{"__proto__":["x"],"valueOf":["y"]}');
    const search = await formHandler(
      event('GET', '/forms/search', { queryStringParameters: query, multiValueQueryStringParameters: multi }),
    );
    expect(search.statusCode).toBe(400);
    expect(JSON.parse(search.body).error.details).toEqual([{ field: 'query', message: 'unknown fields: __proto__, valueOf' }]);
  });

  it('takes an empty form as an empty object, as a button without fields posts it', async () => {
    const res = await formHandler(event('POST', '/forms/empty', { headers: formHeaders, body: null }));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({});
  });

  it("answers schema failures, malformed and missing bodies in the service's own words where it gives them", async () => {
    const invalid = await formHandler(event('POST', '/forms/worded', { body: '{"size":"big"}' }));
    expect(invalid.statusCode).toBe(422);
    expect(JSON.parse(invalid.body).error).toMatchObject({ code: 'own_words', message: 'body: 1 problem(s)' });
    expect(JSON.parse((await formHandler(event('POST', '/forms/worded', { body: '{"size":' }))).body).error.message).toBe(
      'body: unreadable',
    );
    expect(JSON.parse((await formHandler(event('POST', '/forms/worded', { body: null }))).body).error.message).toBe('body: unreadable');
    // Where the service gives no words of its own, the platform's stand.
    const platformWords = await formHandler(event('POST', '/forms/submit', { headers: formHeaders, body: 'name=' }));
    expect(JSON.parse(platformWords.body).error).toMatchObject({ code: 'validation_failed', details: [{ field: 'body.name' }] });
  });

  it('tells the handler the public base URL, with the stage API Gateway strips from the path', async () => {
    const viaStage = await formHandler(
      event('GET', '/forms/link', {
        path: '/forms/link',
        headers: { Host: 'abc.execute-api.ap-east-1.amazonaws.com', 'X-Forwarded-Proto': 'https' },
        requestContext: { requestId: 'r', path: '/v1/forms/link', identity: {} } as never,
      }),
    );
    expect(viaStage.body).toBe('https://abc.execute-api.ap-east-1.amazonaws.com/v1/forms');
    const local = await formHandler(event('GET', '/forms/link', { headers: { host: '127.0.0.1:3000' } }));
    expect(local.body).toBe('http://127.0.0.1:3000/forms');
  });

  it('refuses a schedule naming a function the service does not declare', () => {
    expect(() =>
      defineService({
        name: 'x',
        title: 'X',
        version: '1',
        basePath: '/x',
        formatError: platformErrorFormat,
        functions: { api: 'f' },
        routes: {},
        schedules: { nightly: { function: 'batch', expression: 'rate(1 day)', description: 'nightly' } },
      }),
    ).toThrow(/Schedule nightly names function 'batch'/);
  });
});

describe('createApiHandler behind the ways a caller reaches an API', () => {
  const echo = defineService({
    name: 'echo',
    title: 'Echo',
    version: '1',
    basePath: '/echo',
    formatError: platformErrorFormat,
    functions: { api: 'unused' },
    routes: {
      one: { method: 'GET', path: '/echo/v2/things/{id}', auth: 'public', summary: 'one', params: z.strictObject({ id: z.string() }) },
    },
  });
  const handler = createApiHandler(echo, { one: async ({ baseUrl, params }) => json(200, { baseUrl, id: params.id }) });
  const call = (resource: string, requested: string, host = 'api.example.gov.hk') =>
    handler(
      event('GET', resource, {
        path: requested,
        headers: { host, 'x-forwarded-proto': 'https' },
        pathParameters: { id: 'a b' },
        requestContext: { requestId: 'r', path: requested, identity: {} } as never,
      }),
    ).then((res) => ({ status: res.statusCode, body: JSON.parse(res.body) }));

  it.each([
    ['its own host, mapped at the root', '/v2/things/{id}', '/v2/things/a%20b', 'echo.example.gov.hk', 'https://echo.example.gov.hk'],
    [
      'the shared host, mapped at its base path',
      '/v2/things/{id}',
      '/echo/v2/things/a%20b',
      'api.example.gov.hk',
      'https://api.example.gov.hk/echo',
    ],
    ['the execute-api endpoint and its stage', '/v2/things/{id}', '/v1/v2/things/a%20b', 'x.execute-api', 'https://x.execute-api/v1'],
    [
      'a resource named in full, as tests give it',
      '/echo/v2/things/{id}',
      '/echo/v2/things/a%20b',
      'localhost:3000',
      'https://localhost:3000/echo',
    ],
  ])('finds the route and its public root through %s', async (_how, resource, requested, host, root) => {
    expect(await call(resource, requested, host)).toEqual({ status: 200, body: { baseUrl: root, id: 'a b' } });
  });

  it('answers a path of no route with 404 either way', async () => {
    expect((await call('/v2/nothing', '/v2/nothing')).status).toBe(404);
    expect((await call('/echo/v2/nothing', '/echo/v2/nothing')).status).toBe(404);
  });
});

describe('isJsonMediaType', () => {
  it.each(['application/json', 'application/fhir+json', 'application/merge-patch+json'])('reads %s as JSON', (type) => {
    expect(isJsonMediaType(type)).toBe(true);
  });

  it.each(['text/json', 'application/jsonp', 'application/+json', 'application/fhir+xml', ''])('refuses %s', (type) => {
    expect(isJsonMediaType(type)).toBe(false);
  });
});

import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import * as z from 'zod';
import { SERVICES } from '../../lambda/registry';
import { platformErrorFormat } from '../../lambda/shared/error-format';
import { HttpError } from '../../lambda/shared/errors';
import { defineService, type ServiceDefinition } from '../../lambda/shared/route';
import { openApiDocument } from '../../lib/openapi/openapi';

type Doc = any;
const operations = (doc: Doc) =>
  Object.entries(doc.paths as Record<string, Record<string, Doc>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );

/** A service of every kind of route, answering in its own error body. */
const sample = defineService({
  name: 'sample',
  title: 'Sample',
  version: '1.0.0',
  basePath: '/sample',
  formatError: (error) => ({ problem: error.code }),
  errorBody: z.strictObject({ problem: z.string() }),
  functions: { api: 'lambda/sample/handlers/http.ts' },
  routes: {
    create: {
      method: 'POST',
      path: '/sample/things',
      auth: 'department-officer',
      summary: 'Create',
      body: z.strictObject({ name: z.string() }),
      headers: ['idempotency-key'],
      headerSchemas: { 'idempotency-key': z.string().regex(/^[a-z0-9-]{8,64}$/) },
      successStatus: 201,
      response: z.strictObject({ id: z.string() }),
      responseHeaders: { etag: z.string() },
      responses: { 200: 'The thing made earlier with this key', 422: 'The key was used for another thing' },
      links: { read: { route: 'read', parameters: { id: '$response.body#/id' } } },
    },
    read: {
      method: 'GET',
      path: '/sample/things/{id}',
      auth: 'platform-admin',
      summary: 'Read',
      params: z.strictObject({ id: z.string() }),
      response: z.strictObject({ id: z.string() }),
      responseType: ['application/json', 'text/csv'],
    },
    update: {
      method: 'PATCH',
      path: '/sample/things/{id}',
      auth: 'staff',
      summary: 'Update',
      params: z.strictObject({ id: z.string() }),
      body: z.strictObject({ name: z.string() }),
      headers: ['if-match'],
      requiredHeaders: ['if-match'],
      responses: { 428: 'If-Match is missing' },
    },
    remove: {
      method: 'DELETE',
      path: '/sample/things/{id}',
      auth: 'public',
      summary: 'Remove',
      params: z.strictObject({ id: z.string() }),
      successStatus: 204,
    },
  },
});

describe('OpenAPI documents', () => {
  it.each(Object.keys(SERVICES))('of %s validate as OpenAPI 3.1', async (name) => {
    const document = openApiDocument(SERVICES[name as keyof typeof SERVICES].definition);
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('validates a document using every declaration a route can make', async () => {
    const result = await new Validator().validate(openApiDocument(sample));
    expect(result.errors ?? []).toEqual([]);
  });

  it('describes each route with its auth, parameters and schemas', () => {
    const doc = openApiDocument(SERVICES.platform.definition) as Doc;
    const get = doc.paths['/platform/departments/{code}'].get;
    expect(get.security).toEqual([{ staffToken: ['department-officer'], departmentApiKey: [] }]);
    expect(get.parameters).toContainEqual(expect.objectContaining({ name: 'code', in: 'path', required: true }));
    expect(doc.paths['/platform/services'].get.security).toEqual([]);
    expect(get.responses['200'].content['application/json'].schema.properties.network).toBeDefined();
  });

  it('names the role a staff token needs, so a client knows which credential to send', () => {
    const doc = openApiDocument(sample) as Doc;
    expect(doc.paths['/sample/things'].post.security).toEqual([{ staffToken: ['department-officer'], departmentApiKey: [] }]);
    expect(doc.paths['/sample/things/{id}'].get.security).toEqual([{ staffToken: ['platform-admin'] }]);
    expect(doc.paths['/sample/things/{id}'].patch.security).toEqual([{ staffToken: [] }]);
    expect(doc.paths['/sample/things/{id}'].delete.security).toEqual([]);
  });

  it.each(Object.keys(SERVICES))(
    'of %s declare what the runtime answers for every route, and 405 only where the route says why',
    (name) => {
      const definition: ServiceDefinition = SERVICES[name as keyof typeof SERVICES].definition;
      for (const { operation } of operations(openApiDocument(definition))) {
        const route = definition.routes[operation.operationId];
        const statuses = Object.keys(operation.responses);
        // A body over the cap is refused before the route is read, so 413 is any route's answer.
        expect(statuses).toEqual(expect.arrayContaining(['400', '404', '413', '429']));
        expect(statuses.includes('415')).toBe(route.body !== undefined);
        expect(statuses.includes('401') && statuses.includes('403')).toBe(route.auth !== 'public');
        // The runtime never answers 405 for a declared method; a standard can (FHIR, for an interaction a type does not support).
        expect(statuses.includes('405')).toBe(route.responses?.[405] !== undefined);
        for (const response of Object.values(operation.responses) as Doc[]) {
          expect(response.headers['x-request-id']).toEqual({ $ref: '#/components/headers/RequestId' });
        }
      }
    },
  );

  it("declares the platform's error body on every error of a service answering in it, and it is what the formatter writes", () => {
    const doc = openApiDocument(SERVICES.cert.definition) as Doc;
    for (const { operation } of operations(doc)) {
      for (const [status, response] of Object.entries(operation.responses) as [string, Doc][]) {
        if (Number(status) >= 400)
          expect(response.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });
      }
    }
    const validate = new Ajv2020({ strict: false }).compile(doc.components.schemas.Error);
    const body = platformErrorFormat(new HttpError(409, 'conflict', 'Taken', { field: 'id' }), 'req-1');
    expect(validate(body) ? [] : validate.errors).toEqual([]);
    expect(validate(platformErrorFormat(new HttpError(404, 'not_found', 'No such thing'), 'req-2'))).toBe(true);
    expect(validate({ error: { code: 'x', message: 'y', requestId: 'z' } })).toBe(false);
  });

  it("declares a service's own error body where it says what it is, and none where it does not", () => {
    const own = openApiDocument(sample) as Doc;
    expect(own.components.schemas.Error).toMatchObject({ properties: { problem: { type: 'string' } }, additionalProperties: false });
    expect(own.paths['/sample/things'].post.responses['422'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    const unknown = openApiDocument({ ...sample, errorBody: undefined }) as Doc;
    expect(unknown.components.schemas).toBeUndefined();
    expect(unknown.paths['/sample/things'].post.responses['400'].content).toBeUndefined();
  });

  it('declares headers with their schemas, the required ones as required, and the headers of the answer', () => {
    const doc = openApiDocument(sample) as Doc;
    const create = doc.paths['/sample/things'].post;
    expect(create.parameters).toContainEqual({
      name: 'idempotency-key',
      in: 'header',
      required: false,
      schema: { type: 'string', pattern: '^[a-z0-9-]{8,64}$' },
    });
    expect(doc.paths['/sample/things/{id}'].patch.parameters).toContainEqual({
      name: 'if-match',
      in: 'header',
      required: true,
      schema: { type: 'string' },
    });
    expect(create.responses['201'].headers.etag).toEqual({ required: true, schema: { type: 'string' } });
  });

  it('gives another 2xx the success body and links, a 4xx the error body, and a 204 no body', () => {
    const doc = openApiDocument(sample) as Doc;
    const create = doc.paths['/sample/things'].post;
    expect(create.responses['200'].content).toEqual(create.responses['201'].content);
    expect(create.responses['200'].links).toEqual({ read: { operationId: 'read', parameters: { id: '$response.body#/id' } } });
    expect(create.responses['422'].description).toBe('The key was used for another thing');
    expect(doc.paths['/sample/things/{id}'].patch.responses['428'].content['application/json']).toBeDefined();
    expect(doc.paths['/sample/things/{id}'].delete.responses['204'].content).toBeUndefined();
    expect(Object.keys(doc.paths['/sample/things/{id}'].get.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    expect(doc.paths['/sample/things/{id}'].get.responses['200'].content['text/csv'].schema).toEqual({ type: 'string' });
  });

  it("declares the statuses a service's own request errors answer with, where it words them itself", () => {
    const worded = openApiDocument({
      ...sample,
      // 422 for a field of the wrong kind, 400 for anything else, as GOV.UK Pay does.
      requestError: (problem) =>
        problem.error?.issues.some((i) => i.code === 'invalid_type' && i.path.length > 0)
          ? new HttpError(422, 'P0102', 'Invalid')
          : undefined,
    }) as Doc;
    expect(worded.paths['/sample/things'].post.responses['422'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(worded.paths['/sample/things/{id}'].get.responses['422']).toBeDefined();
    expect(worded.paths['/sample/things/{id}'].delete.responses['422']).toBeDefined();
    const pay = openApiDocument(SERVICES.pay.definition) as Doc;
    for (const [path, method] of [
      ['/pay/v1/payments', 'post'],
      ['/pay/v1/payments', 'get'],
      ['/pay/v1/payments/{paymentId}/refunds', 'post'],
    ]) {
      expect(pay.paths[path][method].responses['422']).toBeDefined();
    }
    expect(pay.paths['/pay/v1/payments/{paymentId}'].get.responses['422']).toBeUndefined();
  });

  it.each(Object.keys(SERVICES))('of %s link only to operations they declare', (name) => {
    const doc = openApiDocument(SERVICES[name as keyof typeof SERVICES].definition) as Doc;
    const ids = new Set(operations(doc).map((o) => o.operation.operationId));
    for (const { operation } of operations(doc)) {
      for (const response of Object.values(operation.responses) as Doc[]) {
        for (const link of Object.values(response.links ?? {}) as Doc[]) expect(ids).toContain(link.operationId);
      }
    }
  });

  it('refuses a link to a route the service does not declare, when the service loads', () => {
    expect(() =>
      defineService({
        ...sample,
        routes: { ...sample.routes, read: { ...sample.routes.read, links: { gone: { route: 'nowhere', parameters: {} } } } },
      }),
    ).toThrow(/link gone names route 'nowhere'/);
  });
});

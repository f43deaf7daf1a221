import { Validator } from '@seriousme/openapi-schema-validator';
import { SERVICES } from '../../lambda/registry';
import { openApiDocument } from '../../lib/openapi/openapi';

describe('OpenAPI documents', () => {
  it.each(Object.keys(SERVICES))('of %s validate as OpenAPI 3.1', async (name) => {
    const document = openApiDocument(SERVICES[name as keyof typeof SERVICES].definition);
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes each route with its auth, parameters and schemas', () => {
    const doc = openApiDocument(SERVICES.platform.definition) as any;
    const get = doc.paths['/platform/departments/{code}'].get;
    expect(get.security).toEqual([{ staffToken: [], departmentApiKey: [] }]);
    expect(get.parameters).toContainEqual(expect.objectContaining({ name: 'code', in: 'path', required: true }));
    expect(doc.paths['/platform/services'].get.security).toEqual([]);
    expect(get.responses['200'].content['application/json'].schema.properties.network).toBeDefined();
  });
});

import { packageSearchBody, packageSearchQuery } from '../../../lambda/open-data/domain/params';
import { ACTION_ROUTES, CKAN_ACTIONS, openDataService, SEARCH_ROUTES } from '../../../lambda/open-data/routes';
import { openApiDocument } from '../../../lib/openapi/openapi';

type Operation = {
  operationId: string;
  parameters: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};

const document = () => openApiDocument(openDataService) as { paths: Record<string, Record<string, Operation>> };

/** The open data document's operations by id, wherever the generator puts their paths. */
function operations(): Map<string, Operation> {
  return new Map(
    Object.values(document().paths)
      .flatMap((byMethod) => Object.values(byMethod))
      .map((operation) => [operation.operationId, operation]),
  );
}

const parameter = (operation: Operation, name: string) => operation.parameters.find((p) => p.name === name)?.schema;

describe('open data OpenAPI document: what the server answers and enforces', () => {
  const ops = operations();

  it('lists the actions of {action} as an enum: by GET only the side-effect-free ones, and never package_search', () => {
    const byMethod = (method: string) =>
      Object.entries(CKAN_ACTIONS)
        .filter(([name, action]) => name !== 'package_search' && (action.methods as readonly string[]).includes(method))
        .map(([name]) => name);
    expect(byMethod('GET')).not.toContain('resource_upload_complete');
    for (const { id, method } of ACTION_ROUTES) {
      expect(parameter(ops.get(id)!, 'action')).toEqual({ type: 'string', enum: byMethod(method) });
    }
  });

  it('declares package_search at its own path on every site, with exactly the parameters it takes', () => {
    const paths = document().paths;
    expect(SEARCH_ROUTES).toHaveLength(ACTION_ROUTES.length);
    const names = Object.keys(packageSearchQuery.shape);
    expect(names).toEqual(
      expect.arrayContaining(['q', 'fq', 'fq_list', 'sort', 'rows', 'start', 'facet.field', 'include_drafts', 'defType']),
    );
    for (const { id, method, site, path } of SEARCH_ROUTES) {
      const at = `/open-data${site.path}${path.path.replace('{action}', 'package_search')}`;
      expect(paths[at][method.toLowerCase()].operationId).toBe(id);
      const operation = ops.get(id)!;
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '409']));
      if (method === 'GET') {
        expect(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(names);
      } else {
        const body = operation.requestBody!.content['application/json'].schema;
        expect(Object.keys(body.properties as object)).toEqual(Object.keys(packageSearchBody.shape));
        expect(body).toMatchObject({ additionalProperties: false, patternProperties: { '^ext_': {} } });
      }
    }
    // Every pattern of a query parameter, whether the generator writes one or several (allOf).
    const query = (name: string) => {
      const schema = parameter(ops.get('getPackageSearch')!, name) as { pattern?: string; allOf?: { pattern: string }[] };
      const patterns = [schema.pattern, ...(schema.allOf ?? []).map((part) => part.pattern)].filter((p) => p !== undefined);
      return { test: (value: string) => patterns.every((pattern) => new RegExp(pattern).test(value)) };
    };
    expect(['', '0', '10', '1000', '0100'].every((rows) => query('rows').test(rows))).toBe(true);
    expect(['1001', '-1', 'ten', ' 5'].some((rows) => query('rows').test(rows))).toBe(false);
    expect(['', 'name asc', 'score desc, metadata_modified DESC'].every((sort) => query('sort').test(sort))).toBe(true);
    expect(['name', 'name up', 'name asc,'].some((sort) => query('sort').test(sort))).toBe(false);
  });

  it('declares CKAN’s 409 on every action route, and the 403 of write actions sent to a public site', () => {
    for (const { id, site } of ACTION_ROUTES) {
      const statuses = Object.keys(ops.get(id)!.responses);
      expect(statuses).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409', '429']));
      if (site.publisher) expect(statuses).toContain('401');
    }
  });

  it('declares the archive’s days and minutes by pattern, and its file URLs as URIs of at most 2,048 characters', () => {
    for (const id of ['listArchivedFiles', 'listArchivedFileVersions']) {
      // What the schema cannot say, the description does: how start and end relate.
      expect((ops.get(id) as Operation & { description?: string }).description).toMatch(
        /end the same day as start or later.*at most 366 days/,
      );
      for (const name of ['start', 'end']) {
        const schema = parameter(ops.get(id)!, name) as { pattern: string };
        expect(new RegExp(schema.pattern).test('20240131')).toBe(true);
        expect(new RegExp(schema.pattern).test('2024-01-31')).toBe(false);
        expect(new RegExp(schema.pattern).test('20241331')).toBe(false);
      }
    }
    for (const id of ['listArchivedFileVersions', 'getArchivedFile'])
      expect(parameter(ops.get(id)!, 'url')).toMatchObject({ format: 'uri', maxLength: 2048 });
    const time = parameter(ops.get('getArchivedFile')!, 'time') as { pattern: string };
    expect(new RegExp(time.pattern).test('20240131-0930')).toBe(true);
    expect(new RegExp(time.pattern).test('20240131-2460')).toBe(false);
    const max = new RegExp((parameter(ops.get('listArchivedFiles')!, 'max') as { pattern: string }).pattern);
    expect(['1', '100', '1000'].every((n) => max.test(n))).toBe(true);
    expect(['0', '1001', '01', '-1'].some((n) => max.test(n))).toBe(false);
    const day = new RegExp((parameter(ops.get('listArchivedFiles')!, 'start') as { pattern: string }).pattern);
    expect(['20230229', '20230230', '19000229', '２０２４０１０１', '٢٠٢٤٠١٠١'].some((d) => day.test(d))).toBe(false);
    expect(['00000229', '00040229', '20000229', '20240229'].every((d) => day.test(d))).toBe(true);
  });

  it('gives catalog.jsonld the media type it is served with, and the download parameters their minimum length', () => {
    expect(Object.keys(ops.get('catalogJsonLd')!.responses['200'].content ?? {})).toEqual(['application/ld+json']);
    expect(Object.keys(ops.get('dataJson')!.responses['200'].content ?? {})).toEqual(['application/json']);
    for (const name of ['packageId', 'resourceId', 'fileName'])
      expect(parameter(ops.get('downloadResource')!, name)).toMatchObject({ minLength: 1 });
    expect(Object.keys(ops.get('getArchivedFile')!.responses)).toEqual(expect.arrayContaining(['302', '404']));
  });
});

import Ajv2020 from 'ajv/dist/2020';
import { encodeCursor } from '../../../lambda/cert/domain/paging';
import { REPORT_IDEMPOTENCY_KEY } from '../../../lambda/cert/domain/schemas';
import { certService } from '../../../lambda/cert/routes';
import { openApiDocument } from '../../../lib/openapi/openapi';

const doc = openApiDocument(certService) as any;
const operation = (path: string, method: string) => doc.paths[path][method];
const header = (op: any, name: string) => op.parameters.find((p: any) => p.in === 'header' && p.name === name);

describe("the CERT's OpenAPI document says what the CERT answers", () => {
  it('declares triage needing If-Match (428), refusing a stale one (412) and a move its life forbids (409)', () => {
    const triage = operation('/cert/incidents/{id}', 'patch');
    expect(Object.keys(triage.responses)).toEqual(expect.arrayContaining(['200', '409', '412', '413', '428']));
    expect(header(triage, 'if-match')).toMatchObject({ required: true, schema: { type: 'string' } });
    const pattern = new RegExp(header(triage, 'if-match').schema.pattern);
    expect(['"3"', 'W/"3"', '"2", "3"'].filter((v) => pattern.test(v))).toHaveLength(3);
    expect(['*', '3', '', '"3'].filter((v) => pattern.test(v))).toEqual([]);
    // JSON has no undefined: a patch with no field is the one the schema's refinement refuses.
    expect(triage.requestBody.content['application/json'].schema.minProperties).toBe(1);
  });

  it('declares a report answered again (200), a key in use (409) or used for another report (422), with its ETag', () => {
    const report = operation('/cert/incidents', 'post');
    expect(Object.keys(report.responses)).toEqual(expect.arrayContaining(['200', '201', '409', '413', '415', '422']));
    expect(report.responses['201'].headers.etag.required).toBe(true);
    expect(header(report, 'idempotency-key').schema.pattern).toBe(REPORT_IDEMPOTENCY_KEY.source);
  });

  it('declares the conflicts of publishing: a catalogued vulnerability, an advisory id taken meanwhile', () => {
    expect(operation('/cert/kev', 'post').responses['409']).toBeDefined();
    expect(operation('/cert/advisories', 'post').responses['409']).toBeDefined();
  });

  it('declares the advisories as JSON or Atom', () => {
    expect(Object.keys(operation('/cert/advisories', 'get').responses['200'].content)).toEqual([
      'application/json',
      'application/atom+xml',
    ]);
  });

  it('describes a cursor as what it is: base64url of the position as JSON', () => {
    const cursor = operation('/cert/incidents', 'get').parameters.find((p: any) => p.name === 'cursor').schema;
    const made = encodeCursor({ sort: '2026-05-30T01:00:00.000Z#GCERT-2026-000001', id: 'GCERT-2026-000001' });
    expect(made).toMatch(new RegExp(cursor.pattern));
    expect(cursor).toMatchObject({ contentEncoding: 'base64url', contentMediaType: 'application/json' });
    const validate = new Ajv2020().compile(cursor.contentSchema);
    expect(validate(JSON.parse(Buffer.from(made, 'base64url').toString('utf8')))).toBe(true);
    expect(validate({ s: 'x' })).toBe(false);
  });

  it('links a reported or read incident to its triage, with its ETag as If-Match', () => {
    for (const [path, method, status] of [
      ['/cert/incidents', 'post', '201'],
      ['/cert/incidents/{id}', 'get', '200'],
      ['/cert/incidents/{id}', 'patch', '200'],
    ]) {
      expect(operation(path, method).responses[status].links.triageIncident).toMatchObject({
        operationId: 'triageIncident',
        parameters: { id: '$response.body#/id', 'header.if-match': '$response.header.etag' },
      });
    }
  });
});

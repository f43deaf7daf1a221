import {
  organizationShowParams,
  packageListParams,
  packageSearchParams,
  packageShowParams,
} from '../../../../lambda/open-data/domain/params';
import { parseParams } from '../../../../lambda/open-data/domain/validation';
import { packageCreateParams, resourceCreateParams } from '../../../../lambda/open-data/domain/write-params';
import { formatError } from '../../../../lambda/open-data/errors';
import type { HttpError } from '../../../../lambda/shared/errors';
import { thrown } from '../builders';

/** The status and the `error` member of CKAN's envelope a refused call answers with. */
function problem(call: () => unknown) {
  const error = thrown(call) as HttpError;
  return { status: error.status, body: (formatError(error, 'r') as { error: Record<string, any> }).error };
}

describe('read parameters', () => {
  it('reads GET strings as CKAN does: numbers, booleans and JSON lists', () => {
    const parsed = parseParams(packageSearchParams, {
      q: 'rain',
      rows: '20',
      start: '40',
      'facet.field': '["organization","tags"]',
      'facet.limit': '-1',
      include_private: 'True',
    });
    expect(parsed).toMatchObject({
      q: 'rain',
      rows: 20,
      start: 40,
      'facet.field': ['organization', 'tags'],
      'facet.limit': -1,
      include_private: true,
      facet: true,
    });
  });

  it('gives defaults: 10 rows from the start, facet.limit 50, mincount 1', () => {
    expect(parseParams(packageSearchParams, {})).toMatchObject({ rows: 10, start: 0, 'facet.limit': 50, 'facet.mincount': 1 });
  });

  it('refuses rows over 1000 with a 409 saying what to change', () => {
    const { status, body } = problem(() => parseParams(packageSearchParams, { rows: 1001 }));
    expect(status).toBe(409);
    expect(body).toMatchObject({ __type: 'Validation Error', rows: [expect.stringMatching(/1000 or less/)] });
  });

  it("refuses a negative start with CKAN's message", () => {
    expect(problem(() => parseParams(packageSearchParams, { start: '-1' })).body).toMatchObject({ start: ['Must be a natural number'] });
  });

  it("refuses a non-number with CKAN's message", () => {
    expect(problem(() => parseParams(packageSearchParams, { rows: 'ten' })).body).toMatchObject({ rows: ['Invalid integer'] });
  });

  it('ignores parameters an action does not read, as CKAN does (ckanapi sends include_private, include_users...)', () => {
    expect(parseParams(packageShowParams, { id: 'x', colour: 'red', include_users: true, include_datasets: false })).toEqual({ id: 'x' });
    expect(parseParams(packageListParams, { include_private: true, include_drafts: false, include_deleted: false })).toEqual({});
    expect(parseParams(organizationShowParams, { id: 'hk-td', include_users: true, include_password_hash: true })).toMatchObject({
      id: 'hk-td',
    });
  });

  it('takes a blank number as not given, as CKAN’s default and int_validator do, so its default applies', () => {
    expect(parseParams(packageSearchParams, { rows: '', start: ' ', 'facet.limit': '', 'facet.mincount': '' })).toMatchObject({
      rows: 10,
      start: 0,
      'facet.limit': 50,
      'facet.mincount': 1,
    });
    expect(parseParams(packageListParams, { limit: '', offset: '' })).toEqual({});
    expect(problem(() => parseParams(packageListParams, { offset: 'x' })).status).toBe(409);
  });

  it('answers parameters package_search does not take with CKAN’s Search Query Error, naming them', () => {
    const { status, body } = problem(() => parseParams(packageSearchParams, { q: 'rain', colour: 'red', 'facet.sort': 'count' }));
    expect(status).toBe(400);
    expect(body).toEqual({
      __type: 'Search Query Error',
      message: 'Search Query is invalid: Invalid search parameters: ["colour", "facet.sort"]',
    });
  });

  it('takes the Solr parameters CKAN passes on, ext_ parameters, fq_list and fl', () => {
    expect(
      parseParams(packageSearchParams, { qf: 'title^2', defType: 'edismax', wt: 'json', ext_bbox: '1,2,3,4', include_deleted: 'true' }),
    ).toMatchObject({ rows: 10 });
    expect(parseParams(packageSearchParams, { fq_list: '["tags:traffic","res_format:CSV"]', fl: 'name,title id' })).toMatchObject({
      fq_list: ['tags:traffic', 'res_format:CSV'],
      fl: ['name', 'title', 'id'],
    });
  });

  it('answers a parameter’s own problem before the search engine’s, as CKAN does', () => {
    expect(problem(() => parseParams(packageSearchParams, { rows: 'ten', colour: 'red' }))).toMatchObject({
      status: 409,
      body: { __type: 'Validation Error', rows: ['Invalid integer'] },
    });
  });

  it('reports a missing id as CKAN does', () => {
    expect(problem(() => parseParams(packageShowParams, {})).body).toMatchObject({ __type: 'Validation Error', id: ['Missing value'] });
  });
});

describe('write parameters', () => {
  it("refuses a name that breaks CKAN's rules with CKAN's per-field message", () => {
    const { status, body } = problem(() => parseParams(packageCreateParams, { name: 'Traffic Data', owner_org: 'hk-td' }));
    expect(status).toBe(409);
    expect(body).toEqual({
      __type: 'Validation Error',
      message: 'name: Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_',
      name: ['Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_'],
    });
  });

  it('nests resource errors by position, as CKAN does', () => {
    const { body } = problem(() =>
      parseParams(packageCreateParams, {
        name: 'ok-name',
        owner_org: 'hk-td',
        resources: [{ url: 'https://a.example/x' }, { url: 'ftp:/x' }],
      }),
    );
    expect(body.resources).toEqual([{}, { url: ['Please provide a valid URL'] }]);
  });

  it("checks tags with CKAN's rules", () => {
    const { body } = problem(() =>
      parseParams(packageCreateParams, { name: 'ok-name', owner_org: 'hk-td', tags: [{ name: 'a' }, { name: 'bad/tag' }] }),
    );
    expect(body.tags).toEqual([
      { name: ['Tag "a" length is less than minimum 2'] },
      { name: ['Tag "bad/tag" must be alphanumeric characters or symbols: -_.'] },
    ]);
  });

  it('accepts Chinese tags', () => {
    expect(() => parseParams(packageCreateParams, { name: 'ok-name', owner_org: 'hk-td', tags: [{ name: '交通' }] })).not.toThrow();
  });

  it('needs a url or an upload for a resource, not both', () => {
    expect(problem(() => parseParams(resourceCreateParams, { package_id: 'p' })).body).toMatchObject({
      url: [expect.stringMatching(/^Missing value/)],
    });
    const both = {
      package_id: 'p',
      url: 'https://a.example/x',
      upload: { filename: 'a.csv', content_type: 'text/csv', size: 1, sha256: 'a'.repeat(64) },
    };
    expect(problem(() => parseParams(resourceCreateParams, both)).body).toMatchObject({ upload: [expect.stringMatching(/not both/)] });
  });
});

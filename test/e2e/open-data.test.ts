import { createHash } from 'node:crypto';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { call, useLocalPlatform } from '../helpers/local-platform';
import dcatUsSchema from '../lambda/open-data/fixtures/dcat-us-1.1.schema.json';

/** A failure as a CKAN client raises it: by the envelope's `__type`, with the error object. */
class CkanApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly error: Record<string, unknown>,
  ) {
    super(`${type}: ${String(error.message)}`);
  }
}

interface ClientOptions {
  /** Sent as `Authorization`, as ckanapi sends its `apikey`. */
  readonly apikey?: string;
  /** Extra headers on every call, like a department's `x-api-key`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Call side-effect-free actions by GET with query parameters. @default false: POST with JSON */
  readonly getOnly?: boolean;
  /** `api/action/` (ckanapi) or `api/3/action/` (most other clients). @default 'api/action/' */
  readonly actionPath?: string;
}

/**
 * A CKAN client that calls exactly as ckanapi's RemoteCKAN does: the site address, then
 * `api/action/<name>`; a POST of the parameters as a JSON object with
 * `Content-Type: application/json` (a GET with query parameters for get-only calls); the API key
 * in `Authorization`; `result` on success, an error raised by `__type` otherwise.
 */
function remoteCkan(address: string, options: ClientOptions = {}) {
  const headers = (json: boolean): Record<string, string> => ({
    'user-agent': 'ckanapi/4.8 (+https://github.com/ckan/ckanapi)',
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(options.apikey ? { authorization: options.apikey, 'x-ckan-api-key': options.apikey } : {}),
    ...options.headers,
  });
  const url = (action: string) => `${address.replace(/\/+$/, '')}/${options.actionPath ?? 'api/action/'}${action}`;
  async function raw(action: string, data: Record<string, unknown> = {}, extraHeaders: Record<string, string> = {}) {
    let res: Response;
    if (options.getOnly) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(data)) {
        for (const item of Array.isArray(value) ? value : [value])
          params.append(key, typeof item === 'string' ? item : JSON.stringify(item));
      }
      res = await fetch(`${url(action)}?${params}`, { headers: { ...headers(false), ...extraHeaders } });
    } else {
      res = await fetch(url(action), { method: 'POST', headers: { ...headers(true), ...extraHeaders }, body: JSON.stringify(data) });
    }
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  }
  return {
    raw,
    async action<T = any>(action: string, data: Record<string, unknown> = {}, extraHeaders: Record<string, string> = {}): Promise<T> {
      const { status, body } = await raw(action, data, extraHeaders);
      if (body.success === true) return body.result as T;
      throw new CkanApiError(status, String(body.error?.__type), body.error ?? {});
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<CkanApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CkanApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const sha256 = (body: string) => createHash('sha256').update(body).digest('hex');

/** Seeded datasets the public must never see: private, draft, or both. */
const HIDDEN = [
  'hk-td-cctv-maintenance-schedule',
  'hk-epd-noise-complaint-statistics',
  'hk-hko-lightning-location-raw',
  'hk-dh-tobacco-control-statistics',
  'hk-landsd-survey-control-records',
];
/** Tags only hidden datasets carry. */
const HIDDEN_TAGS = ['internal', 'noise', 'lightning', 'tobacco', 'survey'];

describe('open data portal over HTTP in local mode, as CKAN clients call it', () => {
  const platform = useLocalPlatform(['open-data']);
  const site = () => `${platform.current.url}/open-data`;
  const ckan = (options: ClientOptions = {}) => remoteCkan(site(), options);
  const publisher = (code = 'TD') =>
    remoteCkan(`${site()}/publisher`, {
      apikey: `Bearer ${platform.current.tokens.officers[code]}`,
      headers: { 'x-api-key': platform.current.apiKeys[code] },
    });

  describe('reading the catalogue', () => {
    it('answers status_show, package_list, organization_list, tag_list and group_show as CKAN does', async () => {
      const client = ckan();
      expect(await client.action('status_show')).toMatchObject({ ckan_version: '2.10.4', site_url: site() });
      const names = await client.action<string[]>('package_list');
      expect(names).toContain('hk-td-tis_5-journey-time-indicators');
      expect(names).toEqual([...names].sort());
      expect(await client.action('package_list', { limit: 5, offset: 5 })).toEqual(names.slice(5, 10));
      expect(await client.action('organization_list')).toEqual(expect.arrayContaining(['hk-td', 'hk-epd', 'hk-hko', 'hk-dh', 'hk-landsd']));
      const orgs = await client.action<{ name: string; package_count: number }[]>('organization_list', { all_fields: true });
      expect(orgs.find((o) => o.name === 'hk-td')?.package_count).toBe(names.filter((n) => n.startsWith('hk-td-')).length);
      expect(await client.action('tag_list')).toEqual(expect.arrayContaining(['traffic', 'weather', '天氣']));
      const group = await client.action('group_show', { id: 'transport' });
      expect(group).toMatchObject({ name: 'transport', title: 'Transport', package_count: expect.any(Number) });
    });

    it('answers what ckanapi dump sends, ignoring the parameters an action does not read', async () => {
      const client = ckan();
      const names = await client.action<string[]>('package_list', {
        include_private: false,
        include_drafts: false,
        include_deleted: false,
      });
      expect(names).toEqual(await client.action('package_list'));
      const shown = await client.action('package_show', {
        id: names[0],
        include_datasets: false,
        include_password_hash: true,
        include_users: false,
      });
      expect(shown).toMatchObject({ name: names[0] });
      const org = await client.action('organization_show', {
        id: 'hk-td',
        include_datasets: false,
        include_password_hash: true,
        include_users: false,
      });
      expect(org).toMatchObject({ name: 'hk-td', is_organization: true });
      expect(await client.action('group_list')).toContain('transport');
    });

    it('answers an action’s help link with help_show', async () => {
      const { body } = await ckan().raw('package_search', { q: 'rainfall' });
      const help = await fetch(body.help as string);
      expect(help.status).toBe(200);
      expect(await help.json()).toMatchObject({ success: true, result: expect.stringMatching(/^package_search: /) });
    });

    it('answers the same by GET at the versioned path, as other clients call it', async () => {
      const byGet = ckan({ getOnly: true, actionPath: 'api/3/action/' });
      const show = await byGet.action('package_show', { id: 'hk-hko-daily-total-rainfall' });
      expect(show).toMatchObject({
        name: 'hk-hko-daily-total-rainfall',
        organization: { name: 'hk-hko' },
        num_resources: expect.any(Number),
      });
      expect(await ckan().action('package_show', { id: show.id })).toEqual(show);
    });

    it('searches with q, fq, rows, start and facets, by GET and by POST alike', async () => {
      const query = {
        q: 'traffic',
        fq: 'organization:hk-td',
        rows: 2,
        start: 0,
        'facet.field': ['organization', 'res_format'],
        'facet.limit': 5,
      };
      const first = await ckan({ getOnly: true }).action('package_search', query);
      expect(first.count).toBeGreaterThan(2);
      expect(first.results).toHaveLength(2);
      for (const pkg of first.results) expect(pkg.organization.name).toBe('hk-td');
      expect(Object.keys(first.search_facets).sort()).toEqual(['organization', 'res_format']);
      expect(first.search_facets.organization.items).toEqual([expect.objectContaining({ name: 'hk-td', count: first.count })]);
      expect(await ckan().action('package_search', query)).toEqual(first);

      const second = await ckan({ getOnly: true }).action('package_search', { ...query, start: 2 });
      const seen = [...first.results, ...second.results].map((pkg: { name: string }) => pkg.name);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(Math.min(4, first.count));
    });

    it('answers in Traditional and Simplified Chinese under /tc-data and /sc-data, and finds Chinese words', async () => {
      const tc = await remoteCkan(`${site()}/tc-data`, { getOnly: true, actionPath: 'api/3/action/' }).action('package_search', {
        q: '天氣預報',
      });
      expect(tc.count).toBeGreaterThan(0);
      expect(tc.results[0]).toMatchObject({
        name: 'hk-hko-rss-9-day-weather-forecast',
        title: '九天天氣預報',
        organization: { title: '香港天文台' },
      });
      const sc = await remoteCkan(`${site()}/sc-data`).action('package_search', { q: '天气预报' });
      expect(sc.results[0]).toMatchObject({ name: 'hk-hko-rss-9-day-weather-forecast', title: '九天天气预报' });
      const en = await ckan().action('package_show', { id: 'hk-hko-rss-9-day-weather-forecast' });
      expect(en.title).toBe('9-day Weather Forecast');
    });
  });

  describe('bad requests get CKAN’s error envelope with a 4xx saying what to change', () => {
    it.each([
      ['an unknown action', () => ckan().raw('package_explode'), 400, 'Bad Request', /Action name not known: package_explode/],
      [
        'rows over 1000',
        () => ckan({ getOnly: true }).raw('package_search', { rows: 5000 }),
        409,
        'Validation Error',
        /rows: Must be 1000 or less/,
      ],
      ['a negative start', () => ckan().raw('package_search', { start: -1 }), 409, 'Validation Error', /start: Must be a natural number/],
      [
        'an unknown sort field',
        () => ckan().raw('package_search', { sort: 'downloads desc' }),
        409,
        'Search Error',
        /can not sort on undefined field "downloads"/,
      ],
      [
        'a write action on the public site',
        () => ckan().raw('package_create', { name: 'x' }),
        403,
        'Authorization Error',
        /\/publisher\/api\/3\/action\/package_create/,
      ],
    ])('%s', async (what, send, status, type, message) => {
      const { status: got, body } = await send();
      expect(got).toBe(status);
      expect(body).toMatchObject({
        success: false,
        // An action's refusal links to its help; an unknown action has none, so it links to the API's documentation.
        help: expect.stringMatching(what === 'an unknown action' ? /^https:\/\/docs\.ckan\.org\// : /help_show\?name=/),
        error: { __type: type, message: expect.stringMatching(message) },
      });
    });

    it.each([
      [
        'unreadable JSON',
        'POST',
        '/open-data/api/3/action/package_search',
        { body: '{"q": ', headers: { 'content-type': 'application/json' } },
        400,
        'Bad Request',
        /JSON Error: Error decoding JSON data/,
      ],
      [
        'a JSON body that is not an object',
        'POST',
        '/open-data/api/action/package_search',
        { body: [1, 2] },
        400,
        'Bad Request',
        /needs to be a dictionary/,
      ],
      ['an unknown path', 'GET', '/open-data/api/4/action/package_list', {}, 404, 'Not Found Error', /No route/],
      [
        'a body over the cap',
        'POST',
        '/open-data/api/3/action/package_search',
        { body: { q: 'x'.repeat(300 * 1024) } },
        413,
        'Bad Request',
        /larger than 262144 bytes/,
      ],
      [
        'a publisher call without the department API key',
        'POST',
        '/open-data/publisher/api/action/package_create',
        // An officer's token: without one, API Gateway's authorizer answers 401 before any key is looked at.
        {
          body: {},
          get token() {
            return platform.current.tokens.officers.DPO;
          },
        },
        403,
        'Authorization Error',
        /API key/,
      ],
      [
        'an archive call with a bad day',
        'GET',
        '/open-data/v1/historical-archive/list-files?start=2024-01-01&end=20240131',
        {},
        400,
        'Validation Error',
        /start: Must be a calendar day written as YYYYMMDD/,
      ],
      [
        'a body nested 5,000 levels deep, to a publishing action',
        'POST',
        '/open-data/api/3/action/package_create',
        { body: `{"name": ${'['.repeat(5000)}${']'.repeat(5000)}}` },
        400,
        'Bad Request',
        /deeper than 32 levels/,
      ],
      [
        'a GET of an action with side effects, which CKAN refuses before anything else',
        'GET',
        '/open-data/api/3/action/resource_upload_complete?id=x',
        {},
        400,
        'Bad Request',
        /Please use POST method/,
      ],
      [
        'a package_search sort not written as clauses',
        'GET',
        '/open-data/tc-data/api/3/action/package_search?sort=name',
        {},
        400,
        'Search Query Error',
        /Invalid "sort" parameter/,
      ],
      [
        'a package_search parameter it does not take, at its own path',
        'POST',
        '/open-data/api/action/package_search',
        { body: { q: 'rain', all_fields: true } },
        400,
        'Search Query Error',
        /Invalid search parameters: \["all_fields"\]/,
      ],
      [
        'package_search rows that are not a number',
        'GET',
        '/open-data/en-data/api/3/action/package_search?rows=ten',
        {},
        409,
        'Validation Error',
        /rows: Must be a natural number/,
      ],
      [
        'package_search parameters of the wrong kind in a body, each named with what it must be',
        'POST',
        '/open-data/sc-data/api/3/action/package_search',
        { body: { rows: true, start: -1, facet: 5 } },
        409,
        'Validation Error',
        /^rows: Must be a natural number; start: Must be a natural number; facet: Must be true or false/,
      ],
      [
        'a filter the search engine cannot parse',
        'GET',
        `/open-data/api/3/action/package_search?fq=${encodeURIComponent('tags:"unclosed')}`,
        {},
        409,
        'Search Error',
        /cannot parse the filter query/,
      ],
      [
        'an archived file URL over 2,048 characters, percent-encoded past Node’s 16 KiB of request line',
        'GET',
        `/open-data/v1/historical-archive/get-file?time=20240101-0000&url=${encodeURIComponent(`https://files.example/${'好'.repeat(2100)}`)}`,
        {},
        400,
        'Validation Error',
        /url: Must be at most 2048 characters long/,
      ],
      [
        'an archive listing over eleven centuries',
        'GET',
        '/open-data/v1/historical-archive/list-files?start=19000101&end=29991231',
        {},
        400,
        'Validation Error',
        /end: The period may span at most 366 days/,
      ],
    ] as const)('%s (answered before any action runs)', async (_what, method, path, options, status, type, message) => {
      const res = await call(platform.current, method, path, options as Parameters<typeof call>[3]);
      expect(res.status).toBe(status);
      expect(res.json).toMatchObject({ success: false, error: { __type: type, message: expect.stringMatching(message) } });
    });

    it('answers package_search at its own path on every site, empty values as not given and extensions’ ext_ parameters taken', async () => {
      for (const site of ['', '/en-data', '/tc-data', '/sc-data']) {
        const got = await call(
          platform.current,
          'GET',
          `/open-data${site}/api/3/action/package_search?rows=&start=&facet.limit=&ext_bbox=1`,
        );
        expect(got.status).toBe(200);
        expect(got.json).toMatchObject({ success: true, help: expect.stringMatching(/help_show\?name=package_search$/) });
        const posted = await call(platform.current, 'POST', `/open-data${site}/api/action/package_search`, {
          body: { q: '', rows: '5', start: 0, facet: 'false', ext_spatial: { any: 'thing' } },
        });
        expect(posted.status).toBe(200);
        expect(posted.json.result.results.length).toBeLessThanOrEqual(5);
      }
    });

    it('links a refusal of package_search’s parameters to its help, as the action’s own refusals', async () => {
      const res = await call(platform.current, 'GET', '/open-data/api/3/action/package_search?start=-1');
      expect(res.status).toBe(409);
      expect(res.json).toMatchObject({ help: expect.stringMatching(/\/open-data\/api\/3\/action\/help_show\?name=package_search$/) });
    });

    it('answers a publisher call with the API key but no token 401, in the same envelope', async () => {
      const res = await call(platform.current, 'POST', '/open-data/publisher/api/3/action/package_create', {
        apiKey: platform.current.apiKeys.TD,
        body: { name: 'no-token' },
      });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({
        success: false,
        error: { __type: 'Authorization Error', message: expect.stringMatching(/bearer token/) },
      });
    });

    it('refuses a package name that breaks CKAN’s rules with a per-field message, and stores nothing', async () => {
      const before = await ckan().action<string[]>('package_list');
      const error = await failure(publisher().action('package_create', { name: 'Rain Data!', owner_org: 'hk-td', title: 'Rain' }));
      expect(error).toMatchObject({ status: 409, type: 'Validation Error' });
      expect(error.error.name).toEqual(['Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_']);
      expect(await ckan().action('package_list')).toEqual(before);
      expect(await failure(publisher().action('package_show', { id: 'Rain Data!' }))).toMatchObject({
        status: 404,
        type: 'Not Found Error',
      });
    });
  });

  describe('publishing', () => {
    const name = 'hk-td-e2e-car-park-vacancy';

    it('lets an officer publish a dataset and a file through a presigned upload, downloaded through its counting link', async () => {
      const officer = publisher('TD');
      const created = await officer.action('package_create', {
        name,
        owner_org: 'hk-td',
        title: 'Car park vacancy',
        title_translated: { tc: '停車場空置車位', sc: '停车场空置车位' },
        notes: 'Vacant parking spaces of government car parks.',
        tags: [{ name: 'parking' }, { name: 'traffic' }],
        groups: [{ name: 'transport' }],
      });
      expect(created).toMatchObject({ name, state: 'active', private: false, organization: { name: 'hk-td' }, num_resources: 0 });

      const tooBig = await failure(
        officer.action('resource_create', {
          package_id: name,
          upload: { filename: 'huge.csv', content_type: 'text/csv', size: 1024 ** 4, sha256: sha256('x') },
        }),
      );
      expect(tooBig).toMatchObject({
        status: 409,
        type: 'Validation Error',
        error: { upload: { size: [expect.stringMatching(/largest accepted/)] } },
      });

      const body = 'car_park,vacancies\nCity Hall,42\nStar Ferry,7\n';
      const resource = await officer.action('resource_create', {
        package_id: name,
        name: 'Vacancies now',
        upload: { filename: 'vacancy.csv', content_type: 'text/csv', size: Buffer.byteLength(body), sha256: sha256(body) },
      });
      expect(resource.upload).toMatchObject({ method: 'PUT', url: expect.any(String), upload_id: expect.any(String) });
      const put = await fetch(resource.upload.url, { method: 'PUT', headers: resource.upload.headers, body });
      expect(put.status).toBe(200);
      const completed = await officer.action('resource_upload_complete', { upload_id: resource.upload.upload_id });
      expect(completed).toMatchObject({ id: resource.id, size: Buffer.byteLength(body), hash: sha256(body), format: 'CSV' });

      const found = await ckan().action('package_search', { q: 'vacancy parking' });
      expect(found.results.map((pkg: { name: string }) => pkg.name)).toContain(name);

      const download = await fetch(`${platform.current.url}${new URL(completed.url).pathname}`, { redirect: 'manual' });
      expect(download.status).toBe(302);
      expect(await (await fetch(download.headers.get('location') as string)).text()).toBe(body);
    });

    it('refuses a concurrent update instead of losing it (If-Match, and package_revise with match)', async () => {
      const officer = publisher('TD');
      const shown = await officer.raw('package_show', { id: name });
      const etag = shown.headers.get('etag') as string;
      expect(etag).toMatch(/^".+"$/);
      const first = await officer.raw('package_patch', { id: name, notes: 'First writer' }, { 'if-match': etag });
      expect(first.status).toBe(200);
      const second = await officer.raw('package_patch', { id: name, notes: 'Second writer' }, { 'if-match': etag });
      expect(second.status).toBe(409);
      expect(second.body.error).toMatchObject({ __type: 'Validation Error', match: [expect.stringMatching(/fetch it again/)] });

      const stale = await failure(
        officer.action('package_revise', {
          match: { name, metadata_modified: shown.body.result.metadata_modified },
          update: { notes: 'Third' },
        }),
      );
      expect(stale).toMatchObject({ status: 409, error: { match: ['metadata_modified'] } });
      expect((await ckan().action('package_show', { id: name })).notes).toBe('First writer');
    });

    it('keeps other departments’ officers out of a dataset they do not own', async () => {
      const error = await failure(publisher('FEHD').action('package_patch', { id: name, notes: 'Not ours' }));
      expect(error).toMatchObject({ status: 403, type: 'Authorization Error' });
    });
  });

  describe('private and draft datasets', () => {
    it('never appear to anonymous callers in search, lists or facets, even when asked for', async () => {
      const names = await ckan().action<string[]>('package_list');
      const search = await ckan().action('package_search', {
        rows: 1000,
        include_private: true,
        include_drafts: true,
        'facet.field': ['organization', 'tags', 'groups'],
        'facet.limit': -1,
      });
      const found = search.results.map((pkg: { name: string }) => pkg.name);
      for (const hidden of HIDDEN) {
        expect(names).not.toContain(hidden);
        expect(found).not.toContain(hidden);
        expect((await ckan().raw('package_show', { id: hidden })).status).toBe(404);
      }
      expect(search.count).toBe(names.length);
      const tagFacet = search.search_facets.tags.items.map((item: { name: string }) => item.name);
      const tags = await ckan().action<string[]>('tag_list');
      for (const tag of HIDDEN_TAGS) {
        expect(tagFacet).not.toContain(tag);
        expect(tags).not.toContain(tag);
      }
      const orgCounts = Object.fromEntries(
        search.search_facets.organization.items.map((i: { name: string; count: number }) => [i.name, i.count]),
      );
      expect(orgCounts['hk-td']).toBe(names.filter((n) => n.startsWith('hk-td-')).length);
    });

    it('appear to an officer of the owning department on the publishers’ site, and only to them', async () => {
      const query = { q: 'maintenance', include_private: true, include_drafts: true };
      const td = await publisher('TD').action('package_search', query);
      expect(td.results.map((pkg: { name: string }) => pkg.name)).toContain('hk-td-cctv-maintenance-schedule');
      const other = await publisher('DPO').action('package_search', query);
      expect(other.results.map((pkg: { name: string }) => pkg.name)).not.toContain('hk-td-cctv-maintenance-schedule');
      expect(await publisher('TD').action('package_show', { id: 'hk-td-cctv-maintenance-schedule' })).toMatchObject({ private: true });
    });
  });

  describe('the historical archive', () => {
    it('lists files and their versions and serves a version by redirect', async () => {
      const listed = await call(
        platform.current,
        'GET',
        '/open-data/v1/historical-archive/list-files?start=20240101&end=20241231&search=rainfall',
      );
      expect(listed.status).toBe(200);
      expect(listed.json['file-count']).toBeGreaterThan(0);
      const file = listed.json.files[0];
      expect(file).toMatchObject({
        'dataset-id': 'hk-hko-daily-total-rainfall',
        'provider-id': 'hk-hko',
        'dataset-name-tc': expect.any(String),
      });
      for (const hidden of HIDDEN) expect(listed.text).not.toContain(hidden);

      const query = new URLSearchParams({ url: file.url, start: '20240101', end: '20241231' });
      const versions = await call(platform.current, 'GET', `/open-data/v1/historical-archive/list-file-versions?${query}`);
      expect(versions.json['version-count']).toBe(file['version-count']);
      expect(versions.json.timestamps[0]).toMatch(/^\d{8}-\d{4}$/);

      const bodies: string[] = [];
      for (const time of versions.json.timestamps) {
        const got = await fetch(`${site()}/v1/historical-archive/get-file?${new URLSearchParams({ url: file.url, time })}`, {
          redirect: 'manual',
        });
        expect(got.status).toBe(302);
        bodies.push(await (await fetch(got.headers.get('location') as string)).text());
      }
      expect(bodies.every((b) => b.length > 0)).toBe(true);
      if (bodies.length > 1) expect(new Set(bodies).size).toBe(bodies.length);

      const missing = await call(
        platform.current,
        'GET',
        `/open-data/v1/historical-archive/get-file?${new URLSearchParams({ url: file.url, time: '19990101-0000' })}`,
      );
      expect(missing.status).toBe(404);
      expect(missing.json).toMatchObject({
        success: false,
        error: { __type: 'Not Found Error', message: expect.stringMatching(/list-file-versions/) },
      });
    });
  });

  describe('DCAT exports', () => {
    it('publishes data.json valid against DCAT-US 1.1, and catalog.jsonld, without unpublished datasets', async () => {
      const dataJson = await call(platform.current, 'GET', '/open-data/data.json');
      expect(dataJson.status).toBe(200);
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(dcatUsSchema);
      expect(validate(dataJson.json) || validate.errors).toBe(true);
      expect(dataJson.json.dataset.map((d: { title: string }) => d.title)).not.toContain('Traffic Camera Maintenance Schedule');

      const jsonld = await call(platform.current, 'GET', '/open-data/catalog.jsonld');
      expect(jsonld.headers.get('content-type')).toMatch(/^application\/ld\+json/);
      expect(jsonld.json).toMatchObject({ '@context': expect.anything(), '@id': `${site()}/catalog.jsonld` });
      expect(jsonld.json['dcat:dataset']).toHaveLength(dataJson.json.dataset.length);
    });
  });
});

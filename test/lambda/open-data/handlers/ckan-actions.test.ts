import type { ActionCall, RequestContext } from '../../../../lambda/open-data/app/actions';
import { SearchIndex } from '../../../../lambda/open-data/domain/search-index';
import {
  actionHelp,
  formatError,
  inAction,
  notAuthorized,
  notFound,
  searchFailed,
  searchQueryInvalid,
  unknownAction,
} from '../../../../lambda/open-data/errors';
import { answerAction } from '../../../../lambda/open-data/handlers/http';
import type { OpenDataPorts } from '../../../../lambda/open-data/ports';
import { ACTION_SITES, CKAN_ACTIONS, openDataService } from '../../../../lambda/open-data/routes';
import { HttpError } from '../../../../lambda/shared/errors';
import { dataset, organization } from '../builders';
import { PUBLIC, TD, useSeededOpenData } from '../open-data-setup';

const HELP = (action: string) => `https://data.example.gov.hk/open-data/api/3/action/help_show?name=${action}`;

const MAIN_SITE = ACTION_SITES.find((site) => !site.publisher && site.path === '')!;
/** Every action answers on the publishers' site; who calls is the context given. */
const PUBLISHERS_SITE = ACTION_SITES.find((site) => site.publisher)!;

interface Answer {
  readonly status: number;
  readonly body: { readonly help: string; readonly success: boolean; readonly result?: unknown; readonly error?: Record<string, unknown> };
}

/** What the runtime sends for an action: its envelope, or a refusal in the envelope the service's formatter gives it. */
async function answer(ports: OpenDataPorts, ctx: RequestContext, action: string, request: ActionCall['request']): Promise<Answer> {
  try {
    return (await answerAction(ports, ctx, { site: PUBLISHERS_SITE, action, request })) as Answer;
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { status: error.status, body: openDataService.formatError(error, 'r') as Answer['body'] };
  }
}

describe('answerAction: the Action API as a CKAN client sees it', () => {
  const env = useSeededOpenData();
  const get = (action: string, query: Record<string, string | string[]> = {}, ctx = PUBLIC) =>
    answer(env.deps, ctx, action, { method: 'GET', query });
  const post = (action: string, body: unknown, ctx = PUBLIC) =>
    answer(env.deps, ctx, action, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('answers a GET with the success envelope', async () => {
    const response = await get('package_list', { limit: '3' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ help: HELP('package_list'), success: true, result: expect.any(Array) });
    expect((response.body as { result: string[] }).result).toHaveLength(3);
  });

  it('answers a POST with a JSON body the same way', async () => {
    const response = await post('package_search', { q: 'rainfall', rows: 5, 'facet.field': ['tags'] });
    expect(response).toMatchObject({
      status: 200,
      body: { success: true, result: { count: expect.any(Number), search_facets: { tags: expect.any(Object) } } },
    });
  });

  it('reads repeated GET parameters as a list and ignores JSONP callback', async () => {
    const response = await get('package_search', { 'facet.field': ['organization', 'tags'], callback: 'cb' });
    expect(Object.keys((response.body as { result: { search_facets: object } }).result.search_facets).sort()).toEqual([
      'organization',
      'tags',
    ]);
  });

  it.each([
    ['an unknown action', () => get('package_explode'), 400, 'Bad Request', /Action name not known: package_explode/],
    ['bad JSON', () => post('package_search', '{"q": '), 400, 'Bad Request', /JSON Error/],
    ['a JSON body that is not an object', () => post('package_search', '[1,2]'), 400, 'Bad Request', /needs to be a dictionary/],
    ['a write action by GET', () => get('package_create', { name: 'x' }, TD), 400, 'Bad Request', /Please use POST/],
    ['rows over the cap', () => get('package_search', { rows: '5000' }), 409, 'Validation Error', /rows: Must be 1000 or less/],
    ['a negative start', () => get('package_search', { start: '-10' }), 409, 'Validation Error', /start: Must be a natural number/],
    [
      'an unknown sort field',
      () => get('package_search', { sort: 'downloads desc' }),
      409,
      'Search Error',
      /can not sort on undefined field "downloads"/,
    ],
    ['a sort without direction', () => get('package_search', { sort: 'name' }), 400, 'Search Query Error', /Invalid "sort" parameter/],
    [
      'a parameter package_search does not take',
      () => get('package_search', { q: 'rain', fields: 'all' }),
      400,
      'Search Query Error',
      /Invalid search parameters: \["fields"\]/,
    ],
    ['a missing dataset', () => get('package_show', { id: 'no-such-dataset' }), 404, 'Not Found Error', /Not found/],
    [
      'publishing without signing in',
      () => post('package_create', { name: 'anon-data', owner_org: 'hk-td', title: 'x' }),
      403,
      'Authorization Error',
      /Access denied/,
    ],
  ])('answers %s with CKAN’s error envelope', async (_what, call, status, type, message) => {
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ success: false, error: { __type: type, message: expect.stringMatching(message) } });
    // An action's refusal links to its help; an unknown action has none, so it links to the API's documentation.
    expect(response.body.help).toMatch(_what === 'an unknown action' ? /^https:\/\/docs\.ckan\.org\// : /help_show\?name=/);
  });

  it('ignores parameters other actions do not read, as CKAN does', async () => {
    const show = await get('package_show', { id: 'hk-hko-daily-total-rainfall', include_users: 'true', fields: 'all' });
    expect(show).toMatchObject({ status: 200, body: { success: true, result: { name: 'hk-hko-daily-total-rainfall' } } });
    const list = await post('package_list', { include_private: true, include_drafts: true, include_deleted: true });
    expect(list).toMatchObject({ status: 200, body: { success: true } });
  });

  it("refuses a bad dataset name with CKAN's per-field message and stores nothing", async () => {
    const response = await post('package_create', { name: 'Rain Data!', owner_org: 'hk-td', title: 'Rain' }, TD);
    expect(response).toEqual({
      status: 409,
      body: {
        help: HELP('package_create'),
        success: false,
        error: {
          __type: 'Validation Error',
          message: 'name: Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_',
          name: ['Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_'],
        },
      },
    });
    expect((await get('package_show', { id: 'Rain Data!' })).status).toBe(404);
  });

  describe('quotes only an excerpt of what was sent', () => {
    const long = 'x'.repeat(20_000);
    it.each([
      ['a long tag', () => post('package_create', { name: 'hk-td-long-tag', owner_org: 'hk-td', tags: [{ name: long }] }, TD)],
      ['a long unknown facet field', () => post('package_search', { 'facet.field': [long] })],
      ['a long filter field', () => post('package_search', { fq: `${long.slice(0, 1900)}:x` })],
      ['a long unknown action', () => post(long, {})],
      [
        'a long body that is not an object',
        () => post('package_search', JSON.stringify(Array.from({ length: 5000 }, () => long.slice(0, 40)))),
      ],
      [
        'a long unknown group',
        () => post('package_create', { name: 'hk-td-long-group', owner_org: 'hk-td', groups: [{ name: long }] }, TD),
      ],
      [
        'hundreds of bad resources',
        () =>
          post(
            'package_create',
            {
              name: 'hk-td-bad-links',
              owner_org: 'hk-td',
              resources: Array.from({ length: 200 }, () => ({ url: `ftp://${long.slice(0, 50)}` })),
            },
            TD,
          ),
      ],
    ])('%s', async (_what, call) => {
      const response = await call();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const { message } = response.body.error as { message: string };
      expect(message.length).toBeLessThan(400);
      expect(JSON.stringify(response.body)).not.toContain(long.slice(0, 200));
    });

    it('cuts a quotation between characters, never inside one', async () => {
      const response = await post('package_search', { 'facet.field': ['a'.repeat(58) + '😀'.repeat(10)] });
      const { message } = response.body.error as { message: string };
      expect(message).toContain(`"${'a'.repeat(58)}…"`);
      expect(message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    });

    it('names how many more problems there are past the first five', async () => {
      const resources = Array.from({ length: 25 }, () => ({ url: 'not a link' }));
      const response = await post('package_create', { name: 'hk-td-bad-links', owner_org: 'hk-td', resources }, TD);
      expect(response.status).toBe(409);
      expect((response.body.error as { message: string }).message).toMatch(/; and 20 more$/);
      expect((response.body.error as { resources: unknown[] }).resources).toHaveLength(25);
    });
  });

  it('marks exactly the read actions as callable by GET', () => {
    const readable = Object.entries(CKAN_ACTIONS)
      .filter(([, spec]) => (spec.methods as readonly string[]).includes('GET'))
      .map(([name]) => name)
      .sort();
    expect(readable).toEqual([
      'current_package_list_with_resources',
      'format_autocomplete',
      'group_autocomplete',
      'group_list',
      'group_package_show',
      'group_show',
      'help_show',
      'license_list',
      'organization_autocomplete',
      'organization_list',
      'organization_list_for_user',
      'organization_show',
      'package_autocomplete',
      'package_list',
      'package_search',
      'package_show',
      'resource_search',
      'resource_show',
      'resource_view_list',
      'site_read',
      'status_show',
      'tag_autocomplete',
      'tag_list',
      'tag_search',
      'tag_show',
      'vocabulary_list',
    ]);
  });
});

describe('envelope', () => {
  it('wraps a result in help, success and result', async () => {
    const index = new SearchIndex([organization('hk-td', 'TD')]);
    index.upsert(dataset('a'));
    const ports = {
      site: { siteUrl: 'https://data.example/open-data/' },
      catalog: { current: async () => index },
    } as unknown as OpenDataPorts;
    const call: ActionCall = { site: MAIN_SITE, action: 'package_list', request: { method: 'GET', query: {} } };
    expect(await answerAction(ports, PUBLIC, call)).toEqual({
      status: 200,
      body: { help: 'https://data.example/open-data/api/3/action/help_show?name=package_list', success: true, result: ['a'] },
    });
  });

  it.each([
    ['not found', 'Not found', 404, 'Not Found Error', () => notFound()],
    ['not authorized', 'Access denied', 403, 'Authorization Error', () => notAuthorized()],
    ['an unknown action', 'Bad request - Action name not known: x', 400, 'Bad Request', () => unknownAction('x')],
    ['a malformed search', 'Search Query is invalid: x', 400, 'Search Query Error', () => searchQueryInvalid('x')],
    ['a search that cannot run', 'Search error: x', 409, 'Search Error', () => searchFailed('x')],
  ] as const)('maps %s ("%s") to %i with __type %s', (_kind, message, status, type, make) => {
    const error = inAction(make(), actionHelp('https://d', 'package_show')) as HttpError;
    expect({ status: error.status, body: formatError(error, 'r') }).toEqual({
      status,
      body: { help: actionHelp('https://d', 'package_show'), success: false, error: { __type: type, message } },
    });
  });
});

import type { APIGatewayProxyEvent } from 'aws-lambda';
import { downloadStatistics } from '../../../lambda/open-data/app/downloads';
import { createOpenDataPorts } from '../../../lambda/open-data/compose';
import { formatError as ckanErrorFormat, requestError as ckanRequestError, MAX_PARAMETER_DEPTH } from '../../../lambda/open-data/errors';
import { openDataService } from '../../../lambda/open-data/routes';
import { seedOpenData } from '../../../lambda/open-data/seed';
import { storage } from '../../../lambda/open-data/storage';
import { type ApiHandler, MAX_JSON_DEPTH } from '../../../lambda/shared/api-handler';
import { HttpError } from '../../../lambda/shared/errors';
import { gatewayErrorTemplate } from '../../../lib/constructs/service-api-gateway-responses';
import { LOCAL_ISSUERS } from '../../../lib/local/tokens';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';

const SITE_URL = 'https://api.example.gov.hk/v1/open-data';
const FILES_URL = 'https://files.example.cloudfront.net';

/** A REST API proxy event as API Gateway sends it for one route, on stage v1. */
function event(
  method: string,
  resource: string,
  path: string,
  options: { params?: Record<string, string>; query?: Record<string, string>; claims?: Record<string, string>; host?: string } = {},
): APIGatewayProxyEvent {
  return {
    resource,
    path,
    httpMethod: method,
    headers: { Host: options.host ?? 'api.example.gov.hk', 'X-Forwarded-Proto': 'https' },
    multiValueHeaders: {},
    queryStringParameters: options.query ?? null,
    multiValueQueryStringParameters: options.query ? Object.fromEntries(Object.entries(options.query).map(([k, v]) => [k, [v]])) : null,
    pathParameters: options.params ?? null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: {
      requestId: 'r-1',
      path: `/v1${path}`,
      identity: { sourceIp: '203.0.113.9' },
      authorizer: options.claims ? { claims: options.claims } : null,
    },
  } as unknown as APIGatewayProxyEvent;
}

describe('open data API entry, as API Gateway calls it in AWS', () => {
  useEmbeddedStorage('open-data', storage);
  let api: ApiHandler;

  beforeAll(async () => {
    // The stack sets these; the handler reads them when its module loads.
    process.env.OPEN_DATA_SITE_URL = SITE_URL;
    process.env.OPEN_DATA_DOWNLOAD_URL = FILES_URL;
    process.env.STAFF_TOKEN_ISSUER = LOCAL_ISSUERS.staff;
    await seedOpenData(createOpenDataPorts());
    api = (require('../../../lambda/open-data/handlers/http') as typeof import('../../../lambda/open-data/handlers/http')).handler;
  });

  afterAll(() => {
    delete process.env.OPEN_DATA_SITE_URL;
    delete process.env.OPEN_DATA_DOWNLOAD_URL;
  });

  it('puts the configured site URL in links, whatever host the caller used', async () => {
    const result = await api(
      event('GET', '/open-data/api/3/action/{action}', '/open-data/api/3/action/status_show', {
        params: { action: 'status_show' },
        host: 'abc123.execute-api.ap-east-1.amazonaws.com',
      }),
    );
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({
      help: `${SITE_URL}/api/3/action/help_show?name=status_show`,
      result: { site_url: SITE_URL },
    });
  });

  it('counts a download and redirects it to the file on CloudFront', async () => {
    const deps = createOpenDataPorts();
    const pkg = (await deps.packages.getByName('hk-hko-daily-total-rainfall'))!;
    const resource = pkg.resources.find((r) => r.object_key)!;
    expect(resource.url.startsWith(`${SITE_URL}/dataset/${pkg.id}/resource/${resource.id}/download/`)).toBe(true);
    const download = () =>
      api(
        event('GET', '/open-data/dataset/{packageId}/resource/{resourceId}/download/{fileName}', new URL(resource.url).pathname.slice(3), {
          params: { packageId: pkg.id, resourceId: resource.id, fileName: 'rainfall.csv' },
        }),
      );
    const first = await download();
    expect(first.statusCode).toBe(302);
    expect(first.headers?.location).toBe(`${FILES_URL}/${resource.object_key!.split('/').map(encodeURIComponent).join('/')}`);
    await download();
    const counted = (await downloadStatistics(deps)).find((entry) => entry.packageId === pkg.id);
    expect(counted).toMatchObject({ total: 2, resources: { [resource.id]: 2 } });
  });

  it('answers public sites anonymously even when the request carries an officer’s claims', async () => {
    const officer = { sub: 'officer-td', iss: LOCAL_ISSUERS.staff, 'custom:department': 'TD', 'custom:roles': 'officer' };
    const show = (resource: string, path: string) =>
      api(
        event('GET', resource, path, {
          params: { action: 'package_show' },
          query: { id: 'hk-td-cctv-maintenance-schedule' },
          claims: officer,
        }),
      );
    const publicSite = await show('/open-data/api/3/action/{action}', '/open-data/api/3/action/package_show');
    expect(publicSite.statusCode).toBe(404);
    const publisherSite = await show('/open-data/publisher/api/3/action/{action}', '/open-data/publisher/api/3/action/package_show');
    expect(publisherSite.statusCode).toBe(200);
    expect(publisherSite.headers?.etag).toMatch(/^".+\.\d+"$/);
  });

  it('answers a download of an unpublished dataset 404 in CKAN’s envelope, counting nothing', async () => {
    const deps = createOpenDataPorts();
    const hidden = (await deps.packages.getByName('hk-td-cctv-maintenance-schedule'))!;
    const resource = hidden.resources[0];
    const result = await api(
      event('GET', '/open-data/dataset/{packageId}/resource/{resourceId}/download/{fileName}', `/open-data/dataset/${hidden.id}/x`, {
        params: { packageId: hidden.id, resourceId: resource.id, fileName: 'x.csv' },
      }),
    );
    expect(result.statusCode).toBe(404);
    expect(JSON.parse(result.body)).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    expect((await downloadStatistics(deps)).find((entry) => entry.packageId === hidden.id)).toBeUndefined();
  });

  describe('bodies nested too deep, and long input', () => {
    const post = (action: string, body: string) =>
      api({
        // package_search has its own resource, as API Gateway routes it; every other action is {action}.
        ...(action === 'package_search'
          ? event('POST', '/open-data/api/3/action/package_search', '/open-data/api/3/action/package_search')
          : event('POST', '/open-data/api/3/action/{action}', `/open-data/api/3/action/${action}`, { params: { action } })),
        headers: { Host: 'api.example.gov.hk', 'Content-Type': 'application/json' },
        body,
      });

    it('holds the service to the depth the runtime reads', () => {
      expect(MAX_PARAMETER_DEPTH).toBe(MAX_JSON_DEPTH);
    });

    it.each([
      ['5,000 levels of lists in a parameter', `{"q": ${'['.repeat(5000)}${']'.repeat(5000)}}`],
      ['2,000 levels of objects', `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`],
      ['2,000 levels of lists', `${'['.repeat(2000)}${']'.repeat(2000)}`],
    ])('answers %s with CKAN’s JSON Error, naming the limit and quoting nothing', async (_what, body) => {
      const result = await post('package_search', body);
      expect(result.statusCode).toBe(400);
      const answer = JSON.parse(result.body);
      expect(answer).toEqual({
        help: expect.any(String),
        success: false,
        error: {
          __type: 'Bad Request',
          message:
            'Bad request - JSON Error: Error decoding JSON data. Error: the parameters nest arrays and objects deeper than 32 levels',
        },
      });
    });

    it('quotes only an excerpt of a long body that is not an object', async () => {
      const result = await post('package_search', `[${'"rain",'.repeat(30_000)}"rain"]`);
      expect(result.statusCode).toBe(400);
      const { message } = JSON.parse(result.body).error;
      expect(message).toMatch(
        /^Bad request - JSON Error: Request data JSON decoded to "\["rain","rain",.*…" but it needs to be a dictionary\.$/,
      );
      expect(message.length).toBeLessThan(200);
    });
  });
});

describe('errors answered before an action runs', () => {
  it("renders API Gateway's own responses as CKAN envelopes", () => {
    const template = gatewayErrorTemplate(openDataService, 403, 'forbidden');
    const rendered = template.replace('$context.error.messageString', JSON.stringify('Forbidden')).replace('$context.requestId', 'r-1');
    expect(JSON.parse(rendered)).toEqual({
      help: 'https://docs.ckan.org/en/2.10/api/',
      success: false,
      error: { __type: 'Authorization Error', message: 'Forbidden' },
    });
  });

  it.each([
    [401, 'unauthorized', 'Authorization Error'],
    [404, 'not_found', 'Not Found Error'],
    [405, 'method_not_allowed', 'Bad Request'],
    [413, 'payload_too_large', 'Bad Request'],
    [429, 'too_many_requests', 'Too Many Requests'],
    [500, 'internal_error', 'Internal Server Error'],
  ])('names status %d (%s) as CKAN clients expect', (status, code, type) => {
    expect(ckanErrorFormat(new HttpError(status, code, 'm'), 'r')).toEqual({
      help: expect.any(String),
      success: false,
      error: { __type: type, message: 'm' },
    });
  });

  it('puts field errors beside __type, as CKAN does', () => {
    const error = new HttpError(400, 'validation_failed', 'bad', [
      { field: 'query.start', message: 'Must be a calendar day' },
      { field: 'query.start', message: 'Missing value' },
      { field: 'body', message: 'required' },
    ]);
    expect(ckanErrorFormat(error, 'r')).toMatchObject({
      error: { __type: 'Validation Error', start: ['Must be a calendar day', 'Missing value'], body: ['required'] },
    });
  });

  it('words body problems as CKAN does', () => {
    expect(ckanRequestError({ routeId: 'postAction', where: 'body', input: '{"q": ' })).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^Bad request - JSON Error: Error decoding JSON data\. Error: /),
    });
    expect(ckanRequestError({ routeId: 'postAction', where: 'body', input: undefined })).toMatchObject({
      status: 400,
      message: expect.stringMatching(/JSON object, \{\} for none/),
    });
  });
});

import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { certService } from '../../lambda/cert/routes';
import { openApiDocument } from '../../lib/openapi/openapi';
import { call, useLocalPlatform } from '../helpers/local-platform';
import kevSchema from '../lambda/cert/fixtures/kev-schema.json';

describe('CERT API over HTTP in local mode', () => {
  const platform = useLocalPlatform(['cert']);
  const officer = (code: string) => ({ token: platform.current.tokens.officers[code] });
  const analyst = () => ({ token: platform.current.tokens.analyst });
  const report = {
    title: 'Phishing wave against staff mailboxes',
    description: 'Several staff received credential-harvesting mail.',
    severity: 'high',
    category: 'phishing',
  };

  it('takes a report from an officer and gives a case number and an ETag (201)', async () => {
    const res = await call(platform.current, 'POST', '/cert/incidents', { ...officer('TD'), body: report });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ id: expect.stringMatching(/^GCERT-\d{4}-\d{6}$/), department: 'TD', status: 'new' });
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it('is idempotent with Idempotency-Key and refuses the key for another report', async () => {
    const headers = { 'idempotency-key': 'td-report-0001' };
    const first = await call(platform.current, 'POST', '/cert/incidents', { ...officer('TD'), headers, body: report });
    const again = await call(platform.current, 'POST', '/cert/incidents', { ...officer('TD'), headers, body: report });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    const other = await call(platform.current, 'POST', '/cert/incidents', {
      ...officer('TD'),
      headers,
      body: { ...report, title: 'Something else' },
    });
    expect(other.status).toBe(422);
  });

  it('refuses an unknown severity with a 400 naming the field, and stores nothing', async () => {
    const before = await call(platform.current, 'GET', '/cert/incidents?department=FEHD', analyst());
    const res = await call(platform.current, 'POST', '/cert/incidents', {
      ...officer('FEHD'),
      body: { ...report, severity: 'apocalyptic' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].field).toBe('body.severity');
    const after = await call(platform.current, 'GET', '/cert/incidents?department=FEHD', analyst());
    expect(after.json.incidents).toHaveLength(before.json.incidents.length);
  });

  it("shows an officer only its department's incidents and refuses another's (403)", async () => {
    const created = await call(platform.current, 'POST', '/cert/incidents', { ...officer('TD'), body: report });
    const list = await call(platform.current, 'GET', '/cert/incidents', officer('TD'));
    expect(list.status).toBe(200);
    expect(new Set(list.json.incidents.map((i: { department: string }) => i.department))).toEqual(new Set(['TD']));
    expect((await call(platform.current, 'GET', `/cert/incidents/${created.json.id}`, officer('DPO'))).status).toBe(403);
    expect((await call(platform.current, 'GET', '/cert/incidents?department=TD', officer('DPO'))).status).toBe(403);
  });

  it('lets an analyst triage with If-Match, refusing a stale ETag (412) and an illegal transition (409)', async () => {
    const created = await call(platform.current, 'POST', '/cert/incidents', { ...officer('DPO'), body: report });
    const path = `/cert/incidents/${created.json.id}`;
    const etag = created.headers.get('etag') as string;
    const triaged = await call(platform.current, 'PATCH', path, {
      ...analyst(),
      headers: { 'if-match': etag },
      body: { status: 'triaged' },
    });
    expect(triaged.status).toBe(200);
    expect(triaged.json.status).toBe('triaged');
    const stale = await call(platform.current, 'PATCH', path, {
      ...analyst(),
      headers: { 'if-match': etag },
      body: { status: 'contained' },
    });
    expect(stale.status).toBe(412);
    const illegal = await call(platform.current, 'PATCH', path, {
      ...analyst(),
      headers: { 'if-match': triaged.headers.get('etag') as string },
      body: { status: 'closed' },
    });
    expect(illegal.status).toBe(409);
    expect((await call(platform.current, 'GET', path, analyst())).json.status).toBe('triaged');
    const noEtag = await call(platform.current, 'PATCH', path, { ...analyst(), body: { status: 'contained' } });
    expect(noEtag.status).toBe(428);
    const byOfficer = await call(platform.current, 'PATCH', path, {
      ...officer('DPO'),
      headers: { 'if-match': triaged.headers.get('etag') as string },
      body: { status: 'contained' },
    });
    expect(byOfficer.status).toBe(403);
  });

  it('publishes advisories publicly as JSON and Atom; only analysts publish', async () => {
    const advisory = {
      level: 'Security Alert',
      title: 'Vulnerability in a web server',
      summary: 'Update now.',
      affectedProducts: ['Example HTTPD 2.4'],
    };
    expect((await call(platform.current, 'POST', '/cert/advisories', { ...officer('TD'), body: advisory })).status).toBe(403);
    const published = await call(platform.current, 'POST', '/cert/advisories', { ...analyst(), body: advisory });
    expect(published.status).toBe(201);
    expect(published.json.id).toMatch(/^A\d{2}-\d{2}-\d{2,}$/);
    const json = await call(platform.current, 'GET', '/cert/advisories');
    expect(json.json.advisories.map((a: { id: string }) => a.id)).toContain(published.json.id);
    const atom = await call(platform.current, 'GET', '/cert/advisories?format=atom');
    expect(atom.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    expect(atom.text).toContain(`(${published.json.id}): ${advisory.title}</title>`);
  });

  it("serves a KEV catalogue valid against CISA's schema", async () => {
    const res = await call(platform.current, 'GET', '/cert/kev.json');
    expect(res.status).toBe(200);
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(kevSchema);
    expect(validate(res.json) ? [] : validate.errors).toEqual([]);
    expect(res.json.vulnerabilities.length).toBeGreaterThan(0);
  });

  it('answers every route in the shapes its OpenAPI document declares', async () => {
    const doc = openApiDocument(certService) as any;
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const check = (path: string, method: string, res: { status: number; json: unknown; headers: Headers }) => {
      const declared = doc.paths[path][method].responses[String(res.status)];
      expect({ path, method, status: res.status, declared: declared !== undefined }).toMatchObject({ declared: true });
      const { $ref, ...inline } = declared.content['application/json'].schema;
      const validate = ajv.compile($ref ? doc.components.schemas.Error : inline);
      expect(validate(res.json) ? [] : validate.errors).toEqual([]);
      for (const [name, header] of Object.entries(declared.headers ?? {}) as [string, any][]) {
        if (header.schema) expect(res.headers.get(name)).toMatch(new RegExp(header.schema.pattern ?? ''));
      }
    };
    const created = await call(platform.current, 'POST', '/cert/incidents', { ...officer('TD'), body: report });
    check('/cert/incidents', 'post', created);
    const id = created.json.id;
    check('/cert/incidents', 'get', await call(platform.current, 'GET', '/cert/incidents?limit=1', analyst()));
    check('/cert/incidents/{id}', 'get', await call(platform.current, 'GET', `/cert/incidents/${id}`, analyst()));
    const etag = created.headers.get('etag') as string;
    const triaged = await call(platform.current, 'PATCH', `/cert/incidents/${id}`, {
      ...analyst(),
      headers: { 'if-match': etag },
      body: { status: 'triaged', assignee: 'Wong', note: 'Looking' },
    });
    check('/cert/incidents/{id}', 'patch', triaged);
    for (const [status, headers] of [
      [412, { 'if-match': etag }],
      [428, {}],
    ] as const) {
      const refused = await call(platform.current, 'PATCH', `/cert/incidents/${id}`, { ...analyst(), headers, body: { note: 'x' } });
      expect(refused.status).toBe(status);
      check('/cert/incidents/{id}', 'patch', refused);
    }
    check('/cert/advisories', 'get', await call(platform.current, 'GET', '/cert/advisories?limit=2'));
    const advisory = { level: 'Security Alert', title: 'Update a router', summary: 'Patch.', affectedProducts: ['Router 1'] };
    check('/cert/advisories', 'post', await call(platform.current, 'POST', '/cert/advisories', { ...analyst(), body: advisory }));
    check('/cert/kev.json', 'get', await call(platform.current, 'GET', '/cert/kev.json'));
    const entry = {
      cveID: 'CVE-2026-424242',
      vendorProject: 'Example',
      product: 'Gateway',
      vulnerabilityName: 'Example Gateway flaw',
      shortDescription: 'Bad.',
      requiredAction: 'Patch.',
      dueDate: '2026-07-01',
    };
    check('/cert/kev', 'post', await call(platform.current, 'POST', '/cert/kev', { ...analyst(), body: entry }));
    check('/cert/kev', 'post', await call(platform.current, 'POST', '/cert/kev', { ...analyst(), body: entry }));
  });

  it('finds incidents past the millionth case of a year: a case number has six digits or more', async () => {
    const res = await call(platform.current, 'GET', '/cert/incidents/GCERT-2026-1000000', analyst());
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
    expect((await call(platform.current, 'GET', '/cert/incidents/XY-2026-000001', analyst())).status).toBe(400);
  });

  it('refuses an If-Match that is not an entity tag (400), and * (428), changing nothing', async () => {
    const created = await call(platform.current, 'POST', '/cert/incidents', { ...officer('DPO'), body: report });
    const path = `/cert/incidents/${created.json.id}`;
    const malformed = await call(platform.current, 'PATCH', path, {
      ...analyst(),
      headers: { 'if-match': '1' },
      body: { status: 'triaged' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.message).toMatch(/If-Match/);
    const any = await call(platform.current, 'PATCH', path, { ...analyst(), headers: { 'if-match': '*' }, body: { status: 'triaged' } });
    expect(any.status).toBe(428);
    const after = await call(platform.current, 'GET', path, analyst());
    expect(after.json.status).toBe('new');
    expect(after.headers.get('etag')).toBe(created.headers.get('etag'));
  });

  it("links the Atom feed's pages where the caller reached it: the shared host under /cert, or the CERT's own root", async () => {
    const shared = await call(platform.current, 'GET', '/cert/advisories?format=atom');
    expect(shared.text).toContain(
      `<link rel="self" type="application/atom+xml" href="${platform.current.url}/cert/advisories?format=atom"/>`,
    );
    const own = await fetch(`${platform.current.serviceUrls.cert}/advisories?format=atom`);
    expect(await own.text()).toContain(
      `<link rel="self" type="application/atom+xml" href="${platform.current.serviceUrls.cert}/advisories?format=atom"/>`,
    );
  });

  it('pages the Atom feed with the cursors of the JSON list', async () => {
    const first = await call(platform.current, 'GET', '/cert/advisories?limit=1');
    expect(first.json.next).toEqual(expect.any(String));
    const page = await call(platform.current, 'GET', `/cert/advisories?format=atom&limit=1&cursor=${first.json.next}`);
    expect(page.status).toBe(200);
    const second = await call(platform.current, 'GET', `/cert/advisories?limit=1&cursor=${first.json.next}`);
    expect(page.text).toContain(`:${second.json.advisories[0].id}</id>`);
  });

  it('asks for a token on incident routes (401)', async () => {
    expect((await call(platform.current, 'GET', '/cert/incidents')).status).toBe(401);
  });
});

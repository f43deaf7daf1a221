import Ajv from 'ajv';
import addFormats from 'ajv-formats';
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

  it('asks for a token on incident routes (401)', async () => {
    expect((await call(platform.current, 'GET', '/cert/incidents')).status).toBe(401);
  });
});

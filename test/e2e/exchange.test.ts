import { call, useLocalPlatform } from '../helpers/local-platform';

/** The exchange between demo departments over HTTP, with the tokens local mode prints. */
describe('exchange API over HTTP in local mode', () => {
  const platform = useLocalPlatform(['exchange']);
  const as = (department: string) => ({
    token: platform.current.tokens.officers[department],
    apiKey: platform.current.apiKeys[department],
  });
  const owner = () => ({ token: platform.current.credentials.EXCHANGE_OFFICER_TOKEN_DPO, apiKey: platform.current.apiKeys.DPO });
  const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

  it('answers a seeded grant with only its columns, logs it for the owner, and the log verifies', async () => {
    const grant = platform.current.credentials.EXCHANGE_GRANT_ID;
    const body = { columns: ['district', 'score'], filters: [{ column: 'score', op: 'gte', value: 90 }], limit: 5 };
    const answer = await call(platform.current, 'POST', `/exchange/v1/requests/${grant}/query`, { ...as('TD'), body });
    expect(answer.status).toBe(200);
    expect(answer.json.rows.length).toBeGreaterThan(0);
    expect(
      answer.json.rows.every((r: Record<string, unknown>) => Object.keys(r).join() === 'district,score' && (r.score as number) >= 90),
    ).toBe(true);
    const log = await call(platform.current, 'GET', '/exchange/v1/log?limit=100', owner());
    const entry = log.json.entries.find((e: { sequence: number }) => e.sequence === answer.json.logSequence);
    expect(entry).toMatchObject({ action: 'query', actorDepartment: 'TD', outcome: 'answered', resultSize: answer.json.count });
    const verification = await call(platform.current, 'GET', '/exchange/v1/log/verification', owner());
    expect(verification.json).toMatchObject({ valid: true });
  });

  it('publishes, requests, approves by another officer, queries, and refuses once the grant expired', async () => {
    const published = await call(platform.current, 'POST', '/exchange/v1/services', {
      ...as('DPO'),
      body: {
        table: 'complaints',
        title: 'Complaints',
        purpose: 'Statistics',
        classification: 'RESTRICTED',
        columns: [
          { name: 'sector', type: 'string' },
          { name: 'count', type: 'integer' },
        ],
      },
    });
    expect(published.status).toBe(201);
    const requested = await call(platform.current, 'POST', `/exchange/v1/services/${published.json.id}/requests`, {
      ...as('TD'),
      body: { purpose: 'Planning', from: soon(-1000), until: soon(2500), columns: ['sector'] },
    });
    expect([requested.status, requested.json.state]).toEqual([201, 'pending']);
    const selfDecided = await call(platform.current, 'POST', `/exchange/v1/requests/${requested.json.id}/decision`, {
      ...as('TD'),
      body: { decision: 'approve' },
    });
    expect([selfDecided.status, selfDecided.json.error.code]).toEqual([403, 'not_owner']);
    const approved = await call(platform.current, 'POST', `/exchange/v1/requests/${requested.json.id}/decision`, {
      ...owner(),
      body: { decision: 'approve' },
    });
    expect([approved.status, approved.json.state]).toEqual([200, 'approved']);
    const path = `/exchange/v1/requests/${requested.json.id}/query`;
    expect((await call(platform.current, 'POST', path, { ...as('TD'), body: { columns: ['sector'] } })).status).toBe(200);
    const notShared = await call(platform.current, 'POST', path, { ...as('TD'), body: { columns: ['count'] } });
    expect([notShared.status, notShared.json.error.code]).toEqual([422, 'column_not_shared']);
    await new Promise((resolve) => setTimeout(resolve, 2600));
    const expired = await call(platform.current, 'POST', path, { ...as('TD'), body: { columns: ['sector'] } });
    expect([expired.status, expired.json.error.code]).toEqual([422, 'grant_expired']);
    const log = await call(platform.current, 'GET', '/exchange/v1/log?limit=100', owner());
    const refusals = log.json.entries.filter(
      (e: { accessRequestId?: string; refusal?: string }) => e.accessRequestId === requested.json.id && e.refusal,
    );
    expect(refusals.map((e: { refusal: string }) => e.refusal)).toEqual(['not_owner', 'column_not_shared', 'grant_expired']);
  });

  it('refuses a grant above the receiver’s classification with 422 and logs the refusal', async () => {
    const service = platform.current.credentials.EXCHANGE_SERVICE_ID;
    const restricted = await call(platform.current, 'POST', '/exchange/v1/services', {
      ...as('DPO'),
      body: {
        table: 'cases',
        title: 'Cases',
        purpose: 'Oversight',
        classification: 'RESTRICTED',
        columns: [{ name: 'n', type: 'integer' }],
      },
    });
    expect(service).toBeDefined();
    const refused = await call(platform.current, 'POST', `/exchange/v1/services/${restricted.json.id}/requests`, {
      ...as('FEHD'),
      body: { purpose: 'Curiosity', from: soon(0), until: soon(86_400_000), columns: ['n'] },
    });
    expect([refused.status, refused.json.error.code]).toEqual([422, 'classification_exceeded']);
    const log = await call(platform.current, 'GET', '/exchange/v1/log?limit=100', owner());
    expect(
      log.json.entries.some(
        (e: { serviceId: string; refusal?: string; actorDepartment: string }) =>
          e.serviceId === restricted.json.id && e.refusal === 'classification_exceeded' && e.actorDepartment === 'FEHD',
      ),
    ).toBe(true);
  });
});

import { call, useLocalPlatform } from '../helpers/local-platform';

/** Usage measurement over HTTP in local mode: registry, beacon, reports, daily figures and reviews. */
describe('usage API over HTTP in local mode', () => {
  const platform = useLocalPlatform(['usage']);
  const officer = (department: string) => ({
    token: platform.current.tokens.officers[department],
    apiKey: platform.current.apiKeys[department],
  });
  const admin = () => ({ token: platform.current.tokens.admin });
  const seeded = () => platform.current.credentials;

  it('publishes the seeded day: completions over starts, downloads, active users over downloads, take-up against offline', async () => {
    const day = await call(platform.current, 'GET', `/usage/v1/days/${seeded().USAGE_DAY}/figures`);
    expect(day.status).toBe(200);
    const renewal = day.json.figures.find((f: { service: string }) => f.service === seeded().USAGE_SERVICE_ID);
    expect(renewal).toMatchObject({
      pageViews: 40,
      starts: 12,
      completions: 9,
      completionRate: 0.75,
      offlineTransactions: 6,
      digitalTakeUp: 0.6,
    });
    expect(renewal.visitors).toBe(25);
    const app = day.json.figures.find((f: { service: string }) => f.service === seeded().USAGE_APP_ID);
    expect(app).toMatchObject({ downloads: 200, cumulativeDownloads: 200, activeUsers: 18, usageRate: 0.09, digitalTakeUp: null });
  });

  it('counts beacons of the same visitor once, keeps no address, and refuses a batch with an unregistered service whole', async () => {
    const registered = await call(platform.current, 'POST', '/usage/v1/services', {
      ...officer('TD'),
      body: {
        id: 'td-e2e-journey',
        kind: 'e-service',
        names: { en: 'Journey', 'zh-hk': '行程', 'zh-cn': '行程' },
        launchDate: '2026-01-15',
      },
    });
    expect(registered.status).toBe(201);
    const read = await call(platform.current, 'GET', '/usage/v1/services/td-e2e-journey');
    expect([read.json.kind, read.json.department, read.json.launchDate]).toEqual(['e-service', 'TD', '2026-01-15']);
    const again = await call(platform.current, 'POST', '/usage/v1/services', {
      ...officer('TD'),
      body: registered.json && {
        id: 'td-e2e-journey',
        kind: 'app',
        names: { en: 'x', 'zh-hk': 'x', 'zh-cn': 'x' },
        launchDate: '2026-01-15',
      },
    });
    expect(again.status).toBe(409);

    const beacon = (body: unknown, agent = 'e2e-browser/1') =>
      call(platform.current, 'POST', '/usage/v1/beacon', { body, headers: { 'user-agent': agent } });
    const views = {
      events: [
        { service: 'td-e2e-journey', kind: 'page_view', page: '/en/journey' },
        { service: 'td-e2e-journey', kind: 'service_start' },
      ],
    };
    expect((await beacon(views)).status).toBe(202);
    expect((await beacon(views)).json).toEqual({ accepted: 2 });
    expect((await beacon({ events: [{ service: 'td-e2e-journey', kind: 'page_view' }] }, 'another-browser/2')).status).toBe(202);

    const refused = await beacon({
      events: [
        { service: 'td-e2e-journey', kind: 'page_view' },
        { service: 'no-such-service', kind: 'page_view' },
      ],
    });
    expect([refused.status, refused.json.error.code]).toEqual([422, 'unregistered_service']);
    const withQuery = await beacon({ events: [{ service: 'td-e2e-journey', kind: 'page_view', page: '/en/journey?hkid=A1234563' }] });
    expect(withQuery.status).toBe(400);

    // Today is not over: the count of today is refused, and nothing is published for it.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const early = await call(platform.current, 'POST', '/usage/v1/aggregations', { ...admin(), body: { date: today } });
    expect([early.status, early.json.error.code]).toEqual([422, 'day_not_over']);
  });

  it('lets only the owning department report, and only from launch', async () => {
    const report = (department: string, date: string) =>
      call(platform.current, 'POST', '/usage/v1/reports', {
        ...officer(department),
        body: { reports: [{ service: seeded().USAGE_APP_ID, date, kind: 'download', platform: 'ios', count: 5 }] },
      });
    const owner = 'DPO';
    const other = 'TD';
    expect((await report(other, seeded().USAGE_DAY)).status).toBe(403);
    expect((await report(owner, '2000-01-01')).json.error.code).toBe('before_launch');
    expect((await report(owner, seeded().USAGE_DAY)).json).toEqual({ stored: 1 });
  });

  it('lists the overdue review for admins, files the return once, and appends advice', async () => {
    const overdue = await call(platform.current, 'GET', '/usage/v1/reviews?state=overdue', admin());
    expect(overdue.status).toBe(200);
    expect(overdue.json.reviews.map((r: { service: string }) => r.service)).toContain(seeded().USAGE_SERVICE_ID);
    const owner = 'DPO';
    const path = `/usage/v1/services/${seeded().USAGE_SERVICE_ID}/review`;
    const form = {
      objectives: 'Renew online',
      measuredTakeUp: '60% digital take-up',
      costHkd: 1200000,
      issues: 'None',
      decision: 'improve',
    };
    const filed = await call(platform.current, 'PUT', path, { ...officer(owner), body: form });
    expect([filed.status, filed.json.state, filed.json.filed.decision]).toEqual([200, 'filed', 'improve']);
    expect((await call(platform.current, 'PUT', path, { ...officer(owner), body: form })).status).toBe(409);
    const advised = await call(platform.current, 'POST', `${path}/advice`, { ...admin(), body: { text: 'Promote on GovHK.' } });
    expect([advised.status, advised.json.advice.length, advised.json.filed.decision]).toEqual([201, 1, 'improve']);
    const other = 'TD';
    expect((await call(platform.current, 'GET', path, officer(other))).status).toBe(403);
  });
});

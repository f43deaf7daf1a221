import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { bucketOf, s3 } from '../../../../lambda/shared/aws-clients';
import { aggregate } from '../../../../lambda/usage/app/aggregation';
import { acceptBeacon, storeReports } from '../../../../lambda/usage/app/ingest';
import { listReviews } from '../../../../lambda/usage/app/reviews';
import { registerService } from '../../../../lambda/usage/app/services';
import { dynamoPorts } from '../../../../lambda/usage/compose';
import type { UsagePorts } from '../../../../lambda/usage/ports';
import { storage, USAGE_BUCKETS } from '../../../../lambda/usage/storage';
import { useEmbeddedStorage } from '../../../helpers/embedded-storage';
import { refusal } from '../../../helpers/refusal';

const officer = { department: 'TD', subject: 'officer-td' };
const names = { en: 'Parking', 'zh-hk': '泊車', 'zh-cn': '泊车' };
const at = (iso: string) => () => new Date(iso);

async function eventObjects(): Promise<string[]> {
  const listed = await s3().send(new ListObjectsV2Command({ Bucket: bucketOf(USAGE_BUCKETS.events) }));
  return (listed.Contents ?? []).map((o) => o.Key as string);
}

describe('usage: beacons and reports counted into a day', () => {
  useEmbeddedStorage('usage', storage);
  let ports: UsagePorts;
  // 23:30 on 1 March in Hong Kong is still 1 March there, though 2 March has not begun in UTC either.
  const during = at('2026-03-01T15:30:00.000Z');

  beforeAll(async () => {
    ports = dynamoPorts({ clock: during });
    await registerService(ports, officer, { id: 'td-parking', kind: 'e-service', names, launchDate: '2025-08-31' });
    await registerService(ports, officer, { id: 'td-app', kind: 'app', names, launchDate: '2026-02-01' });
  });

  it('stores nothing of a batch with an unregistered service, nor any address or user agent', async () => {
    const before = await eventObjects();
    const refused = await refusal(
      acceptBeacon(
        ports,
        {
          events: [
            { service: 'td-parking', kind: 'page_view' },
            { service: 'nobody', kind: 'page_view' },
          ],
        },
        { sourceIp: '203.0.113.9', userAgent: 'ua' },
      ),
    );
    expect([refused.status, refused.code]).toEqual([422, 'unregistered_service']);
    expect(await eventObjects()).toEqual(before);
  });

  it('counts a visitor once per service and day by address and agent, and keeps neither', async () => {
    const visit = (ip: string, agent: string) =>
      acceptBeacon(
        ports,
        {
          events: [
            { service: 'td-parking', kind: 'page_view', page: '/en/parking' },
            { service: 'td-parking', kind: 'service_start' },
          ],
        },
        { sourceIp: ip, userAgent: agent },
      );
    await visit('203.0.113.9', 'browser-a');
    await visit('203.0.113.9', 'browser-a');
    await visit('203.0.113.10', 'browser-a');
    await acceptBeacon(
      ports,
      { events: [{ service: 'td-parking', kind: 'service_completion' }] },
      { sourceIp: '203.0.113.9', userAgent: 'browser-a' },
    );
    await acceptBeacon(ports, { events: [{ service: 'td-app', kind: 'app_session' }] }, { sourceIp: '198.51.100.1', userAgent: 'app/1' });
    const keys = await eventObjects();
    expect(keys.every((k) => /^events\/kind=[a-z_]+\/date=2026-03-01\/service=td-[a-z]+\/.+\.jsonl$/.test(k))).toBe(true);

    await storeReports(ports, officer, {
      reports: [{ service: 'td-app', date: '2026-03-01', kind: 'download', platform: 'ios', count: 10 }],
    });
    // A later report of the same day, kind and platform replaces the one before.
    await storeReports(ports, officer, {
      reports: [{ service: 'td-app', date: '2026-03-01', kind: 'download', platform: 'ios', count: 4 }],
    });
    await storeReports(ports, officer, {
      reports: [{ service: 'td-parking', date: '2026-03-01', kind: 'offline_transaction', platform: 'all', count: 3 }],
    });

    const counting = { ...ports, clock: at('2026-03-01T16:30:00.000Z') };
    expect(await aggregate(counting, '2026-03-01')).toEqual({ date: '2026-03-01', services: 2, events: 8 });
    const figures = await ports.figures.ofDay('2026-03-01');
    const parking = figures.find((f) => f.service === 'td-parking');
    expect(parking).toMatchObject({
      pageViews: 3,
      visitors: 2,
      starts: 3,
      completions: 1,
      completionRate: 0.3333,
      offlineTransactions: 3,
      digitalTakeUp: 0.25,
    });
    const app = figures.find((f) => f.service === 'td-app');
    expect(app).toMatchObject({ downloads: 4, cumulativeDownloads: 4, activeUsers: 1, usageRate: 0.25 });
    const stored = JSON.stringify(await ports.source.ofDay('2026-03-01'));
    expect(stored).toContain('"visitor":');
    expect(stored).not.toMatch(/203\.0\.113|browser-a/);
  });

  it('refuses to count a day not over in Hong Kong, and reports of a day not begun', async () => {
    expect((await refusal(aggregate(ports, '2026-03-01'))).code).toBe('day_not_over');
    const future = await refusal(
      storeReports(ports, officer, { reports: [{ service: 'td-app', date: '2026-03-02', kind: 'download', platform: 'all', count: 1 }] }),
    );
    expect(future.code).toBe('future_day');
  });

  it('carries downloads over to the next day counted', async () => {
    const next = { ...ports, clock: at('2026-03-02T16:30:00.000Z') };
    await storeReports(next, officer, {
      reports: [{ service: 'td-app', date: '2026-03-02', kind: 'download', platform: 'android', count: 6 }],
    });
    await aggregate(next, '2026-03-02');
    const app = (await ports.figures.ofService('td-app', '2026-03-01', '2026-03-02')).map((f) => [
      f.date,
      f.downloads,
      f.cumulativeDownloads,
    ]);
    expect(app).toEqual([
      ['2026-03-01', 4, 4],
      ['2026-03-02', 6, 10],
    ]);
  });

  it("puts a service's review due six months after launch and overdue after, month ends clamped", async () => {
    const reviews = await listReviews({ ...ports, clock: at('2026-03-01T04:00:00.000Z') });
    const parking = reviews.find((r) => r.service === 'td-parking');
    // 31 August + 6 months is the last day of February.
    expect([parking?.dueDate, parking?.state]).toEqual(['2026-02-28', 'overdue']);
    expect(reviews.find((r) => r.service === 'td-app')).toMatchObject({ dueDate: '2026-08-01', state: 'not_due' });
    expect((await listReviews({ ...ports, clock: at('2026-07-15T04:00:00.000Z') }, 'due')).map((r) => r.service)).toEqual(['td-app']);
  });
});

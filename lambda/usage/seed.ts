import { createHash } from 'node:crypto';
import type { SeedLocal } from '../shared/seed';
import { aggregate, yesterday } from './app/aggregation';
import { registerService } from './app/services';
import { usagePorts } from './compose';
import { addMonths, hongKongDay } from './domain/days';
import type { BeaconKind, StoredEvent } from './domain/events';
import type { ServiceKind } from './domain/measured-service';

const officer = (department: string) => ({ department, subject: `usage-officer-${department.toLowerCase()}` });
const fakeVisitor = (n: number) => createHash('sha256').update(`demo-${n}`).digest('hex').slice(0, 16);

interface DemoService {
  readonly id: string;
  readonly kind: ServiceKind;
  readonly en: string;
  readonly zh: string;
  /** Months before today it launched. */
  readonly launchedMonthsAgo: number;
}

const DEMO: readonly DemoService[] = [
  { id: 'demo-licence-renewal', kind: 'e-service', en: 'Licence renewal', zh: '續領牌照', launchedMonthsAgo: 8 },
  { id: 'demo-mobile-app', kind: 'app', en: 'Department app', zh: '部門應用程式', launchedMonthsAgo: 5 },
  { id: 'demo-website', kind: 'website', en: 'Department website', zh: '部門網站', launchedMonthsAgo: 1 },
];

/**
 * Local mode's seed: three services of the first department (one whose review is overdue, one
 * due soon, one new), a day of demo events and reports for yesterday, and that day counted.
 */
export const seedLocal: SeedLocal = async (context) => {
  const [department] = context.departments;
  if (!department) return { notes: ['usage: a department is needed to seed the usage service.'] };
  const ports = await usagePorts();
  const today = hongKongDay(ports.clock());
  const day = yesterday(ports.clock());
  for (const demo of DEMO) {
    const id = `${department.toLowerCase()}-${demo.id}`;
    await registerService(ports, officer(department), {
      id,
      kind: demo.kind,
      names: { en: demo.en, 'zh-hk': demo.zh, 'zh-cn': demo.zh },
      launchDate: addMonths(today, -demo.launchedMonthsAgo),
    }).catch(() => undefined);
  }
  const [renewal, app] = DEMO.map((d) => `${department.toLowerCase()}-${d.id}`) as [string, string];
  const at = `${day}T04:00:00.000Z`;
  const event = (kind: BeaconKind, service: string, visitor: number): StoredEvent => ({
    kind,
    service,
    date: day,
    at,
    visitor: fakeVisitor(visitor),
  });
  await ports.sink.put([
    ...Array.from({ length: 40 }, (_, i) => event('page_view', renewal, i % 25)),
    ...Array.from({ length: 12 }, (_, i) => event('service_start', renewal, i)),
    ...Array.from({ length: 9 }, (_, i) => event('service_completion', renewal, i)),
    ...Array.from({ length: 30 }, (_, i) => event('app_session', app, i % 18)),
  ]);
  const reportedAt = ports.clock().toISOString();
  const by = officer(department).subject;
  await ports.reports.put([
    { service: app, date: day, kind: 'download', platform: 'ios', count: 120, reportedAt, reportedBy: by },
    { service: app, date: day, kind: 'download', platform: 'android', count: 80, reportedAt, reportedBy: by },
    { service: renewal, date: day, kind: 'offline_transaction', platform: 'all', count: 6, reportedAt, reportedBy: by },
  ]);
  const counted = await aggregate(ports, day);
  return {
    notes: [`usage: ${counted.services} services of ${department} counted for ${day} from ${counted.events} demo events.`],
    credentials: { USAGE_SERVICE_ID: renewal, USAGE_APP_ID: app, USAGE_DAY: day },
  };
};

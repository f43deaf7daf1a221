import type { RequestContext } from '../../../lambda/open-data/app/actions';
import { createOpenDataPorts, siteConfigFromEnv } from '../../../lambda/open-data/compose';
import type { Caller } from '../../../lambda/open-data/domain/caller';
import type { OpenDataPorts } from '../../../lambda/open-data/ports';
import { seedOpenData } from '../../../lambda/open-data/seed';
import { storage } from '../../../lambda/open-data/storage';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';
import { NOW, TestClock } from './builders';

export const PUBLIC: RequestContext = { caller: { kind: 'public' } };
export const TD: RequestContext = {
  caller: { kind: 'officer', department: 'TD', roles: ['open-data-publisher'] },
  sourceIp: '203.0.113.7',
};
export const EPD: RequestContext = { caller: { kind: 'officer', department: 'EPD', roles: ['open-data-publisher'] } };
export const ADMIN: RequestContext = { caller: { kind: 'admin' } };

export function as(caller: Caller, extra: Partial<RequestContext> = {}): RequestContext {
  return { caller, ...extra };
}

export const SITE = {
  ...siteConfigFromEnv({}),
  siteUrl: 'https://data.example.gov.hk/open-data',
  downloadBaseUrl: 'https://files.example.gov.hk/open-data',
};

/**
 * Embedded DynamoDB and S3 for one test file, with the open data tables, the demo catalogue
 * seeded, and a clock the tests control. Call at the top of a describe.
 */
export function useSeededOpenData(): { readonly deps: OpenDataPorts; readonly clock: TestClock; another(): OpenDataPorts } {
  useEmbeddedStorage('open-data', storage);
  const clock = new TestClock(new Date(NOW));
  let counter = 0;
  const ids = { uuid: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}` };
  const holder = {
    deps: undefined as unknown as OpenDataPorts,
    clock,
    /** A second function instance over the same storage, with its own index. */
    another: () => createOpenDataPorts({ clock, ids, site: SITE, index: { refreshIntervalMs: 0 } }),
  };
  beforeAll(async () => {
    holder.deps = createOpenDataPorts({ clock, ids, site: SITE });
    await seedOpenData(holder.deps);
  });
  return holder;
}

import { listAdvisories } from '../../../lambda/cert/app/advisories';
import { listIncidents } from '../../../lambda/cert/app/incidents';
import { knownExploitedCatalogue } from '../../../lambda/cert/app/known-exploited';
import { dynamoPorts } from '../../../lambda/cert/compose';
import type { Caller } from '../../../lambda/cert/domain/caller';
import { listIncidentsQuerySchema } from '../../../lambda/cert/domain/schemas';
import { SEED_ADVISORIES, SEED_INCIDENTS, seed } from '../../../lambda/cert/seed';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';
import { embeddableStorage } from './fixtures/storage';

const analyst: Caller = { kind: 'analyst' };

describe('local-mode seed', () => {
  useEmbeddedStorage('cert', embeddableStorage);

  it('fills empty storage once with incidents, advisories and a catalogue', async () => {
    const ports = dynamoPorts(() => new Date('2026-05-30T02:00:00Z'));
    expect(await seed(ports)).toEqual({ seeded: true });
    expect(await seed(ports)).toEqual({ seeded: false });
    const incidents = (await listIncidents(ports, analyst, listIncidentsQuerySchema.parse({ limit: '100' }))).items;
    expect(incidents).toHaveLength(SEED_INCIDENTS.length + 1);
    expect(new Set(incidents.map((i) => i.department))).toEqual(new Set(['DPO', 'TD', 'FEHD']));
    expect((await listAdvisories(ports, { limit: 10 })).items).toHaveLength(SEED_ADVISORIES.length);
    expect((await knownExploitedCatalogue(ports)).count).toBeGreaterThan(0);
  });
});

import { fileFinding, getIncident, triageIncident } from '../../../lambda/cert/app/incidents';
import { dynamoPorts } from '../../../lambda/cert/compose';
import type { Caller } from '../../../lambda/cert/domain/caller';
import { departmentLookup, normaliseEvent, normaliseGuardDuty } from '../../../lambda/cert/domain/normalise';
import type { CertPorts } from '../../../lambda/cert/ports';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';
import { asffFinding, GUARDDUTY_EVENT, securityHubEvent } from './fixtures/findings';
import { embeddableStorage } from './fixtures/storage';

const analyst: Caller = { kind: 'analyst' };
const lookup = departmentLookup({ tagKey: 'Department', accounts: { '444455556666': 'DPO' } });

describe('filing findings', () => {
  useEmbeddedStorage('cert', embeddableStorage);
  let ports: CertPorts;
  beforeAll(() => {
    ports = dynamoPorts(() => new Date('2026-05-30T02:00:00Z'));
  });

  it('opens one incident per finding, audited as the pipeline’s work, and counts later sightings', async () => {
    const finding = normaliseGuardDuty(GUARDDUTY_EVENT.detail, lookup);
    const first = await fileFinding(ports, finding);
    expect(first.opened).toBe(true);
    expect(first.incident).toMatchObject({
      department: 'TD',
      severity: 'high',
      status: 'new',
      occurrences: 1,
      source: { product: 'GuardDuty' },
    });
    expect(first.incident.history).toEqual([
      expect.objectContaining({ action: 'detect', actor: { kind: 'system', name: 'incident-pipeline' } }),
    ]);

    const again = await fileFinding(ports, { ...finding, lastSeenAt: '2026-05-30T03:00:00Z' });
    expect(again.opened).toBe(false);
    expect(again.incident).toMatchObject({ id: first.incident.id, occurrences: 2, lastSeenAt: '2026-05-30T03:00:00Z', version: 1 });
  });

  it('files Security Hub’s copy of a GuardDuty finding under the same incident', async () => {
    const copy = asffFinding({ Id: GUARDDUTY_EVENT.detail.arn, ProductName: 'GuardDuty', AwsAccountId: '111122223333' });
    const [normalised] = normaliseEvent(securityHubEvent(copy), lookup, 'high');
    const filed = await fileFinding(ports, normalised);
    expect(filed.opened).toBe(false);
    expect(filed.incident.occurrences).toBe(3);
  });

  it('opens one incident when the same new finding arrives twice at once', async () => {
    const [finding] = normaliseEvent(securityHubEvent(asffFinding()), lookup, 'high');
    const results = await Promise.all([fileFinding(ports, finding), fileFinding(ports, finding), fileFinding(ports, finding)]);
    expect(new Set(results.map((r) => r.incident.id)).size).toBe(1);
    expect(results.filter((r) => r.opened)).toHaveLength(1);
  });

  it('lets a sighting leave an analyst’s ETag valid', async () => {
    const finding = normaliseGuardDuty({ ...GUARDDUTY_EVENT.detail, id: 'etag-check' }, lookup);
    const { incident } = await fileFinding(ports, finding);
    const { etag } = await getIncident(ports, analyst, incident.id);
    await fileFinding(ports, finding);
    await expect(triageIncident(ports, analyst, incident.id, { status: 'triaged' }, etag, { requestId: 'x' })).resolves.toMatchObject({
      incident: { status: 'triaged' },
    });
    expect((await getIncident(ports, analyst, incident.id)).incident).toMatchObject({ status: 'triaged', occurrences: 2 });
  });
});

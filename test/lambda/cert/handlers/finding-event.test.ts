import { listIncidents } from '../../../../lambda/cert/app/incidents';
import { dynamoPorts } from '../../../../lambda/cert/compose';
import type { Caller } from '../../../../lambda/cert/domain/caller';
import { listIncidentsQuerySchema } from '../../../../lambda/cert/domain/schemas';
import { certService } from '../../../../lambda/cert/routes';
import { useEmbeddedStorage } from '../../../helpers/embedded-storage';
import { asffFinding, GUARDDUTY_EVENT, securityHubEvent } from '../fixtures/findings';
import { embeddableStorage } from '../fixtures/storage';

const analyst: Caller = { kind: 'analyst' };
const PIPELINE_ENVIRONMENT = certService.environment;

describe('finding event handler', () => {
  useEmbeddedStorage('cert', embeddableStorage);
  let handler: (event: unknown) => Promise<void>;
  beforeAll(() => {
    Object.assign(process.env, {
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      [PIPELINE_ENVIRONMENT.threshold]: 'high',
      [PIPELINE_ENVIRONMENT.departmentTagKey]: 'Department',
      [PIPELINE_ENVIRONMENT.departmentAccounts]: '{"444455556666":"DPO"}',
    });
    // The handler reads its settings once, when it first runs: they are set before that.
    ({ handler } = require('../../../../lambda/cert/handlers/finding-event') as { handler: (event: unknown) => Promise<void> });
  });

  it('files each serious finding of an event as an incident, once', async () => {
    await handler(GUARDDUTY_EVENT);
    await handler(GUARDDUTY_EVENT);
    await handler(securityHubEvent(asffFinding(), asffFinding({ Id: 'minor', Severity: { Label: 'LOW', Normalized: 10 } })));
    const { items } = await listIncidents(dynamoPorts(), analyst, listIncidentsQuerySchema.parse({}));
    expect(items.map((i) => [i.source.kind === 'finding' && i.source.product, i.department, i.occurrences]).sort()).toEqual([
      ['GuardDuty', 'TD', 2],
      ['SecurityHub', 'DPO', 1],
    ]);
  });

  it('throws on an event it cannot file, so Lambda retries it and then dead-letters it', async () => {
    await expect(handler({ source: 'aws.guardduty', 'detail-type': 'GuardDuty Finding', detail: { title: 'no id' } })).rejects.toThrow();
  });
});

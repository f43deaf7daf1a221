import type { Caller } from '../../../lambda/cert/domain/caller';
import { listIncidentsQuerySchema } from '../../../lambda/cert/domain/schemas';
import { PIPELINE_ENVIRONMENT, readPipelineSettings } from '../../../lambda/cert/pipeline-environment';
import { listIncidents } from '../../../lambda/cert/service';
import { dynamoPorts } from '../../../lambda/cert/store';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';
import { asffFinding, GUARDDUTY_EVENT, securityHubEvent } from './fixtures/findings';
import { embeddableStorage } from './fixtures/storage';

const analyst: Caller = { kind: 'analyst' };

describe('pipeline settings', () => {
  const valid = {
    [PIPELINE_ENVIRONMENT.threshold]: 'high',
    [PIPELINE_ENVIRONMENT.departmentTagKey]: 'Department',
    [PIPELINE_ENVIRONMENT.departmentAccounts]: '{"111122223333":"FEHD"}',
  };

  it('reads the threshold, tag key and account map', () => {
    expect(readPipelineSettings(valid)).toEqual({
      threshold: 'high',
      departmentTagKey: 'Department',
      departmentAccounts: { '111122223333': 'FEHD' },
    });
  });

  it('stops at start on a bad value rather than misfile', () => {
    expect(() => readPipelineSettings({ ...valid, [PIPELINE_ENVIRONMENT.threshold]: 'severe' })).toThrow(/must be one of/);
    expect(() => readPipelineSettings({ ...valid, [PIPELINE_ENVIRONMENT.departmentAccounts]: '["FEHD"]' })).toThrow(/JSON object/);
    expect(() => readPipelineSettings({ ...valid, [PIPELINE_ENVIRONMENT.departmentTagKey]: '' })).toThrow(/not set/);
  });
});

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
    // The handler reads its settings when loaded, so it is loaded after they are set.
    ({ handler } = require('../../../lambda/cert/handlers/finding-event') as { handler: (event: unknown) => Promise<void> });
  });

  it('files each serious finding of an event as an incident, once', async () => {
    await handler(GUARDDUTY_EVENT);
    await handler(GUARDDUTY_EVENT);
    await handler(securityHubEvent(asffFinding(), asffFinding({ Id: 'minor', Severity: { Label: 'LOW', Normalized: 10 } })));
    const listed = await listIncidents(dynamoPorts(), analyst, listIncidentsQuerySchema.parse({}));
    if (!listed.ok) throw new Error(listed.error.message);
    const { items } = listed.value;
    expect(items.map((i) => [i.source.kind === 'finding' && i.source.product, i.department, i.occurrences]).sort()).toEqual([
      ['GuardDuty', 'TD', 2],
      ['SecurityHub', 'DPO', 1],
    ]);
  });

  it('throws on an event it cannot file, so Lambda retries it and then dead-letters it', async () => {
    await expect(handler({ source: 'aws.guardduty', 'detail-type': 'GuardDuty Finding', detail: { title: 'no id' } })).rejects.toThrow();
  });
});

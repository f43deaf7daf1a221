import { readPipelineSettings } from '../../../lambda/cert/compose';
import { certService } from '../../../lambda/cert/routes';

const PIPELINE_ENVIRONMENT = certService.environment;

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

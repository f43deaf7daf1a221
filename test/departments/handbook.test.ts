import { departmentHandbook } from '../../lib/departments/handbook';
import { buildCatalogue } from '../../lib/departments/provisioning';
import { defaultConfig } from '../helpers/platform';

describe('department handbook', () => {
  const config = defaultConfig();
  const catalogue = buildCatalogue(config);
  const td = catalogue.departments.find((d) => d.code === 'TD')!;
  const text = departmentHandbook(config, catalogue, td);

  it('names every SSM parameter the department stack publishes', () => {
    for (const item of [...td.keys, ...td.buckets, ...td.logGroups, ...td.roles]) expect(text).toContain(`\`${item.parameter}\``);
    expect(text).toContain('/gcp/departments/td/api-key-id');
  });

  it('explains the roles and how to assume them with MFA', () => {
    expect(text).toMatch(/\| developer \| `gcp-dept-td-developer` \| read and write/);
    expect(text).toContain('--serial-number');
  });

  it('lists the entitled services with their OpenAPI documents and quotas', () => {
    expect(text).toContain('### Platform catalogue (`/platform`)');
    expect(text).toContain('`/platform/openapi.json`');
    expect(text).toContain('50 requests/s (burst 100)');
  });

  it('says what the department costs when given its estimate', () => {
    const cost = { code: 'TD', ownStackUsd: 55.5, sharedUsd: 0.61, monthlyUsd: 56.11, monthlyBudgetUsd: 8000, overBudget: false };
    const withCost = departmentHandbook(config, catalogue, td, cost);
    expect(withCost).toContain('Estimated baseline: USD 56.11 a month');
    expect(withCost).toContain('USD 0.61 that it adds');
    expect(withCost).not.toContain('over the budget');
    expect(departmentHandbook(config, catalogue, td, { ...cost, monthlyBudgetUsd: 50, overBudget: true })).toContain(
      'The estimated baseline is over the budget',
    );
    expect(text).not.toContain('Estimated baseline');
  });

  it('says so when a department has no entitlement', () => {
    const none = { ...td, entitlements: [], apiKey: undefined };
    expect(departmentHandbook(config, catalogue, none)).toContain('not entitled to any shared service yet');
  });
});

import * as path from 'node:path';
import { loadConfig } from '../../lib/config/load';
import { semanticIssues } from '../../lib/config/semantic-checks';
import { DEFAULT_ASSUMPTIONS } from '../../lib/cost/assumptions';
import { withOneMoreDepartment } from '../../lib/cost/marginal-department';
import { platformCost } from '../../lib/cost/platform-cost';
import { budgetWarnings, estimatePlatform } from '../../lib/cost/platform-estimate';
import { loadPriceBook } from '../../lib/cost/price-book';
import { costReport } from '../../lib/cost/report';
import { synthesizeTemplates } from '../../lib/cost/synthesize';
import { defaultConfig, REPO_ROOT } from '../helpers/platform';

const config = defaultConfig();
const cost = platformCost(config);

describe('the cost of the default platform', () => {
  it('prices every resource it deploys (or says it has no charge)', () => {
    expect(cost.platform.unpriced).toEqual({});
    expect(cost.platform.stacks.map((s) => s.id)).toEqual(expect.arrayContaining(['Security', 'NetworkInspection', 'Dept-TD']));
  });

  it('sums its stacks', () => {
    const total = cost.platform.stacks.reduce((sum, s) => sum + s.monthlyUsd, 0);
    expect(cost.platform.monthlyUsd).toBeCloseTo(total, 6);
    expect(cost.profiles.production).toBe(cost.platform.monthlyUsd);
  });

  it('costs less in the dev profile, by at least a firewall endpoint and a NAT gateway', () => {
    const prices = loadPriceBook(config.platform.region);
    const saving = 730 * (prices.usd('networkFirewallEndpointHour') + prices.usd('natGatewayHour'));
    expect(cost.profiles.production - cost.profiles.dev).toBeGreaterThan(saving);
  });

  it('prices one more department as its own stack and what it adds to shared stacks', () => {
    const m = cost.marginalDepartment;
    const td = cost.platform.stacks.find((s) => s.id === 'Dept-TD')!;
    // The probe is like the last department, FEHD; its stack costs what any department stack does.
    expect(m.ownStackUsd).toBeCloseTo(td.monthlyUsd, 6);
    expect(m.monthlyUsd).toBeCloseTo(m.ownStackUsd + m.sharedUsd, 6);
    // One more budget at least.
    expect(m.byStack.map((s) => s.stack)).toContain('gcp-Budgets');
    expect(m.sharedUsd).toBeGreaterThan(0);
  });

  it('gives each department its stack and its part of the shared stacks', () => {
    for (const d of cost.departments) {
      expect(d.monthlyUsd).toBeCloseTo(d.ownStackUsd + cost.marginalDepartment.sharedUsd, 6);
      expect(d.overBudget).toBe(false);
    }
  });

  it('prints every stack with its lines, the totals, the usage prices', () => {
    const report = costReport(cost, { title: 'the default platform' });
    for (const stack of cost.platform.stacks) expect(report).toContain(stack.stack);
    expect(report).toMatch(/firewall endpoints \(2\)\s+2 × 730 h × \$0\.\d+ per hour/);
    expect(report).toContain('one more department');
    expect(report).toMatch(/API Gateway REST requests\s+\$[\d.]+ per million requests/);
    expect(report).toContain('Unpriced resource types: none');
  });
});

describe('a department whose baseline exceeds its budget', () => {
  it('is named by a warning', () => {
    const tight = { ...config, departments: config.departments.map((d) => (d.code === 'TD' ? { ...d, monthlyBudgetUsd: 10 } : d)) };
    const warnings = budgetWarnings(platformCost(tight, { templates: undefined }).departments);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/department TD's estimated baseline is \$\d+\.\d\d a month, over its monthlyBudgetUsd of \$10/);
  });
});

describe('one more department', () => {
  it('is a valid department of the config, in a block nobody uses', () => {
    const more = withOneMoreDepartment(config);
    expect(more.departments).toHaveLength(config.departments.length + 1);
    expect(semanticIssues(more)).toEqual([]);
  });
});

describe('the whole government', () => {
  it('prices every resource it deploys', () => {
    const hk = loadConfig(path.join(REPO_ROOT, 'config', 'hk-government.yaml'));
    const estimate = estimatePlatform(synthesizeTemplates(hk), (r) => loadPriceBook(r), DEFAULT_ASSUMPTIONS);
    expect(estimate.unpriced).toEqual({});
    expect(estimate.stacks.filter((s) => s.id.startsWith('Dept-'))).toHaveLength(hk.departments.length);
  });
});

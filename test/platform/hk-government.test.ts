import * as path from 'node:path';
import { limitBreaches, stackFigures } from '../../lib/compliance/stack-limits';
import { loadConfig } from '../../lib/config/load';
import { buildPlatform } from '../../lib/platform';
import { REPO_ROOT, unitTestApp } from '../helpers/platform';

/** The whole government: every bureau and department. CI also synthesizes it with the CLI and the compliance gate. */
describe('config/hk-government.yaml', () => {
  const config = loadConfig(path.join(REPO_ROOT, 'config', 'hk-government.yaml'));
  const app = unitTestApp();
  buildPlatform(app, config);
  const assembly = app.synth();

  it('holds every bureau and department, none above the ceiling', () => {
    expect(config.departments.length).toBeGreaterThanOrEqual(78);
    expect(new Set(config.departments.map((d) => d.code)).size).toBe(config.departments.length);
    expect(config.departments.every((d) => ['UNCLASSIFIED', 'RESTRICTED'].includes(d.classification))).toBe(true);
    expect(config.departments.map((d) => d.code)).toEqual(expect.arrayContaining(['HKPF', 'IMMD', 'DH', 'HKO', 'DPO', 'TD']));
  });

  it('gives each department its own stack and keeps every stack inside CloudFormation limits', () => {
    const names = assembly.stacks.map((s) => s.stackName);
    expect(names.filter((n) => n.startsWith('gcp-Dept-'))).toHaveLength(config.departments.length);
    const breaches = assembly.stacks.flatMap((s) => limitBreaches(stackFigures(s.stackName, s.template)));
    expect(breaches).toEqual([]);
  });

  it('keeps a department cheap: well under 100 resources and no function of its own', () => {
    for (const stack of assembly.stacks.filter((s) => s.stackName.startsWith('gcp-Dept-'))) {
      const resources = Object.values(stack.template.Resources as Record<string, { Type: string }>);
      expect(resources.length).toBeLessThan(100);
      expect(resources.filter((r) => r.Type === 'AWS::Lambda::Function')).toEqual([]);
    }
  });

  it('is an organization: every stack names its account, every department has its own, in the OU of its classification', () => {
    expect(config.platform.tenancy).toBe('organization');
    for (const stack of assembly.stacks) expect(stack.environment.account).toMatch(/^\d{12}$/);
    const departmentAccounts = config.departments.map((d) => assembly.getStackByName(`gcp-Dept-${d.code}`).environment.account);
    expect(departmentAccounts).toEqual(config.departments.map((d) => d.account));
    expect(new Set(departmentAccounts).size).toBe(config.departments.length);
    const organization = assembly.getStackByName('gcp-Organization');
    const byId = organization.template.Resources as Record<string, { Type: string; Properties: any }>;
    const accounts = Object.values(byId).filter((r) => r.Type === 'AWS::Organizations::Account');
    for (const dept of config.departments) {
      const account = accounts.find((r) => r.Properties.Email === dept.accountEmail);
      const ou = byId[account?.Properties.ParentIds[0]['Fn::GetAtt'][0]];
      expect([ou.Type, ou.Properties.Name]).toEqual([
        'AWS::Organizations::OrganizationalUnit',
        dept.classification === 'RESTRICTED' ? 'Restricted' : 'Unclassified',
      ]);
    }
  });

  it('puts all the budgets in one stack in us-east-1', () => {
    const budgets = assembly.stacks.find((s) => s.stackName === 'gcp-Budgets');
    expect(budgets?.environment.region).toBe('us-east-1');
    expect(
      Object.values(budgets?.template.Resources as Record<string, { Type: string }>).filter((r) => r.Type === 'AWS::Budgets::Budget'),
    ).toHaveLength(config.departments.length);
  });
});

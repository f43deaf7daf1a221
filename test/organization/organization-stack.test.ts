import { Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { SCPS_PER_TARGET } from '../../lib/organization/guardrails';
import { OrganizationStack } from '../../lib/organization/organization-stack';
import { buildAccounts, buildPlatform } from '../../lib/platform';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';
import { organizationConfig } from './support';

const ouId = (template: Template, name: string) => {
  const [id] = Object.keys(template.findResources('AWS::Organizations::OrganizationalUnit', { Properties: { Name: name } }));
  if (!id) throw new Error(`no OU ${name}`);
  return { 'Fn::GetAtt': [id, 'Id'] };
};

describe('Organization stack', () => {
  const config = organizationConfig((r) => {
    r.organization.rootId = 'r-ab12';
    // FEHD's account exists already and is only referenced.
    delete r.departments[2].accountEmail;
  });
  const app = unitTestApp();
  const platform = buildPlatform(app, config);
  const stack = platform.organization as OrganizationStack;
  const template = Template.fromStack(stack);

  it('deploys to the management account, in us-east-1', () => {
    expect(stack.account).toBe('100000000001');
    expect(stack.region).toBe('us-east-1');
  });

  it('has the OUs: Security, Infrastructure, Workloads with a child per classification, Sandbox, Suspended', () => {
    for (const name of ['Security', 'Infrastructure', 'Workloads', 'Sandbox', 'Suspended']) {
      template.hasResourceProperties('AWS::Organizations::OrganizationalUnit', { Name: name, ParentId: 'r-ab12' });
    }
    for (const name of ['Unclassified', 'Restricted', 'Confidential']) {
      template.hasResourceProperties('AWS::Organizations::OrganizationalUnit', { Name: name, ParentId: ouId(template, 'Workloads') });
    }
    // Under a RESTRICTED ceiling there is no Secret OU.
    template.resourceCountIs('AWS::Organizations::OrganizationalUnit', 8);
  });

  it('puts each account it manages in its OU: a department by its classification', () => {
    template.hasResourceProperties('AWS::Organizations::Account', {
      AccountName: 'gcp-dept-dpo',
      Email: 'aws-dpo@example.gov.hk',
      ParentIds: [ouId(template, 'Restricted')],
      Tags: Match.arrayWith([{ Key: 'Department', Value: 'DPO' }]),
    });
    template.hasResourceProperties('AWS::Organizations::Account', {
      AccountName: 'gcp-log-archive',
      ParentIds: [ouId(template, 'Security')],
    });
    template.hasResourceProperties('AWS::Organizations::Account', {
      AccountName: 'gcp-network',
      ParentIds: [ouId(template, 'Infrastructure')],
    });
  });

  it('creates accounts one at a time and never closes one it stops managing', () => {
    const accounts = Object.entries(template.findResources('AWS::Organizations::Account'));
    // Four platform accounts and the two departments with e-mails; FEHD is only referenced.
    expect(accounts).toHaveLength(6);
    accounts.forEach(([, account], i) => {
      expect(account.DeletionPolicy).toBe('Retain');
      if (i > 0) expect(account.DependsOn).toEqual([accounts[i - 1][0]]);
    });
    // Each new account's id is an output, to be written into the config.
    template.hasOutput('*', {
      Value: { 'Fn::GetAtt': [accounts[0][0], 'AccountId'] },
      Description: 'organization.accounts.logArchive.account',
    });
  });

  it('attaches each guardrail to its targets, the OU chain of a referenced account to the account', () => {
    template.hasResourceProperties('AWS::Organizations::Policy', {
      Name: 'gcp-region-lock',
      Type: 'SERVICE_CONTROL_POLICY',
      TargetIds: ['r-ab12'],
      Content: Match.objectLike({ Statement: [Match.objectLike({ Sid: 'DenyOutsidePermittedRegions' })] }),
    });
    template.hasResourceProperties('AWS::Organizations::Policy', {
      Name: 'gcp-workload-guardrails',
      TargetIds: [ouId(template, 'Workloads'), '200000000002'],
    });
    template.hasResourceProperties('AWS::Organizations::Policy', {
      Name: 'gcp-restricted-data',
      TargetIds: [ouId(template, 'Restricted'), ouId(template, 'Confidential')],
    });
    template.hasResourceProperties('AWS::Organizations::Policy', { Name: 'gcp-suspended', TargetIds: [ouId(template, 'Suspended')] });
    Annotations.fromStack(stack).hasInfo('/Organization/Accounts', Match.stringLikeRegexp('departments\\[2\\].*200000000002.*referenced'));
  });

  it('leaves no unacknowledged cdk-nag finding', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });

  it(`leaves every target within Organizations' five SCPs (FullAWSAccess and ${SCPS_PER_TARGET} of the platform)`, () => {
    const perTarget = new Map<string, number>();
    for (const policy of Object.values(template.findResources('AWS::Organizations::Policy'))) {
      for (const target of policy.Properties.TargetIds) {
        const key = JSON.stringify(target);
        perTarget.set(key, (perTarget.get(key) ?? 0) + 1);
      }
    }
    expect(perTarget.get('"r-ab12"')).toBe(4);
    for (const count of perTarget.values()) expect(count).toBeLessThanOrEqual(SCPS_PER_TARGET);
  });

  it("shares the Transit Gateway with the departments' accounts, inside the organization only", () => {
    const hub = Template.fromStack(platform.network.hub);
    const [tgw] = Object.keys(hub.findResources('AWS::EC2::TransitGateway'));
    hub.hasResourceProperties('AWS::RAM::ResourceShare', {
      Principals: ['200000000000', '200000000001', '200000000002'],
      AllowExternalPrincipals: false,
      ResourceArns: [{ 'Fn::Join': ['', ['arn:aws:ec2:ap-east-1:100000000004:transit-gateway/', { Ref: tgw }]] }],
    });
  });

  it('puts every stack in its account: departments in their own, platform stacks in theirs', () => {
    const accountOf = (id: string) => Stack.of(app.node.findChild(id));
    expect(accountOf('Dept-DPO').account).toBe('200000000000');
    expect(accountOf('Dept-FEHD').account).toBe('200000000002');
    expect(accountOf('Security').account).toBe('100000000002');
    expect(accountOf('NetworkHub').account).toBe('100000000004');
    expect(accountOf('SharedServices').account).toBe('100000000005');
    expect(accountOf('Service-platform').account).toBe('100000000005');
    expect(accountOf('Notify-Email').account).toBe('100000000005');
    expect(accountOf('Budgets').account).toBe('100000000001');
  });
});

describe('Organization stack of a new organization', () => {
  const config = organizationConfig((r) => {
    r.platform.classificationCeiling = 'SECRET';
    r.departments[0].classification = 'SECRET';
    // TD's account is still to be created.
    delete r.departments[1].account;
  });
  const app = unitTestApp();
  const platform = buildPlatform(app, config);
  const template = Template.fromStack(platform.organization as OrganizationStack);

  it('creates the organization, with all features, and hangs the OUs on its root', () => {
    template.hasResource('AWS::Organizations::Organization', { Properties: { FeatureSet: 'ALL' }, DeletionPolicy: 'Retain' });
    const [org] = Object.keys(template.findResources('AWS::Organizations::Organization'));
    template.hasResourceProperties('AWS::Organizations::OrganizationalUnit', {
      Name: 'Security',
      ParentId: { 'Fn::GetAtt': [org, 'RootId'] },
    });
  });

  it('has a Secret OU when the ceiling allows SECRET, guarded as CONFIDENTIAL and above', () => {
    const secret = ouId(template, 'Secret');
    template.hasResourceProperties('AWS::Organizations::Account', {
      AccountName: 'gcp-dept-dpo',
      ParentIds: [secret],
      // The department's own classification, not the stack's.
      Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'SECRET' }]),
    });
    template.hasResourceProperties('AWS::Organizations::Policy', {
      Name: 'gcp-confidential-data',
      TargetIds: [ouId(template, 'Confidential'), secret],
    });
  });

  it("creates a department's account before its stacks exist: they are built once its id is in the config", () => {
    template.hasResourceProperties('AWS::Organizations::Account', { AccountName: 'gcp-dept-td', Email: 'aws-td@example.gov.hk' });
    expect(platform.departments.map((d) => d.node.id)).toEqual(['Dept-DPO', 'Dept-FEHD']);
    expect(app.node.tryFindChild('Dept-TD')).toBeUndefined();
  });
});

describe('accounts still to be created', () => {
  const config = organizationConfig((r) => delete r.organization.accounts.network.account);

  it('stop the platform from being built, naming them', () => {
    expect(() => buildPlatform(unitTestApp(), config)).toThrow(/organization\.accounts\.network/);
  });

  it('leave the Organization stack alone to build, which creates them', () => {
    const app = unitTestApp();
    const stack = buildAccounts(app, config);
    expect(stack).toBeInstanceOf(OrganizationStack);
    expect(app.node.children.map((c) => c.node.id)).toEqual(['Organization']);
    Template.fromStack(stack as OrganizationStack).hasResourceProperties('AWS::Organizations::Account', {
      AccountName: 'gcp-network',
      Email: 'aws-network@example.gov.hk',
    });
  });
});

describe('single-account mode', () => {
  it('builds no Organization stack, and leaves every stack to the account of the credentials', () => {
    const app = unitTestApp();
    const platform = buildPlatform(app, defaultConfig());
    expect(platform.organization).toBeUndefined();
    Template.fromStack(platform.network.hub).resourceCountIs('AWS::RAM::ResourceShare', 0);
    expect(app.node.tryFindChild('Organization')).toBeUndefined();
    for (const stack of [platform.security, platform.network.hub, platform.sharedServices, platform.budgets, ...platform.departments]) {
      expect(Token.isUnresolved(stack.account)).toBe(true);
      expect(stack.resolve(stack.account)).toEqual({ Ref: 'AWS::AccountId' });
    }
  });
});

import { Match, Template } from 'aws-cdk-lib/assertions';
import { deploymentOrder } from '../../lib/delivery/deployment-order';
import { delegatedServices } from '../../lib/organization/delegated-services';
import type { SecurityDelegationStack } from '../../lib/organization/security-delegation-stack';
import { buildPlatform } from '../../lib/platform';
import { MANAGED_RULES } from '../../lib/security/detection/config-rules';
import type { OrganizationSecurityStack } from '../../lib/security/organization-security-stack';
import { conformancePackTemplate } from '../../lib/security/organization-security-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';
import { organizationConfig } from './support';

describe('Security delegated to the audit account', () => {
  const config = organizationConfig((r) => {
    r.organization.rootId = 'r-ab12';
    r.security = { ...(r.security ?? {}), macie: true };
  });
  const platform = buildPlatform(unitTestApp(), config);
  const delegation = platform.securityDelegation as SecurityDelegationStack;
  const audit = platform.organizationSecurity as OrganizationSecurityStack;
  const delegationTemplate = Template.fromStack(delegation);
  const auditTemplate = Template.fromStack(audit);

  it('delegates from the management account, in the platform region, to the audit account', () => {
    expect(delegation.account).toBe('100000000001');
    expect(delegation.region).toBe(config.platform.region);
    delegationTemplate.hasResourceProperties('AWS::SecurityHub::DelegatedAdmin', { AdminAccountId: '100000000003' });
  });

  it('outputs the one command for each service CloudFormation cannot delegate, naming the audit account', () => {
    const outputs = Object.values(delegationTemplate.findOutputs('*')).map((o) => o.Value as string);
    expect(outputs).toEqual(
      expect.arrayContaining([
        'aws guardduty enable-organization-admin-account --admin-account-id 100000000003',
        'aws macie2 enable-organization-admin-account --admin-account-id 100000000003',
        expect.stringContaining(
          'register-delegated-administrator --service-principal config-multiaccountsetup.amazonaws.com --account-id 100000000003',
        ),
        expect.stringContaining(
          'register-delegated-administrator --service-principal access-analyzer.amazonaws.com --account-id 100000000003',
        ),
      ]),
    );
    expect(outputs).toHaveLength(5);
  });

  it('leaves Macie out of the delegations where Macie is off', () => {
    expect(delegatedServices(false, '1').map((s) => s.name)).not.toContain('Macie');
    expect(delegatedServices(true, '1').map((s) => s.name)).toContain('Macie');
  });

  it('runs the organization-wide services in the audit account, after the delegation', () => {
    expect(audit.account).toBe('100000000003');
    expect(audit.dependencies).toContain(delegation);
    auditTemplate.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ORGANIZATION' });
    auditTemplate.hasResourceProperties('AWS::SecurityHub::OrganizationConfiguration', { AutoEnable: true, ConfigurationType: 'LOCAL' });
    auditTemplate.hasResourceProperties('AWS::Config::ConfigurationAggregator', {
      OrganizationAggregationSource: Match.objectLike({ AllAwsRegions: false, AwsRegions: Match.arrayWith([config.platform.region]) }),
    });
  });

  it("deploys the platform's managed Config rules to every workload account as a conformance pack", () => {
    const [pack] = Object.values(auditTemplate.findResources('AWS::Config::OrganizationConformancePack'));
    const body = JSON.parse(pack?.Properties.TemplateBody);
    expect(Object.keys(body.Resources)).toEqual(MANAGED_RULES.map((r) => r.id));
    expect(body).toEqual(conformancePackTemplate());
    expect(pack?.Properties.ExcludedAccounts).toEqual(['100000000002', '100000000003']);
  });

  it("forwards serious findings to the CERT's bus in the shared-services account, which accepts them from the audit account only", () => {
    const rules = auditTemplate.findResources('AWS::Events::Rule');
    expect(Object.keys(rules)).toHaveLength(2);
    for (const rule of Object.values(rules)) {
      expect(JSON.stringify(rule.Properties.Targets)).toContain(':100000000005:event-bus/default');
    }
    Template.fromStack(platform.services.cert as never).hasResourceProperties('AWS::Events::EventBusPolicy', {
      EventBusName: 'default',
      Statement: Match.objectLike({
        Action: 'events:PutEvents',
        Principal: { AWS: 'arn:aws:iam::100000000003:root' },
      }),
    });
  });

  it('deploys the delegation before the security baseline and the organization services with it', () => {
    const steps = deploymentOrder(platform, config.delivery.waveSize).map((s) => [s.name, s.stacks]);
    const names = steps.map(([n]) => n);
    expect(names.indexOf('SecurityDelegation')).toBe(names.indexOf('Organization') + 1);
    expect(steps.find(([n]) => n === 'Security')?.[1]).toEqual(['Security', 'OrganizationSecurity']);
  });

  it('passes the four packs with only acknowledgements that name their control', () => {
    expect(unacknowledgedFindings(delegation)).toEqual([]);
    expect(unacknowledgedFindings(audit)).toEqual([]);
  });

  it('adds nothing in single-account mode', () => {
    const single = buildPlatform(unitTestApp(), defaultConfig());
    expect(single.securityDelegation).toBeUndefined();
    expect(single.organizationSecurity).toBeUndefined();
    expect(Template.fromStack(single.services.cert as never).findResources('AWS::Events::EventBusPolicy')).toEqual({});
  });
});

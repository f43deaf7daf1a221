import { eastWestRules, RULE_GROUP_PRIORITIES, STATEFUL_DEFAULT_ACTIONS } from '../../lib/network/firewall-policy';
import { InspectionStack } from '../../lib/network/inspection-stack';
import { defaultConfig, unitTestApp } from '../helpers/platform';
import { configVariant } from './config-variants';
import { TemplateModel } from './network-model';

describe('the inspection firewall', () => {
  const config = defaultConfig();
  const stack = new InspectionStack(unitTestApp(), 'Inspection', { config });
  const model = new TemplateModel(stack);
  const groups = Object.fromEntries(model.ofType('AWS::NetworkFirewall::RuleGroup').map(([id, r]) => [id, r.Properties]));
  const groupNamed = (name: string) => Object.entries(groups).find(([, g]) => g.RuleGroupName === `gcp-${name}`) ?? [];

  it('runs every stateful rule group in strict order, block list first, and drops what none passed', () => {
    const [, policy] = model.only('AWS::NetworkFirewall::FirewallPolicy');
    const body = policy.Properties.FirewallPolicy;
    expect(body.StatefulEngineOptions.RuleOrder).toBe('STRICT_ORDER');
    expect(body.StatelessDefaultActions).toEqual(['aws:forward_to_sfe']);
    expect(body.StatefulDefaultActions).toEqual([...STATEFUL_DEFAULT_ACTIONS]);
    const order = body.StatefulRuleGroupReferences.map((r: any) => [r.ResourceArn['Fn::GetAtt'][0], r.Priority]);
    expect(order).toEqual([
      [groupNamed('block-list')[0], RULE_GROUP_PRIORITIES.blockList],
      [groupNamed('east-west')[0], RULE_GROUP_PRIORITIES.eastWest],
      [groupNamed('egress-allowlist')[0], RULE_GROUP_PRIORITIES.egressAllowList],
    ]);
    for (const g of Object.values(groups)) expect(g.RuleGroup.StatefulRuleOptions.RuleOrder).toBe('STRICT_ORDER');
  });

  it('allows the configured domains out, and blocks the block list, from the whole platform range', () => {
    const [, allow] = groupNamed('egress-allowlist');
    expect(allow.RuleGroup.RulesSource.RulesSourceList).toEqual({
      GeneratedRulesType: 'ALLOWLIST',
      TargetTypes: ['TLS_SNI', 'HTTP_HOST'],
      Targets: config.network.egress.allowedDomains,
    });
    const [, block] = groupNamed('block-list');
    expect(block.RuleGroup.RulesSource.RulesSourceList.GeneratedRulesType).toBe('DENYLIST');
    expect(block.RuleGroup.RulesSource.RulesSourceList.Targets).toEqual(config.network.egress.blockedDomains);
    for (const g of [allow, block]) expect(g.RuleGroup.RuleVariables.IPSets.HOME_NET.Definition).toEqual([config.platform.cidr]);
  });

  it('drops department-to-department traffic in deny mode and knows every department block', () => {
    const [, eastWest] = groupNamed('east-west');
    expect(eastWest.RuleGroup.RulesSource.RulesString).toMatch(/^drop ip \$DEPARTMENT_NETS any -> \$DEPARTMENT_NETS any/);
    expect(eastWest.RuleGroup.RuleVariables.IPSets.DEPARTMENT_NETS.Definition).toEqual(config.departments.map((d) => d.cidr));
  });

  it('has one endpoint per availability zone, in the firewall subnets', () => {
    const [, firewall] = model.only('AWS::NetworkFirewall::Firewall');
    expect(firewall.Properties.SubnetMappings).toHaveLength(config.platform.availabilityZones.length);
    const firewallSubnets = new Set(model.subnetRoutes('Firewall').map((r) => r.subnet));
    for (const mapping of firewall.Properties.SubnetMappings) expect(firewallSubnets.has(mapping.SubnetId.Ref)).toBe(true);
    expect(firewall.Properties.DeleteProtection).toBe(true);
  });

  it('sends alerts to an encrypted CloudWatch log group and flow logs to the log archive', () => {
    const [alertsId, alerts] = model.only('AWS::Logs::LogGroup');
    expect(model.ssmName(alerts.Properties.KmsKeyId)).toBe('/gcp/network/key-arn');
    expect(alerts.Properties.RetentionInDays).toBe(config.logging.retentionDays);
    const [, resourcePolicy] = model.only('AWS::Logs::ResourcePolicy');
    expect(JSON.stringify(resourcePolicy.Properties.PolicyDocument)).toContain('delivery.logs.amazonaws.com');
    const [, logging] = model.only('AWS::NetworkFirewall::LoggingConfiguration');
    const destinations = logging.Properties.LoggingConfiguration.LogDestinationConfigs;
    expect(destinations).toEqual([
      { LogType: 'ALERT', LogDestinationType: 'CloudWatchLogs', LogDestination: { logGroup: { Ref: alertsId } } },
      { LogType: 'FLOW', LogDestinationType: 'S3', LogDestination: { bucketName: expect.anything() } },
    ]);
    expect(model.ssmName(destinations[1].LogDestination.bucketName)).toBe('/gcp/security/log-archive-bucket-name');
  });
});

describe('eastWestRules', () => {
  it('drops department-to-department traffic before passing platform traffic in deny mode', () => {
    const rules = eastWestRules('deny').split('\n');
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatch(/^drop ip \$DEPARTMENT_NETS/);
    expect(rules[1]).toMatch(/^pass ip \$PLATFORM_NET any -> \$PLATFORM_NET any/);
  });

  it('passes it, inspected and logged, in inspect mode', () => {
    expect(eastWestRules('inspect')).not.toMatch(/drop/);
    expect(eastWestRules('inspect')).toMatch(/^pass ip \$PLATFORM_NET/);
  });

  it('gives every rule a distinct signature id', () => {
    const sids = eastWestRules('deny').match(/sid:\d+/g) ?? [];
    expect(new Set(sids).size).toBe(sids.length);
  });
});

describe('a firewall without lists', () => {
  const config = configVariant((raw) => {
    raw.network.egress = { allowedDomains: [], blockedDomains: [] };
    raw.platform.profile = 'dev';
  });
  const model = new TemplateModel(new InspectionStack(unitTestApp(), 'Inspection', { config }));

  it('has only the east-west group, so the default drops all internet traffic', () => {
    expect(model.ofType('AWS::NetworkFirewall::RuleGroup').map(([, r]) => r.Properties.RuleGroupName)).toEqual(['gcp-east-west']);
  });

  it('can be deleted in the dev profile', () => {
    expect(model.only('AWS::NetworkFirewall::Firewall')[1].Properties.DeleteProtection).toBe(false);
  });
});

import { DEFAULT_ASSUMPTIONS as A } from '../../lib/cost/assumptions';
import { loadPriceBook } from '../../lib/cost/price-book';
import type { TemplateResource } from '../../lib/cost/pricing';
import { PRICING, pricingOf } from '../../lib/cost/rules';
import { p, testContext } from './support';

const H = A.hoursPerMonth;

/** Each priced type, a resource of it, and its monthly baseline worked out from the test prices. */
const BASELINE_CASES: ReadonlyArray<[string, Record<string, any>, number]> = [
  ['AWS::EC2::NatGateway', {}, H * p('natGatewayHour') + A.natGbPerGateway * p('natGatewayGb')],
  ['AWS::EC2::EIP', {}, H * p('publicIpv4Hour')],
  [
    'AWS::NetworkFirewall::Firewall',
    { SubnetMappings: [{}, {}, {}] },
    3 * H * p('networkFirewallEndpointHour') + 3 * A.firewallGbPerEndpoint * p('networkFirewallGb'),
  ],
  ['AWS::EC2::TransitGatewayVpcAttachment', {}, H * p('transitGatewayAttachmentHour') + A.transitGbPerAttachment * p('transitGatewayGb')],
  ['AWS::EC2::TransitGatewayAttachment', {}, H * p('transitGatewayAttachmentHour')],
  ['AWS::EC2::VPNConnection', { TransitGatewayId: 'tgw-1' }, H * p('vpnConnectionHour') + H * p('transitGatewayAttachmentHour')],
  [
    'AWS::EC2::VPCEndpoint',
    { VpcEndpointType: 'Interface', SubnetIds: ['a', 'b', 'c'] },
    3 * H * p('interfaceEndpointAzHour') + A.interfaceEndpointGb * p('interfaceEndpointGb'),
  ],
  ['AWS::Route53Resolver::ResolverEndpoint', { IpAddresses: [{}, {}] }, 2 * H * p('resolverEndpointEniHour')],
  ['AWS::Route53Resolver::FirewallRuleGroup', {}, A.dnsQueriesMillions * p('dnsFirewallQueriesMillion')],
  ['AWS::Route53Resolver::FirewallDomainList', { Domains: ['a.example', 'b.example'] }, 2 * p('dnsFirewallDomainMonth')],
  ['AWS::Route53Profiles::Profile', {}, H * p('route53ProfileHour')],
  ['AWS::Route53::HostedZone', {}, p('hostedZoneMonth')],
  ['AWS::EC2::FlowLog', { LogDestinationType: 's3' }, A.flowLogGbPerLog * p('vendedLogsS3Gb')],
  ['AWS::Config::ConfigurationRecorder', {}, A.configItemsPerMonth * p('configItem')],
  ['AWS::Config::ConfigRule', {}, A.evaluationsPerRule * p('configRuleEvaluation')],
  [
    'AWS::GuardDuty::Detector',
    {},
    A.guardDutyManagementEventsMillions * p('guardDutyManagementEventsMillion') + A.guardDutyLogGb * p('guardDutyLogsGb'),
  ],
  ['AWS::SecurityHub::Standard', {}, A.securityChecksPerStandard * p('securityHubCheck')],
  [
    'AWS::Macie::Session',
    {},
    A.macieBuckets * p('macieBucketMonth') + A.macieObjectsHundredThousands * p('macieObjectsMonitoredHundredThousand'),
  ],
  [
    'AWS::CloudTrail::Trail',
    { EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object' }] }] },
    A.dataEventsHundredThousands * p('cloudTrailDataEventsHundredThousand'),
  ],
  ['AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT_UNUSED_ACCESS' }, A.analyzedRoles * p('accessAnalyzerUnusedRoleMonth')],
  ['AWS::KMS::Key', {}, p('kmsKeyMonth')],
  ['AWS::SecretsManager::Secret', {}, p('secretMonth')],
  [
    'AWS::WAFv2::WebACL',
    { Rules: [{}, {}, {}, {}] },
    p('wafWebAclMonth') + 4 * p('wafRuleMonth') + A.wafRequestsMillions * p('wafRequestsMillion'),
  ],
  [
    'AWS::Logs::LogGroup',
    { RetentionInDays: 90 },
    A.logGbPerGroup * p('logsIngestGb') + 3 * A.logGbPerGroup * p('logsStoreGbMonth'), // 90 days kept: 3 months' events
  ],
  [
    'AWS::CloudWatch::Alarm',
    { Metrics: [{ MetricStat: { Period: 300 } }, { MetricStat: { Period: 300 } }, { Expression: 'a/b' }] },
    2 * p('alarmStandardMonth'),
  ],
  ['AWS::CloudWatch::CompositeAlarm', {}, p('compositeAlarmMonth')],
  ['AWS::CloudWatch::Dashboard', {}, p('dashboardMonth')],
  ['AWS::Backup::BackupSelection', { BackupSelection: { Resources: ['a', 'b'] } }, 2 * A.backupGbPerSelection * p('backupWarmGbMonth')],
  ['AWS::Budgets::Budget', {}, (365 / 12) * p('budgetDay')],
  ['AWS::SSM::Parameter', { Tier: 'Advanced' }, p('ssmAdvancedParameterMonth')],
  ['AWS::ApiGateway::Stage', {}, 0],
  ['AWS::Cognito::UserPool', { UserPoolTier: 'PLUS' }, A.monthlyActiveUsers * p('cognitoPlusMau')],
];

/** Configurations of priced types that cost nothing, or something else. */
const VARIANT_CASES: ReadonlyArray<[string, Record<string, any>, number]> = [
  ['AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' }, 0],
  ['AWS::EC2::VPNConnection', {}, H * p('vpnConnectionHour')],
  ['AWS::EC2::FlowLog', { LogDestinationType: 'cloud-watch-logs' }, A.flowLogGbPerLog * p('logsIngestGb')],
  ['AWS::CloudTrail::Trail', { EventSelectors: [{ IncludeManagementEvents: true }] }, 0],
  ['AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT' }, 0],
  ['AWS::SSM::Parameter', { Tier: 'Standard' }, 0],
  ['AWS::CloudWatch::Alarm', { Period: 10 }, p('alarmHighResolutionMonth')],
  ['AWS::Cognito::UserPool', { UserPoolTier: 'ESSENTIALS' }, (A.monthlyActiveUsers - 10_000) * p('cognitoEssentialsMau')],
  ['AWS::Cognito::UserPool', { UserPoolTier: 'LITE' }, (A.monthlyActiveUsers - 10_000) * p('cognitoLiteMau')],
  ['AWS::Logs::LogGroup', {}, A.logGbPerGroup * p('logsIngestGb') + 12 * A.logGbPerGroup * p('logsStoreGbMonth')],
];

function baseline(type: string, properties: Record<string, any>): number {
  const pricing = pricingOf(type);
  if (pricing?.kind !== 'baseline') throw new Error(`${type} is not priced by its baseline`);
  const resource: TemplateResource = { Type: type, Properties: properties };
  return (pricing.items(resource, testContext()) ?? []).reduce((sum, i) => sum + i.monthlyUsd, 0);
}

describe('the monthly baseline of each priced resource type', () => {
  it.each([...BASELINE_CASES, ...VARIANT_CASES])('%s %j', (type, properties, expected) => {
    expect(baseline(type, properties)).toBeCloseTo(expected, 9);
  });

  it('has a case for every type priced by its baseline', () => {
    const priced = Object.entries(PRICING)
      .filter(([, pricing]) => pricing.kind === 'baseline')
      .map(([type]) => type);
    expect(priced.filter((t) => !BASELINE_CASES.some(([c]) => c === t))).toEqual([]);
  });
});

describe('the unit prices of each usage-priced type', () => {
  const usageTypes = Object.entries(PRICING).filter(([, pricing]) => pricing.kind === 'usage');

  it.each(usageTypes.map(([type]) => type))('%s has unit prices', (type) => {
    const pricing = pricingOf(type);
    if (pricing?.kind !== 'usage') throw new Error('not usage-priced');
    const items = pricing.items({ Type: type, Properties: { BillingMode: 'PAY_PER_REQUEST' } }, testContext());
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.usd).toBeGreaterThan(0);
  });

  it('states prices per thousands of requests per million', () => {
    const s3 = pricingOf('AWS::S3::Bucket');
    if (s3?.kind !== 'usage') throw new Error('not usage-priced');
    const prices = loadPriceBook('ap-east-1');
    const put = s3.items({ Type: 'AWS::S3::Bucket' }, { prices, assumptions: A }).find((i) => i.item.startsWith('S3 PUT'));
    expect(prices.price('s3PutThousand').per).toBe('1,000 requests');
    expect(put).toMatchObject({ per: 'million requests', usd: prices.usd('s3PutThousand') * 1000 });
  });

  it('prices a function by its memory', () => {
    const fn = pricingOf('AWS::Lambda::Function');
    if (fn?.kind !== 'usage') throw new Error('not usage-priced');
    const [, compute] = fn.items({ Type: 'AWS::Lambda::Function', Properties: { MemorySize: 1024 } }, testContext());
    expect(compute.usd).toBeCloseTo(p('lambdaArmGbSecond') * 1 * (A.lambdaMilliseconds / 1000) * 1_000_000, 9);
  });
});

describe('types without a price', () => {
  it('gives custom resources no standing charge', () => {
    expect(pricingOf('Custom::Anything')?.kind).toBe('free');
  });

  it('knows nothing of a type nobody priced', () => {
    expect(pricingOf('AWS::Example::Thing')).toBeUndefined();
  });
});

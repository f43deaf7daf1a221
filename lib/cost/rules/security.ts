import { charge, listLength, type Pricing } from '../pricing';

const free = (why: string): Pricing => ({ kind: 'free', why });

/** The security baseline: detection, audit, keys and secrets. */
export const SECURITY_PRICING: Record<string, Pricing> = {
  'AWS::Config::ConfigurationRecorder': {
    kind: 'baseline',
    items: (_r, ctx) => [
      charge(
        ctx,
        'Config items recorded',
        'configItem',
        ctx.assumptions.configItemsPerMonth,
        `${ctx.assumptions.configItemsPerMonth.toLocaleString('en')} items`,
      ),
    ],
  },
  'AWS::Config::ConfigRule': {
    kind: 'baseline',
    items: (_r, ctx) => [
      charge(
        ctx,
        'Config rule evaluations',
        'configRuleEvaluation',
        ctx.assumptions.evaluationsPerRule,
        `${ctx.assumptions.evaluationsPerRule.toLocaleString('en')} evaluations`,
      ),
    ],
  },
  'AWS::Config::DeliveryChannel': free('no charge; the snapshots it writes are S3 storage'),
  'AWS::Config::ConformancePack': free('priced by the evaluations of its rules'),
  'AWS::GuardDuty::Detector': {
    kind: 'baseline',
    items: (_r, ctx) => [
      charge(
        ctx,
        'GuardDuty: management events analysed',
        'guardDutyManagementEventsMillion',
        ctx.assumptions.guardDutyManagementEventsMillions,
        `${ctx.assumptions.guardDutyManagementEventsMillions} million events`,
      ),
      charge(
        ctx,
        'GuardDuty: flow and DNS logs analysed',
        'guardDutyLogsGb',
        ctx.assumptions.guardDutyLogGb,
        `${ctx.assumptions.guardDutyLogGb} GB`,
      ),
    ],
  },
  'AWS::GuardDuty::PublishingDestination': free('no charge; the findings it exports are S3 storage'),
  'AWS::SecurityHub::Hub': free('Security Hub is billed by the checks of its standards, priced on each standard'),
  'AWS::SecurityHub::Standard': {
    kind: 'baseline',
    items: (_r, ctx) => [
      charge(
        ctx,
        'Security Hub security checks',
        'securityHubCheck',
        ctx.assumptions.securityChecksPerStandard,
        `${ctx.assumptions.securityChecksPerStandard.toLocaleString('en')} checks`,
      ),
    ],
  },
  'AWS::Macie::Session': {
    kind: 'baseline',
    items: (_r, ctx) => [
      charge(ctx, 'Macie bucket inventory', 'macieBucketMonth', ctx.assumptions.macieBuckets, `${ctx.assumptions.macieBuckets} buckets`),
      charge(
        ctx,
        'Macie automated discovery',
        'macieObjectsMonitoredHundredThousand',
        ctx.assumptions.macieObjectsHundredThousands,
        `${(ctx.assumptions.macieObjectsHundredThousands * 100_000).toLocaleString('en')} objects`,
      ),
    ],
  },
  'AWS::CloudTrail::Trail': {
    kind: 'baseline',
    items: (r, ctx) => {
      const selectors: any[] = r.Properties?.EventSelectors ?? [];
      const dataEvents = selectors.some((s) => listLength(s.DataResources) > 0);
      // The first copy of management events of an account is free.
      return dataEvents
        ? [
            charge(
              ctx,
              'CloudTrail data events',
              'cloudTrailDataEventsHundredThousand',
              ctx.assumptions.dataEventsHundredThousands,
              `${(ctx.assumptions.dataEventsHundredThousands * 100_000).toLocaleString('en')} events`,
            ),
          ]
        : [];
    },
  },
  'AWS::AccessAnalyzer::Analyzer': {
    kind: 'baseline',
    items: (r, ctx) =>
      String(r.Properties?.Type ?? '').endsWith('UNUSED_ACCESS')
        ? [
            charge(
              ctx,
              'IAM Access Analyzer unused access',
              'accessAnalyzerUnusedRoleMonth',
              ctx.assumptions.analyzedRoles,
              `${ctx.assumptions.analyzedRoles} roles`,
            ),
          ]
        : [], // external access analysis is free
  },
  'AWS::KMS::Key': { kind: 'baseline', items: (_r, ctx) => [charge(ctx, 'KMS key', 'kmsKeyMonth', 1, '1 key')] },
  'AWS::KMS::Alias': free('no charge for an alias'),
  'AWS::SecurityHub::DelegatedAdmin': free('no charge for delegating administration; checks are charged in each account'),
  'AWS::SecurityHub::OrganizationConfiguration': free('no charge for the setting; checks are charged in each account'),
  'AWS::Config::ConfigurationAggregator': free('no charge for an aggregator; recorded items are charged in each account'),
  'AWS::Config::OrganizationConformancePack': free('no charge for the pack; rule evaluations are charged in each account'),
  'AWS::Events::EventBusPolicy': free('no charge for a bus policy'),
  'AWS::SecretsManager::Secret': { kind: 'baseline', items: (_r, ctx) => [charge(ctx, 'secret', 'secretMonth', 1, '1 secret')] },
  'AWS::SecretsManager::RotationSchedule': free('rotation runs a function, priced by use'),
  'AWS::WAFv2::WebACL': {
    kind: 'baseline',
    items: (r, ctx) => {
      const rules = listLength(r.Properties?.Rules);
      const requests = ctx.assumptions.wafRequestsMillions;
      return [
        charge(ctx, 'web ACL', 'wafWebAclMonth', 1, '1 web ACL'),
        charge(ctx, `web ACL rules (${rules})`, 'wafRuleMonth', rules, `${rules} rules`),
        charge(ctx, 'web ACL requests inspected', 'wafRequestsMillion', requests, `${requests} million requests`),
      ];
    },
  },
  'AWS::WAFv2::WebACLAssociation': free('no charge'),
  'AWS::WAFv2::LoggingConfiguration': free('the logs it writes are priced where they land'),
  'AWS::IAM::Role': free('no charge for IAM'),
  'AWS::IAM::Policy': free('no charge for IAM'),
  'AWS::IAM::ManagedPolicy': free('no charge for IAM'),
  'AWS::IAM::ServiceLinkedRole': free('no charge for IAM'),
  'AWS::IAM::InstanceProfile': free('no charge for IAM'),
  'AWS::Organizations::Policy': free('no charge for AWS Organizations'),
};

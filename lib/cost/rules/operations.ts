import { charge, listLength, type Pricing } from '../pricing';

const free = (why: string): Pricing => ({ kind: 'free', why });

/** Logs, alarms, dashboards, backups, budgets and parameters. */
export const OPERATIONS_PRICING: Record<string, Pricing> = {
  'AWS::Logs::LogGroup': {
    kind: 'baseline',
    items: (r, ctx) => {
      const gb = ctx.assumptions.logGbPerGroup;
      // In a steady state a group holds a month's events for each month it keeps them (capped at a year here).
      const months = Math.min(12, Math.max(1, Math.round((r.Properties?.RetentionInDays ?? 3653) / 30)));
      return [
        charge(ctx, 'log events ingested', 'logsIngestGb', gb, `${gb} GB`),
        charge(ctx, 'log events stored', 'logsStoreGbMonth', gb * months, `${gb * months} GB kept (${months} months)`),
      ];
    },
  },
  'AWS::Logs::MetricFilter': free('no charge; the metric it publishes is priced by its alarm'),
  'AWS::Logs::ResourcePolicy': free('no charge'),
  'AWS::Logs::LogStream': free('no charge; its group is priced'),
  'AWS::Logs::SubscriptionFilter': free('no charge; the destination is priced'),
  'AWS::CloudWatch::Alarm': {
    kind: 'baseline',
    items: (r, ctx) => {
      const metrics: any[] = r.Properties?.Metrics ?? [];
      const count = Math.max(1, metrics.filter((m) => m.MetricStat).length);
      const periods = [r.Properties?.Period, ...metrics.map((m) => m.MetricStat?.Period)].filter((p) => typeof p === 'number');
      const highResolution = periods.some((p) => p < 60);
      return [
        charge(
          ctx,
          highResolution ? 'high-resolution alarm' : 'alarm',
          highResolution ? 'alarmHighResolutionMonth' : 'alarmStandardMonth',
          count,
          `${count} metric${count === 1 ? '' : 's'}`,
        ),
      ];
    },
  },
  'AWS::CloudWatch::CompositeAlarm': {
    kind: 'baseline',
    items: (_r, ctx) => [charge(ctx, 'composite alarm', 'compositeAlarmMonth', 1, '1 alarm')],
  },
  'AWS::CloudWatch::Dashboard': {
    kind: 'baseline',
    items: (_r, ctx) => [charge(ctx, 'dashboard (the first 3 of an account are free)', 'dashboardMonth', 1, '1 dashboard')],
  },
  'AWS::Backup::BackupPlan': free('a plan is billed by the backups it keeps, priced on its selections'),
  'AWS::Backup::BackupVault': free('a vault is billed by the backups it holds, priced on the selections'),
  'AWS::Backup::BackupSelection': {
    kind: 'baseline',
    items: (r, ctx) => {
      const resources = Math.max(1, listLength(r.Properties?.BackupSelection?.Resources));
      const gb = resources * ctx.assumptions.backupGbPerSelection;
      return [charge(ctx, `warm backups of ${resources} resource${resources === 1 ? '' : 's'}`, 'backupWarmGbMonth', gb, `${gb} GB`)];
    },
  },
  'AWS::Budgets::Budget': {
    kind: 'baseline',
    // The first two budgets of an account are free; a platform has more, so each is counted.
    items: (_r, ctx) => [charge(ctx, 'budget', 'budgetDay', 365 / 12, '30.4 days')],
  },
  'AWS::SSM::Parameter': {
    kind: 'baseline',
    items: (r, ctx) =>
      r.Properties?.Tier === 'Advanced' ? [charge(ctx, 'advanced parameter', 'ssmAdvancedParameterMonth', 1, '1 parameter')] : [],
  },
  'AWS::Organizations::Organization': free('AWS Organizations has no charge'),
  'AWS::Organizations::OrganizationalUnit': free('AWS Organizations has no charge'),
  'AWS::Organizations::Policy': free('AWS Organizations has no charge'),
  'AWS::Organizations::Account': free('no charge for an account; what runs in it is priced in its stacks'),
  'AWS::Events::Rule': free('no charge for rules on AWS service events'),
  'AWS::Lambda::Permission': free('no charge'),
  'AWS::Lambda::EventSourceMapping': free('no charge; the invocations are priced by use'),
  'AWS::SNS::Subscription': free('no charge; deliveries are priced by use'),
  'AWS::SNS::TopicPolicy': free('no charge'),
  'AWS::SQS::QueuePolicy': free('no charge'),
  'AWS::S3::BucketPolicy': free('no charge'),
  'AWS::CloudFront::OriginAccessControl': free('no charge'),
  'AWS::CloudFront::ResponseHeadersPolicy': free('no charge'),
  'AWS::CloudFront::CachePolicy': free('no charge'),
  'AWS::ApiGateway::Account': free('no charge'),
  'AWS::ApiGateway::ApiKey': free('no charge'),
  'AWS::ApiGateway::Authorizer': free('no charge; the authorizer function is priced by use'),
  'AWS::ApiGateway::BasePathMapping': free('no charge'),
  'AWS::ApiGateway::Deployment': free('no charge'),
  'AWS::ApiGateway::DomainName': free('no charge for a custom domain'),
  'AWS::ApiGateway::GatewayResponse': free('no charge'),
  'AWS::ApiGateway::Method': free('no charge'),
  'AWS::ApiGateway::Model': free('no charge'),
  'AWS::ApiGateway::RequestValidator': free('no charge'),
  'AWS::ApiGateway::Resource': free('no charge'),
  'AWS::ApiGateway::UsagePlan': free('no charge'),
  'AWS::ApiGateway::UsagePlanKey': free('no charge'),
  'AWS::ApiGateway::Stage': {
    kind: 'baseline',
    // A stage is free; a cache cluster is not, and has no price here yet.
    items: (r) => (r.Properties?.CacheClusterEnabled ? undefined : []),
  },
  'AWS::Cognito::UserPoolClient': free('no charge'),
  'AWS::Cognito::UserPoolGroup': free('no charge'),
  'AWS::Cognito::UserPoolDomain': free('no charge'),
  'AWS::Cognito::ManagedLoginBranding': free('no charge'),
  'AWS::Cognito::UserPoolIdentityProvider': free("no charge; its people are counted in the pool's monthly active users"),
  'AWS::Cognito::UserPoolRiskConfigurationAttachment': free('in the PLUS tier price of its pool'),
  'AWS::CertificateManager::Certificate': free('no charge for public ACM certificates'),
  'AWS::SES::ConfigurationSetEventDestination': free('no charge; the events it sends are priced where they land'),
  'AWS::CDK::Metadata': free('not deployed as a resource that is billed'),
};

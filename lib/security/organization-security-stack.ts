import * as accessanalyzer from 'aws-cdk-lib/aws-accessanalyzer';
import * as awsconfig from 'aws-cdk-lib/aws-config';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import type { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';
import { ManagedPolicyRole } from '../constructs/managed-policy-role';
import { accountOf } from '../organization/accounts';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { MANAGED_RULES } from './detection/config-rules';
import { guardDutyFindingPattern, securityHubFindingPattern } from './finding-rules';

export type OrganizationSecurityStackProps = Omit<PlatformStackProps, 'area' | 'home'>;

/**
 * In the audit account, the delegated administrator of the security services: Security Hub's
 * central configuration (the platform's three standards in every account of the organization),
 * an AWS Config aggregator over every account and an organization conformance pack of the
 * platform's managed rules, an organization-wide IAM Access Analyzer, and the forwarding of
 * serious findings of every account to the CERT's incident pipeline in the shared-services
 * account. Deploys after the SecurityDelegation stack has made this account the administrator.
 */
export class OrganizationSecurityStack extends PlatformStack {
  public readonly organizationConfiguration: securityhub.CfnOrganizationConfiguration;
  public readonly aggregator: awsconfig.CfnConfigurationAggregator;
  public readonly conformancePack: awsconfig.CfnOrganizationConformancePack;
  public readonly analyzer: accessanalyzer.CfnAnalyzer;
  public readonly findingForwarding: readonly events.Rule[];

  constructor(scope: Construct, id: string, props: OrganizationSecurityStackProps) {
    super(scope, id, {
      ...props,
      area: 'OrganizationSecurity',
      home: 'audit',
      description: 'Security services of the whole organization, administered from the audit account',
    });
    const { platform, security } = this.config;
    const regions = [platform.region, ...(platform.permittedSecondaryRegion ? [platform.permittedSecondaryRegion] : [])];

    // Security Hub on in every account as it joins, with the platform's standards. Central
    // configuration (policies associated with the root) has no CloudFormation resource in
    // ap-east-1, so new accounts are enabled by the organization configuration.
    this.organizationConfiguration = new securityhub.CfnOrganizationConfiguration(this, 'SecurityHubOrganization', {
      autoEnable: true,
      autoEnableStandards: 'NONE',
      configurationType: 'LOCAL',
    });

    this.aggregator = new awsconfig.CfnConfigurationAggregator(this, 'ConfigAggregator', {
      configurationAggregatorName: `${platform.prefix}-organization`,
      organizationAggregationSource: { roleArn: this.aggregatorRole().roleArn, awsRegions: regions, allAwsRegions: false },
    });
    this.conformancePack = new awsconfig.CfnOrganizationConformancePack(this, 'ConformancePack', {
      organizationConformancePackName: `${platform.prefix}-baseline`,
      templateBody: JSON.stringify(conformancePackTemplate()),
      // The platform's own accounts run the same rules from the security baseline.
      excludedAccounts: [accountOf(this.config, 'logArchive'), accountOf(this.config, 'audit')].filter((a): a is string => a !== undefined),
    });
    this.analyzer = new accessanalyzer.CfnAnalyzer(this, 'OrganizationAnalyzer', {
      analyzerName: `${platform.prefix}-organization`,
      type: 'ORGANIZATION',
    });
    this.findingForwarding = this.forwardFindings(security.incidentSeverityThreshold);
  }

  /** The role the aggregator reads the organization's account list with. */
  private aggregatorRole(): iam.IRole {
    const role = new ManagedPolicyRole(this, 'ConfigAggregatorRole', {
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
      description: 'Lets AWS Config list the accounts of the organization for the aggregator',
    });
    const listing = new iam.ManagedPolicy(this, 'ConfigAggregatorListing', {
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          actions: [
            'organizations:DescribeOrganization',
            'organizations:ListAccounts',
            'organizations:ListAWSServiceAccessForOrganization',
            'organizations:ListDelegatedAdministrators',
          ],
          resources: ['*'],
        }),
      ],
    });
    acknowledge(
      listing,
      'AwsSolutions-IAM5[Resource::*]',
      'Organizations listing actions have no resource-level permissions; the role only reads the account list, and only AWS Config can assume it.',
    );
    return role;
  }

  /**
   * GuardDuty and Security Hub send every member account's findings to this account's event bus;
   * those at or above the CERT's threshold go on to the shared-services account's bus, where the
   * CERT's incident pipeline files them.
   */
  private forwardFindings(threshold: Parameters<typeof guardDutyFindingPattern>[0]): events.Rule[] {
    const certAccount = accountOf(this.config, 'sharedServices');
    if (certAccount === undefined) return [];
    const certBus = events.EventBus.fromEventBusArn(
      this,
      'CertBus',
      `arn:${this.partition}:events:${this.region}:${certAccount}:event-bus/default`,
    );
    const forwarder = new ManagedPolicyRole(this, 'FindingForwarder', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com'),
      description: "Puts serious findings on the CERT's event bus in the shared-services account",
    });
    const patterns: Array<[string, events.EventPattern]> = [
      ['ForwardGuardDutyFindings', guardDutyFindingPattern(threshold)],
      ['ForwardSecurityHubFindings', securityHubFindingPattern(threshold)],
    ];
    return patterns.map(
      ([id, eventPattern]) =>
        new events.Rule(this, id, {
          description: `Findings of ${threshold} severity or above, to the CERT's incident pipeline`,
          eventPattern,
          targets: [new targets.EventBus(certBus, { role: forwarder })],
        }),
    );
  }
}

/** A Config conformance pack of the platform's managed rules: the same list the security baseline deploys. */
export function conformancePackTemplate(): { Resources: Record<string, unknown> } {
  return {
    Resources: Object.fromEntries(
      MANAGED_RULES.map((rule) => [
        rule.id,
        {
          Type: 'AWS::Config::ConfigRule',
          Properties: {
            ConfigRuleName: rule.id,
            Source: { Owner: 'AWS', SourceIdentifier: rule.identifier },
            ...(rule.inputParameters ? { InputParameters: rule.inputParameters } : {}),
          },
        },
      ]),
    ),
  };
}

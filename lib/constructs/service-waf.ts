import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface ServiceWafProps {
  readonly stage: apigateway.Stage;
  readonly encryptionKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  /** Requests one IP address may make in five minutes before it is blocked. */
  readonly perIpLimit: number;
}

const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
];

/** The web ACL in front of a service's stage: AWS managed rule groups, a per-IP rate limit, logs. */
export class ServiceWaf extends Construct {
  public readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: ServiceWafProps) {
    super(scope, id);
    const metric = (name: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name });
    const managed: wafv2.CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((name, i) => ({
      name,
      priority: i + 1,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: metric(name),
    }));
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: metric(`${Stack.of(this).stackName}-waf`.replace(/[^A-Za-z0-9-]/g, '')),
      rules: [
        {
          name: 'PerIpRateLimit',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.perIpLimit, aggregateKeyType: 'IP' } },
          visibilityConfig: metric('PerIpRateLimit'),
        },
        ...managed,
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', { resourceArn: props.stage.stageArn, webAclArn: this.webAcl.attrArn });

    // WAF delivers only to log groups whose names start with `aws-waf-logs-`.
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `aws-waf-logs-${Stack.of(this).stackName}-${this.node.addr.slice(0, 8)}`,
      encryptionKey: props.encryptionKey,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroup.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'x-api-key' } }],
    });
  }
}

import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** One CIS monitoring recommendation: a pattern over CloudTrail events and what a match means. */
export interface CisAlarmSpec {
  /** Construct id and metric name, PascalCase; stable once deployed. */
  readonly id: string;
  /** CIS AWS Foundations 3.0 recommendation and Security Hub control. */
  readonly controls: readonly string[];
  readonly description: string;
  /** CloudWatch Logs filter pattern over CloudTrail's JSON events. */
  readonly pattern: string;
}

const anyEvent = (...names: string[]) => names.map((n) => `($.eventName = ${n})`).join(' || ');

/** The CIS 3.0 section 4 (Monitoring) metric filters, as Security Hub's CloudWatch.1-14 check them. */
export const CIS_ALARMS: readonly CisAlarmSpec[] = [
  {
    id: 'RootUse',
    controls: ['CIS 4.3', 'CloudWatch.1'],
    description: 'The root user was used',
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  {
    id: 'UnauthorisedApiCalls',
    controls: ['CIS 4.1', 'CloudWatch.2'],
    description: 'API calls were refused as unauthorised',
    pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  },
  {
    id: 'ConsoleSignInWithoutMfa',
    controls: ['CIS 4.2', 'CloudWatch.3'],
    description: 'An IAM user signed in to the console without MFA',
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    id: 'IamPolicyChanges',
    controls: ['CIS 4.4', 'CloudWatch.4'],
    description: 'An IAM policy was created, changed, attached or detached',
    pattern: `{ ${anyEvent(
      'DeleteGroupPolicy',
      'DeleteRolePolicy',
      'DeleteUserPolicy',
      'PutGroupPolicy',
      'PutRolePolicy',
      'PutUserPolicy',
      'CreatePolicy',
      'DeletePolicy',
      'CreatePolicyVersion',
      'DeletePolicyVersion',
      'AttachRolePolicy',
      'DetachRolePolicy',
      'AttachUserPolicy',
      'DetachUserPolicy',
      'AttachGroupPolicy',
      'DetachGroupPolicy',
    )} }`,
  },
  {
    id: 'CloudTrailChanges',
    controls: ['CIS 4.5', 'CloudWatch.5'],
    description: 'A CloudTrail trail was created, changed, stopped or deleted',
    pattern: `{ ${anyEvent('CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging')} }`,
  },
  {
    id: 'ConsoleSignInFailures',
    controls: ['CIS 4.6', 'CloudWatch.6'],
    description: 'Console sign-in failed',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  },
  {
    id: 'KeyDisabledOrScheduledForDeletion',
    controls: ['CIS 4.7', 'CloudWatch.7'],
    description: 'A customer-managed KMS key was disabled or scheduled for deletion',
    pattern: `{ ($.eventSource = kms.amazonaws.com) && (${anyEvent('DisableKey', 'ScheduleKeyDeletion')}) }`,
  },
  {
    id: 'BucketPolicyChanges',
    controls: ['CIS 4.8', 'CloudWatch.8'],
    description: 'An S3 bucket policy, ACL, CORS, lifecycle or replication setting changed',
    pattern: `{ ($.eventSource = s3.amazonaws.com) && (${anyEvent(
      'PutBucketAcl',
      'PutBucketPolicy',
      'PutBucketCors',
      'PutBucketLifecycle',
      'PutBucketReplication',
      'DeleteBucketPolicy',
      'DeleteBucketCors',
      'DeleteBucketLifecycle',
      'DeleteBucketReplication',
    )}) }`,
  },
  {
    id: 'ConfigChanges',
    controls: ['CIS 4.9', 'CloudWatch.9'],
    description: 'AWS Config recording or delivery was changed or stopped',
    pattern: `{ ($.eventSource = config.amazonaws.com) && (${anyEvent(
      'StopConfigurationRecorder',
      'DeleteDeliveryChannel',
      'PutDeliveryChannel',
      'PutConfigurationRecorder',
    )}) }`,
  },
  {
    id: 'SecurityGroupChanges',
    controls: ['CIS 4.10', 'CloudWatch.10'],
    description: 'A security group or its rules changed',
    pattern: `{ ${anyEvent(
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
      'CreateSecurityGroup',
      'DeleteSecurityGroup',
    )} }`,
  },
  {
    id: 'NaclChanges',
    controls: ['CIS 4.11', 'CloudWatch.11'],
    description: 'A network ACL or its entries changed',
    pattern: `{ ${anyEvent(
      'CreateNetworkAcl',
      'CreateNetworkAclEntry',
      'DeleteNetworkAcl',
      'DeleteNetworkAclEntry',
      'ReplaceNetworkAclEntry',
      'ReplaceNetworkAclAssociation',
    )} }`,
  },
  {
    id: 'NetworkGatewayChanges',
    controls: ['CIS 4.12', 'CloudWatch.12'],
    description: 'A customer or internet gateway was created, attached, detached or deleted',
    pattern: `{ ${anyEvent(
      'CreateCustomerGateway',
      'DeleteCustomerGateway',
      'AttachInternetGateway',
      'CreateInternetGateway',
      'DeleteInternetGateway',
      'DetachInternetGateway',
    )} }`,
  },
  {
    id: 'RouteTableChanges',
    controls: ['CIS 4.13', 'CloudWatch.13'],
    description: 'A route or route table changed',
    pattern: `{ ($.eventSource = ec2.amazonaws.com) && (${anyEvent(
      'CreateRoute',
      'CreateRouteTable',
      'ReplaceRoute',
      'ReplaceRouteTableAssociation',
      'DeleteRouteTable',
      'DeleteRoute',
      'DisassociateRouteTable',
    )}) }`,
  },
  {
    id: 'VpcChanges',
    controls: ['CIS 4.14', 'CloudWatch.14'],
    description: 'A VPC or VPC peering connection changed',
    pattern: `{ ${anyEvent(
      'CreateVpc',
      'DeleteVpc',
      'ModifyVpcAttribute',
      'AcceptVpcPeeringConnection',
      'CreateVpcPeeringConnection',
      'DeleteVpcPeeringConnection',
      'RejectVpcPeeringConnection',
      'AttachClassicLinkVpc',
      'DetachClassicLinkVpc',
      'DisableVpcClassicLink',
      'EnableVpcClassicLink',
    )} }`,
  },
];

export interface CisAlarmsProps {
  /** The log group the audit trail delivers to. */
  readonly logGroup: logs.ILogGroup;
  /** Topic every alarm notifies. */
  readonly topic: sns.ITopic;
  /** Namespace of the metrics. @default 'CISBenchmark' */
  readonly namespace?: string;
  /** @default CIS_ALARMS */
  readonly alarms?: readonly CisAlarmSpec[];
}

/**
 * A metric filter on the audit trail's log group and an alarm to the alarm topic for each
 * CIS monitoring recommendation: any matching event in five minutes raises it.
 */
export class CisAlarms extends Construct {
  public readonly alarms: Record<string, cloudwatch.Alarm> = {};

  constructor(scope: Construct, id: string, props: CisAlarmsProps) {
    super(scope, id);
    const namespace = props.namespace ?? 'CISBenchmark';
    const action = new actions.SnsAction(props.topic);
    for (const spec of props.alarms ?? CIS_ALARMS) {
      const group = new Construct(this, spec.id);
      const filter = new logs.MetricFilter(group, 'Filter', {
        logGroup: props.logGroup,
        filterPattern: logs.FilterPattern.literal(spec.pattern),
        metricNamespace: namespace,
        metricName: spec.id,
        metricValue: '1',
      });
      const alarm = new cloudwatch.Alarm(group, 'Alarm', {
        alarmDescription: `${spec.description} (${spec.controls.join(', ')})`,
        metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      this.alarms[spec.id] = alarm;
    }
  }
}

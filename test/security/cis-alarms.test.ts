import { Match, Template } from 'aws-cdk-lib/assertions';
import { CIS_ALARMS } from '../../lib/security/cis-alarms';
import { SecurityBaselineStack } from '../../lib/security/security-baseline-stack';
import { defaultConfig, unitTestApp } from '../helpers/platform';
import { compileFilter } from './support/log-filter';

/** A CloudTrail event by an assumed role, with whatever fields a case needs. */
const event = (fields: Record<string, unknown>) => ({
  eventVersion: '1.09',
  userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/ops/alice' },
  eventSource: 'ec2.amazonaws.com',
  eventType: 'AwsApiCall',
  sourceIPAddress: '203.0.113.10',
  ...fields,
});

/** For each alarm: an event it must catch and a similar one it must let pass. */
const CASES: Record<string, { readonly catches: object; readonly ignores: object }> = {
  RootUse: {
    catches: event({ userIdentity: { type: 'Root' }, eventName: 'ConsoleLogin' }),
    ignores: event({ userIdentity: { type: 'Root', invokedBy: 'support.amazonaws.com' }, eventName: 'DescribeCases' }),
  },
  UnauthorisedApiCalls: {
    catches: event({ eventName: 'RunInstances', errorCode: 'Client.UnauthorizedOperation' }),
    ignores: event({ eventName: 'RunInstances', errorCode: 'Client.InvalidParameterValue' }),
  },
  ConsoleSignInWithoutMfa: {
    catches: event({
      eventName: 'ConsoleLogin',
      userIdentity: { type: 'IAMUser' },
      additionalEventData: { MFAUsed: 'No' },
      responseElements: { ConsoleLogin: 'Success' },
    }),
    ignores: event({
      eventName: 'ConsoleLogin',
      userIdentity: { type: 'IAMUser' },
      additionalEventData: { MFAUsed: 'Yes' },
      responseElements: { ConsoleLogin: 'Success' },
    }),
  },
  IamPolicyChanges: {
    catches: event({ eventSource: 'iam.amazonaws.com', eventName: 'AttachRolePolicy' }),
    ignores: event({ eventSource: 'iam.amazonaws.com', eventName: 'GetRolePolicy' }),
  },
  CloudTrailChanges: {
    catches: event({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging' }),
    ignores: event({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'LookupEvents' }),
  },
  ConsoleSignInFailures: {
    catches: event({ eventName: 'ConsoleLogin', errorMessage: 'Failed authentication' }),
    ignores: event({ eventName: 'ConsoleLogin', responseElements: { ConsoleLogin: 'Success' } }),
  },
  KeyDisabledOrScheduledForDeletion: {
    catches: event({ eventSource: 'kms.amazonaws.com', eventName: 'ScheduleKeyDeletion' }),
    ignores: event({ eventSource: 'kms.amazonaws.com', eventName: 'Decrypt' }),
  },
  BucketPolicyChanges: {
    catches: event({ eventSource: 's3.amazonaws.com', eventName: 'PutBucketPolicy' }),
    ignores: event({ eventSource: 's3.amazonaws.com', eventName: 'GetBucketPolicy' }),
  },
  ConfigChanges: {
    catches: event({ eventSource: 'config.amazonaws.com', eventName: 'StopConfigurationRecorder' }),
    ignores: event({ eventSource: 'config.amazonaws.com', eventName: 'DescribeConfigRules' }),
  },
  SecurityGroupChanges: {
    catches: event({ eventName: 'AuthorizeSecurityGroupIngress' }),
    ignores: event({ eventName: 'DescribeSecurityGroups' }),
  },
  NaclChanges: {
    catches: event({ eventName: 'ReplaceNetworkAclEntry' }),
    ignores: event({ eventName: 'DescribeNetworkAcls' }),
  },
  NetworkGatewayChanges: {
    catches: event({ eventName: 'AttachInternetGateway' }),
    ignores: event({ eventName: 'DescribeInternetGateways' }),
  },
  RouteTableChanges: {
    catches: event({ eventName: 'CreateRoute' }),
    ignores: event({ eventSource: 'ec2.amazonaws.com', eventName: 'DescribeRouteTables' }),
  },
  VpcChanges: {
    catches: event({ eventName: 'CreateVpcPeeringConnection' }),
    ignores: event({ eventName: 'DescribeVpcs' }),
  },
};

describe('CIS alarms on the audit trail', () => {
  const stack = new SecurityBaselineStack(unitTestApp(), 'Security', { config: defaultConfig() });
  const template = Template.fromStack(stack);
  const logGroup = stack.resolve(stack.auditTrail.logGroup.logGroupName);
  const topic = stack.resolve(stack.alarmTopic.topic.topicArn);

  it('covers CIS 3.0 monitoring recommendations 4.1 to 4.14, each once', () => {
    const controls = CIS_ALARMS.flatMap((a) => a.controls.filter((c) => c.startsWith('CIS')));
    expect(controls.sort()).toEqual(Array.from({ length: 14 }, (_, i) => `CIS 4.${i + 1}`).sort());
    expect(new Set(CIS_ALARMS.map((a) => a.id)).size).toBe(CIS_ALARMS.length);
    expect(Object.keys(CASES).sort()).toEqual(CIS_ALARMS.map((a) => a.id).sort());
  });

  it.each(CIS_ALARMS.map((a) => [a.id, a] as const))('%s: filters the trail log group into a metric', (id, spec) => {
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: logGroup,
      FilterPattern: spec.pattern,
      MetricTransformations: [{ MetricNamespace: 'CISBenchmark', MetricName: id, MetricValue: '1' }],
    });
  });

  it.each(CIS_ALARMS.map((a) => [a.id, a] as const))('%s: alarms on the first match in five minutes to the alarm topic', (id, spec) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'CISBenchmark',
      MetricName: id,
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
      AlarmDescription: Match.stringLikeRegexp(spec.controls[0]),
    });
  });

  it.each(CIS_ALARMS.map((a) => [a.id, a.pattern] as const))(
    '%s: catches its event and lets a similar harmless one pass',
    (id, pattern) => {
      const matches = compileFilter(pattern);
      expect(matches(CASES[id].catches)).toBe(true);
      expect(matches(CASES[id].ignores)).toBe(false);
    },
  );

  it('sends to a KMS-encrypted topic', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    expect(stack.alarmTopic.topic.masterKey).toBeDefined();
  });
});

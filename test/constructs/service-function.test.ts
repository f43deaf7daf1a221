import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { PlatformKey } from '../../lib/constructs/platform-key';
import { ServiceFunction } from '../../lib/constructs/service-function';
import { unacknowledgedFindings, unitTestApp } from '../helpers/platform';

const SAMPLE_HANDLER = path.join(__dirname, 'fixtures', 'sample-handler.ts');

function functionStack(app = unitTestApp()) {
  const stack = new Stack(app, 'Functions', { env: { region: 'ap-east-1' } });
  const key = new PlatformKey(stack, 'Key', { purpose: 'test', allowCloudWatchLogs: true });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    availabilityZones: ['ap-east-1a', 'ap-east-1b'],
    natGateways: 0,
    subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    restrictDefaultSecurityGroup: false,
  });
  const fn = new ServiceFunction(stack, 'Api', {
    entry: SAMPLE_HANDLER,
    description: 'sample',
    encryptionKey: key,
    vpc,
    logRetention: logs.RetentionDays.ONE_YEAR,
  });
  return { stack, key, vpc, fn };
}

describe('ServiceFunction', () => {
  const { stack, key, fn } = functionStack();
  const template = Template.fromStack(stack);

  it('runs the newest Node.js on arm64 with tracing, JSON logs and a reserved concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON', LogGroup: stack.resolve(fn.logGroup.logGroupName) }),
      ReservedConcurrentExecutions: 25,
      KmsKeyArn: stack.resolve(key.keyArn),
      VpcConfig: Match.objectLike({ SubnetIds: Match.anyValue() }),
      DeadLetterConfig: { TargetArn: stack.resolve(fn.deadLetterQueue.queueArn) },
    });
  });

  it('logs to a KMS-encrypted, retained log group with the configured retention', () => {
    template.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: { KmsKeyId: stack.resolve(key.keyArn), RetentionInDays: 365 },
    });
  });

  it('keeps its grants in a customer-managed policy, never inline or AWS-managed', () => {
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent(), Policies: Match.absent() });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [stack.resolve(fn.role.roleName)],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] })]) },
    });
  });

  it('sends failed asynchronous events to an encrypted queue that accepts only TLS', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: stack.resolve(key.keyArn), MessageRetentionPeriod: 1209600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(fn)).toEqual([]);
  });

  it('refuses a reserved concurrency below one', () => {
    const other = functionStack();
    expect(
      () =>
        new ServiceFunction(other.stack, 'Zero', {
          entry: SAMPLE_HANDLER,
          description: 'x',
          encryptionKey: other.key,
          vpc: other.vpc,
          logRetention: logs.RetentionDays.ONE_DAY,
          reservedConcurrency: 0,
        }),
    ).toThrow(/reservedConcurrency must be at least 1/);
  });
});

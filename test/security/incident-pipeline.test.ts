import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { certService } from '../../lambda/cert/routes';
import { CERT_TABLES, storage } from '../../lambda/cert/storage';
import { DataTable } from '../../lib/constructs/data-table';
import { PlatformKey } from '../../lib/constructs/platform-key';
import { ServiceFunction } from '../../lib/constructs/service-function';
import { IncidentPipeline } from '../../lib/security/incident-pipeline';
import { unacknowledgedFindings, unitTestApp } from '../helpers/platform';

const incidentsDefinition = storage.tables.find((t) => t.name === CERT_TABLES.incidents)!;

function pipelineStack(options: { stream: boolean } = { stream: true }) {
  const stack = new Stack(unitTestApp(), 'Cert', { env: { region: 'ap-east-1' } });
  const key = new PlatformKey(stack, 'Key', { purpose: 'CERT data', allowCloudWatchLogs: true });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    availabilityZones: ['ap-east-1a', 'ap-east-1b'],
    natGateways: 0,
    subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    restrictDefaultSecurityGroup: false,
  });
  const table = new DataTable(stack, 'Incidents', { definition: { ...incidentsDefinition, stream: options.stream }, encryptionKey: key });
  const onCall = new sns.Topic(stack, 'OnCall', { masterKey: key, enforceSSL: true });
  const alarms = new sns.Topic(stack, 'Alarms', { masterKey: key, enforceSSL: true });
  // The CERT's declared finding function, as its service stack builds it.
  const filer = new ServiceFunction(stack, 'Filer', {
    entry: path.join(__dirname, '..', '..', certService.functions.findings),
    description: 'Files GuardDuty and Security Hub findings as CERT incidents',
    encryptionKey: key,
    vpc,
    logRetention: logs.RetentionDays.ONE_YEAR,
  });
  const props = {
    filer,
    encryptionKey: key,
    incidentsTable: table,
    onCallTopic: onCall,
    alarmTopic: alarms,
    threshold: 'high' as const,
    departmentAccounts: { '111122223333': 'DPO' },
  };
  return { stack, key, vpc, table, onCall, alarms, props };
}

describe('IncidentPipeline', () => {
  const { stack, table, onCall, alarms, props } = pipelineStack();
  const pipeline = new IncidentPipeline(stack, 'Pipeline', props);
  const template = Template.fromStack(stack);
  const fn = pipeline.function.function;

  it('runs the filer in the VPC with the table, threshold, department tag and accounts in its environment', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      VpcConfig: Match.objectLike({ SubnetIds: Match.anyValue() }),
      Environment: {
        Variables: Match.objectLike({
          TABLE_INCIDENTS: stack.resolve(table.tableName),
          INCIDENT_SEVERITY_THRESHOLD: 'high',
          DEPARTMENT_TAG_KEY: 'Department',
          DEPARTMENT_ACCOUNTS: '{"111122223333":"DPO"}',
        }),
      },
    });
  });

  it('lets the filer read and write single incidents, nothing more', () => {
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [stack.resolve(pipeline.function.role.roleName)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
            Effect: 'Allow',
            Resource: stack.resolve(table.tableArn),
          },
        ]),
      },
    });
    const policy = JSON.stringify(template.findResources('AWS::IAM::ManagedPolicy'));
    expect(policy).not.toMatch(/dynamodb:(Scan|Query|DeleteItem|BatchWriteItem)/);
  });

  it.each([
    ['GuardDuty', 'aws.guardduty'],
    ['Security Hub', 'aws.securityhub'],
  ])('sends %s findings at the threshold to the filer, with retries and a dead-letter queue', (_name, source) => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: [source] }),
      Targets: [
        Match.objectLike({
          Arn: stack.resolve(fn.functionArn),
          DeadLetterConfig: { Arn: stack.resolve(pipeline.rules.deadLetterQueue.queueArn) },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 8 }),
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: stack.resolve(fn.functionArn),
      Principal: 'events.amazonaws.com',
    });
  });

  it('announces new incidents only, read from the table stream, on the on-call topic', () => {
    const pipe = Object.values(template.findResources('AWS::Pipes::Pipe'))[0].Properties;
    expect(pipe.Source).toEqual(stack.resolve(table.tableStreamArn));
    expect(pipe.Target).toEqual(stack.resolve(onCall.topicArn));
    expect(JSON.parse(pipe.SourceParameters.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { kind: { S: ['incident'] } } },
    });
    expect(pipe.SourceParameters.DynamoDBStreamParameters).toMatchObject({
      StartingPosition: 'LATEST',
      DeadLetterConfig: { Arn: stack.resolve(pipeline.announcementDeadLetters.queueArn) },
    });
    expect(pipe.TargetParameters.InputTemplate).toMatch(/<\$\.dynamodb\.NewImage\.id\.S>/);
  });

  it('lets the announcer read only the incidents stream and publish only to the on-call topic', () => {
    const roleName = stack.resolve((pipeline.node.findChild('AnnouncerRole') as unknown as { roleName: string }).roleName);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [roleName],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
            Resource: stack.resolve(table.tableStreamArn),
          }),
          Match.objectLike({ Action: 'sns:Publish', Resource: stack.resolve(onCall.topicArn) }),
        ]),
      },
    });
  });

  it('alarms on failed filings, failed announcements, filer errors and undeliverable findings', () => {
    const queueAlarmOn = (queueName: string) =>
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: stack.resolve(queueName) }],
        AlarmActions: [stack.resolve(alarms.topicArn)],
      });
    queueAlarmOn(pipeline.function.deadLetterQueue.queueName);
    queueAlarmOn(pipeline.announcementDeadLetters.queueName);
    queueAlarmOn(pipeline.rules.deadLetterQueue.queueName);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: stack.resolve(fn.functionName) }],
      AlarmActions: [stack.resolve(alarms.topicArn)],
    });
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(pipeline)).toEqual([]);
    // The filer is the service's function, built beside the pipeline: its grants are checked as well.
    expect(unacknowledgedFindings(pipeline.function)).toEqual([]);
  });
});

describe('IncidentPipeline announcing on a topic imported by ARN', () => {
  it('publishes with the key it is given for that topic', () => {
    const { stack, props } = pipelineStack();
    const key = new PlatformKey(stack, 'AlarmKey', { purpose: 'alarms' });
    const imported = sns.Topic.fromTopicArn(stack, 'Imported', 'arn:aws:sns:ap-east-1:111122223333:alarms');
    const pipeline = new IncidentPipeline(stack, 'Pipeline', { ...props, onCallTopic: imported, onCallTopicKey: key });
    const roleName = stack.resolve((pipeline.node.findChild('AnnouncerRole') as unknown as { roleName: string }).roleName);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [roleName],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: Match.arrayWith([stack.resolve(key.keyArn)]) }),
          Match.objectLike({ Action: 'sns:Publish', Resource: 'arn:aws:sns:ap-east-1:111122223333:alarms' }),
        ]),
      },
    });
  });
});

describe('IncidentPipeline without a table stream', () => {
  it('refuses, saying how to fix it', () => {
    const { stack, props } = pipelineStack({ stream: false });
    expect(() => new IncidentPipeline(stack, 'Pipeline', props)).toThrow(/has no stream.*stream: true/);
  });
});

import * as path from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as pipes from 'aws-cdk-lib/aws-pipes';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Severity } from '../../lambda/cert/domain/severity';
import { certService } from '../../lambda/cert/routes';
import { CERT_TABLES } from '../../lambda/cert/storage';
import { tableEnvName } from '../../lambda/shared/storage-definition';
import { acknowledge } from '../compliance/acknowledge';
import { DeadLetterQueue } from '../constructs/dead-letter-queue';
import { ManagedPolicyRole } from '../constructs/managed-policy-role';
import { ServiceFunction } from '../constructs/service-function';
import { TAG_KEYS } from '../tags';
import { FindingRules } from './finding-rules';

const PIPELINE_ENVIRONMENT = certService.environment;
const HANDLER = path.join(__dirname, '..', '..', 'lambda', 'cert', 'handlers', 'finding-event.ts');

export interface IncidentPipelineProps {
  /** The function runs in this VPC; it reaches DynamoDB through the VPC's endpoints or egress. */
  readonly vpc: ec2.IVpc;
  /** @default - the VPC's private subnets with egress, else its isolated subnets */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /** Key for the function's logs, environment and the pipeline's queues; must allow CloudWatch Logs. */
  readonly encryptionKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  /** The CERT's `incidents` table. It must have a stream of new images: new incidents are read from it. */
  readonly incidentsTable: dynamodb.ITable;
  /** Told of every new incident, reported or detected. */
  readonly onCallTopic: sns.ITopic;
  /**
   * Key encrypting the on-call topic, which the announcer must use to publish. Give it for a
   * topic imported by ARN, which does not carry its key.
   * @default - the topic's own key, if it has one
   */
  readonly onCallTopicKey?: kms.IKey;
  /** Told when anything of the pipeline fails or waits in a dead-letter queue. */
  readonly alarmTopic: sns.ITopic;
  /** Lowest finding severity that opens an incident. */
  readonly threshold: Severity;
  /**
   * Department owning each account, for findings whose resource has no department tag.
   * @default - none; findings are attributed by tag only
   */
  readonly departmentAccounts?: Readonly<Record<string, string>>;
}

/** DynamoDB stream records of newly written incidents (not claims, counters or updates). */
const NEW_INCIDENT_FILTER = { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['incident'] } } } };

/**
 * The CERT's incident pipeline. GuardDuty and Security Hub findings at or above the threshold
 * reach a function that files each as an incident (one per finding, however often it is seen,
 * with the owning department and an audit record). Every incident written to the table, from
 * this pipeline or from a department's report, is read back from the table's stream and
 * announced on the on-call topic, so the announcement follows the durable record.
 *
 * Nothing is dropped silently: undeliverable events, failed invocations and undeliverable
 * announcements each wait in an encrypted dead-letter queue that raises an alarm.
 */
export class IncidentPipeline extends Construct {
  public readonly rules: FindingRules;
  public readonly function: ServiceFunction;
  public readonly announcements: pipes.CfnPipe;
  public readonly announcementDeadLetters: sqs.Queue;
  public readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: IncidentPipelineProps) {
    super(scope, id);
    const streamArn = props.incidentsTable.tableStreamArn;
    if (!streamArn) {
      throw new Error(
        `${this.node.path}: the incidents table has no stream; create it with a stream of new images (DataTable's \`stream: true\`).`,
      );
    }
    const alarmAction = new actions.SnsAction(props.alarmTopic);

    this.function = new ServiceFunction(this, 'Filer', {
      entry: HANDLER,
      description: 'Files GuardDuty and Security Hub findings as CERT incidents',
      encryptionKey: props.encryptionKey,
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets,
      logRetention: props.logRetention,
      timeout: Duration.seconds(30),
      memorySize: 256,
      reservedConcurrency: 5,
      environment: {
        [tableEnvName(CERT_TABLES.incidents)]: props.incidentsTable.tableName,
        [PIPELINE_ENVIRONMENT.threshold]: props.threshold,
        [PIPELINE_ENVIRONMENT.departmentTagKey]: TAG_KEYS.department,
        [PIPELINE_ENVIRONMENT.departmentAccounts]: JSON.stringify(props.departmentAccounts ?? {}),
      },
    });
    const role = this.function.role;
    // Reads and writes single items only: no scans, queries or deletes.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [props.incidentsTable.tableArn],
      }),
    );
    props.incidentsTable.encryptionKey?.grant(role, 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey');

    this.rules = new FindingRules(this, 'Rules', { threshold: props.threshold, alarmTopic: props.alarmTopic });
    this.rules.invoke(this.function.function);

    this.announcementDeadLetters = new DeadLetterQueue(this, 'AnnouncementDeadLetters', {
      encryptionKey: props.encryptionKey,
      of: 'the incident announcements',
    });
    this.announcements = this.announce(props, streamArn);

    const queueAlarm = (alarmId: string, queue: sqs.IQueue, what: string) =>
      new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: `${what} wait in a dead-letter queue`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    this.alarms.push(
      queueAlarm('FailedFilingAlarm', this.function.deadLetterQueue, 'Findings the filer failed on after its retries'),
      queueAlarm('FailedAnnouncementAlarm', this.announcementDeadLetters, 'New incidents that could not be announced on the on-call topic'),
      new cloudwatch.Alarm(this, 'FilerErrorsAlarm', {
        alarmDescription: 'The incident filer is failing; Lambda retries each event twice before the dead-letter queue',
        metric: this.function.function.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
    for (const alarm of this.alarms) alarm.addAlarmAction(alarmAction);
  }

  /** An EventBridge pipe from the table's stream to the on-call topic, for new incidents only. */
  private announce(props: IncidentPipelineProps, streamArn: string): pipes.CfnPipe {
    const role = new ManagedPolicyRole(this, 'AnnouncerRole', {
      assumedBy: new iam.ServicePrincipal('pipes.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'Reads new incidents from the CERT table stream and announces them on the on-call topic',
    });
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [streamArn],
      }),
    );
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:ListStreams'], resources: ['*'] }));
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Only dynamodb:ListStreams, which has no resource-level permissions; reading records is granted on the incidents stream alone.',
    );
    props.incidentsTable.encryptionKey?.grant(role, 'kms:Decrypt');
    // Not grantPublish: it allows kms:GenerateDataKey* where publishing needs only GenerateDataKey.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [props.onCallTopic.topicArn] }));
    (props.onCallTopicKey ?? props.onCallTopic.masterKey)?.grant(role, 'kms:Decrypt', 'kms:GenerateDataKey');
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.announcementDeadLetters.queueArn] }),
    );
    props.encryptionKey.grant(role, 'kms:Decrypt', 'kms:GenerateDataKey');

    const image = (field: string) => `<$.dynamodb.NewImage.${field}.S>`;
    const pipe = new pipes.CfnPipe(this, 'Announcer', {
      description: 'Announces each new CERT incident on the on-call topic',
      roleArn: role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          startingPosition: 'LATEST',
          batchSize: 1,
          maximumRetryAttempts: 10,
          deadLetterConfig: { arn: this.announcementDeadLetters.queueArn },
        },
        filterCriteria: { filters: [{ pattern: JSON.stringify(NEW_INCIDENT_FILTER) }] },
      },
      target: props.onCallTopic.topicArn,
      targetParameters: {
        inputTemplate: `New CERT incident ${image('id')} (${image('severity')}, ${image('department')}): ${image('title')}`,
      },
    });
    pipe.node.addDependency(role);
    return pipe;
  }
}

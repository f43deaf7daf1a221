import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
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
import type { ServiceFunction } from '../constructs/service-function';
import { TAG_KEYS } from '../tags';
import { FindingRules } from './finding-rules';

/** The filer reads and writes single incidents, case counters and claims: no scans, queries or deletes. */
const INCIDENT_ITEM_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] as const;
/** What the filer needs of the incidents table's key to read and write those items. */
const INCIDENT_KEY_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'] as const;
/** Reading the records of the incidents stream. */
const STREAM_READ_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'] as const;
const TOPIC_PUBLISH_ACTIONS = ['sns:Publish'] as const;
/** What publishing to, or queueing in, a KMS-encrypted topic or queue needs of its key. */
const ENCRYPTED_SEND_KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'] as const;
const DEAD_LETTER_SEND_ACTIONS = ['sqs:SendMessage'] as const;

export interface IncidentPipelineProps {
  /**
   * The function that files findings: the CERT service's declared `findings` function, which
   * its service stack builds. The pipeline gives it its settings, grants and triggers.
   */
  readonly filer: ServiceFunction;
  /** Key for the pipeline's queues. */
  readonly encryptionKey: kms.IKey;
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

    this.function = props.filer;
    const filer = this.function.function;
    const env = certService.environment;
    filer.addEnvironment(tableEnvName(CERT_TABLES.incidents), props.incidentsTable.tableName);
    filer.addEnvironment(env.threshold, props.threshold);
    filer.addEnvironment(env.departmentTagKey, TAG_KEYS.department);
    filer.addEnvironment(env.departmentAccounts, JSON.stringify(props.departmentAccounts ?? {}));

    const role = this.function.role;
    // Not table.grant(): on a table with indexes it also names every index, which single items do not need.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...INCIDENT_ITEM_ACTIONS], resources: [props.incidentsTable.tableArn] }));
    props.incidentsTable.encryptionKey?.grant(role, ...INCIDENT_KEY_ACTIONS);

    this.rules = new FindingRules(this, 'Rules', { threshold: props.threshold, alarmTopic: props.alarmTopic });
    this.rules.invoke(filer);

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
        metric: filer.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
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
    // Not grantStreamRead(): it also allows kms:DescribeKey, which reading records does not need.
    props.incidentsTable.grantStream(role, ...STREAM_READ_ACTIONS);
    props.incidentsTable.grantTableListStreams(role);
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Only dynamodb:ListStreams, which has no resource-level permissions; reading records is granted on the incidents stream alone.',
    );
    props.incidentsTable.encryptionKey?.grantDecrypt(role);
    // Not grantPublish(): it allows kms:GenerateDataKey* where publishing needs only GenerateDataKey.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...TOPIC_PUBLISH_ACTIONS], resources: [props.onCallTopic.topicArn] }));
    (props.onCallTopicKey ?? props.onCallTopic.masterKey)?.grant(role, ...ENCRYPTED_SEND_KEY_ACTIONS);
    // Not grantSendMessages(): it adds queue reads and kms:ReEncrypt*, which sending does not need.
    this.announcementDeadLetters.grant(role, ...DEAD_LETTER_SEND_ACTIONS);
    props.encryptionKey.grant(role, ...ENCRYPTED_SEND_KEY_ACTIONS);

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

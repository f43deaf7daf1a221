import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { GUARDDUTY_SEVERITY_FLOOR, SECURITY_HUB_SEVERITY_FLOOR, type Severity } from '../../lambda/cert/domain/severity';
import { DeadLetterQueue } from '../constructs/dead-letter-queue';
import { KEY_ACTIONS_FOR_DELIVERY, PlatformKey } from '../constructs/platform-key';

/** GuardDuty findings at or above a severity level, by numeric match on the finding's score. */
export function guardDutyFindingPattern(threshold: Severity): events.EventPattern {
  return {
    source: ['aws.guardduty'],
    detailType: ['GuardDuty Finding'],
    detail: { severity: events.Match.greaterThanOrEqual(GUARDDUTY_SEVERITY_FLOOR[threshold]) },
  };
}

/**
 * New, active Security Hub findings at or above a severity level, by numeric match on the
 * normalised score (Security Hub fills it from the label). GuardDuty's own findings are left
 * out: they arrive from GuardDuty directly.
 */
export function securityHubFindingPattern(threshold: Severity): events.EventPattern {
  return {
    source: ['aws.securityhub'],
    detailType: ['Security Hub Findings - Imported'],
    detail: {
      findings: {
        Severity: { Normalized: events.Match.greaterThanOrEqual(SECURITY_HUB_SEVERITY_FLOOR[threshold]) },
        RecordState: ['ACTIVE'],
        Workflow: { Status: ['NEW'] },
        ProductName: events.Match.anythingBut('GuardDuty'),
      },
    },
  };
}

export interface FindingRulesProps {
  /** Lowest severity that is passed on. */
  readonly threshold: Severity;
  /** Topic told when findings cannot be delivered to a target. */
  readonly alarmTopic: sns.ITopic;
}

/** How long and how often EventBridge retries a target before the event goes to the DLQ. */
const RETRY = { retryAttempts: 8, maxEventAge: Duration.hours(24) } as const;

/**
 * EventBridge rules that pick out GuardDuty and Security Hub findings at or above the
 * configured severity. Every target they get retries for a day and then leaves the event in
 * one encrypted dead-letter queue, which raises an alarm: no finding is dropped silently.
 */
export class FindingRules extends Construct {
  public readonly guardDuty: events.Rule;
  public readonly securityHub: events.Rule;
  public readonly deadLetterQueue: sqs.Queue;
  public readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: FindingRulesProps) {
    super(scope, id);
    const key = new PlatformKey(this, 'Key', { purpose: 'Encrypts security findings EventBridge could not deliver' });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowEventBridgeToQueueFindings',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: KEY_ACTIONS_FOR_DELIVERY,
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', { encryptionKey: key, of: 'the security finding rules' });
    this.deadLetterAlarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: 'Security findings could not be delivered and wait in the dead-letter queue',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.deadLetterAlarm.addAlarmAction(new actions.SnsAction(props.alarmTopic));

    this.guardDuty = new events.Rule(this, 'GuardDuty', {
      description: `GuardDuty findings of ${props.threshold} severity or above`,
      eventPattern: guardDutyFindingPattern(props.threshold),
    });
    this.securityHub = new events.Rule(this, 'SecurityHub', {
      description: `Security Hub findings of ${props.threshold} severity or above`,
      eventPattern: securityHubFindingPattern(props.threshold),
    });
  }

  /** Tells a topic of each finding in a short readable message. */
  public notify(topic: sns.ITopic): void {
    const text = (source: string, severity: string, title: string, account: string, type: string) =>
      events.RuleTargetInput.fromText(
        `${source} finding, severity ${events.EventField.fromPath(severity)}: ${events.EventField.fromPath(title)} (account ${events.EventField.fromPath(account)}, ${events.EventField.fromPath(type)})`,
      );
    this.guardDuty.addTarget(
      new targets.SnsTopic(topic, {
        ...this.targetOptions(),
        message: text('GuardDuty', '$.detail.severity', '$.detail.title', '$.detail.accountId', '$.detail.type'),
      }),
    );
    this.securityHub.addTarget(
      new targets.SnsTopic(topic, {
        ...this.targetOptions(),
        message: text(
          'Security Hub',
          '$.detail.findings[0].Severity.Label',
          '$.detail.findings[0].Title',
          '$.detail.findings[0].AwsAccountId',
          '$.detail.findings[0].ProductName',
        ),
      }),
    );
  }

  /** Sends each finding event, whole, to a function. */
  public invoke(fn: lambda.IFunction): void {
    for (const rule of [this.guardDuty, this.securityHub]) rule.addTarget(new targets.LambdaFunction(fn, this.targetOptions()));
  }

  private targetOptions() {
    return { deadLetterQueue: this.deadLetterQueue, ...RETRY };
  }
}

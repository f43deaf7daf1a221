import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import fc from 'fast-check';
import {
  atLeast,
  fromGuardDuty,
  fromSecurityHub,
  GUARDDUTY_SEVERITY_FLOOR,
  SECURITY_HUB_SEVERITY_FLOOR,
  SEVERITIES,
} from '../../lambda/cert/domain/severity';
import { INCIDENT_SEVERITY_THRESHOLDS } from '../../lib/config/schema';
import { FindingRules, guardDutyFindingPattern, securityHubFindingPattern } from '../../lib/security/finding-rules';
import { unacknowledgedFindings, unitTestApp } from '../helpers/platform';

const resolver = new Stack();

/** The numeric lower bound a `[{ numeric: ['>=', n] }]` matcher sets. */
function floorOf(matcher: unknown): number {
  const [condition] = resolver.resolve(matcher) as Array<{ numeric: [string, number] }>;
  expect(condition.numeric[0]).toBe('>=');
  return condition.numeric[1];
}

describe('finding rule patterns', () => {
  it('offers the config exactly the CERT severity levels', () => {
    expect([...INCIDENT_SEVERITY_THRESHOLDS]).toEqual([...SEVERITIES]);
  });

  it.each(SEVERITIES.map((s) => [s]))('GuardDuty at %s or above: numeric match on the finding severity', (threshold) => {
    const pattern = guardDutyFindingPattern(threshold);
    expect(pattern.source).toEqual(['aws.guardduty']);
    expect(pattern.detailType).toEqual(['GuardDuty Finding']);
    expect(floorOf((pattern.detail as { severity: unknown }).severity)).toBe(GUARDDUTY_SEVERITY_FLOOR[threshold]);
  });

  it.each(SEVERITIES.map((s) => [s]))(
    'Security Hub at %s or above: numeric match on the normalised severity of new, active findings',
    (threshold) => {
      const pattern = securityHubFindingPattern(threshold);
      const findings = (pattern.detail as { findings: Record<string, any> }).findings;
      expect(pattern.detailType).toEqual(['Security Hub Findings - Imported']);
      expect(floorOf(findings.Severity.Normalized)).toBe(SECURITY_HUB_SEVERITY_FLOOR[threshold]);
      expect(findings.RecordState).toEqual(['ACTIVE']);
      expect(findings.Workflow).toEqual({ Status: ['NEW'] });
      expect(resolver.resolve(findings.ProductName)).toEqual([{ 'anything-but': ['GuardDuty'] }]);
    },
  );

  it('lets through exactly the GuardDuty findings the CERT files at that threshold', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEVERITIES), fc.double({ min: 1, max: 10, noNaN: true }), (threshold, score) => {
        const passesRule = score >= floorOf((guardDutyFindingPattern(threshold).detail as { severity: unknown }).severity);
        expect(passesRule).toBe(atLeast(fromGuardDuty(score), threshold));
      }),
    );
  });

  it('lets through exactly the Security Hub findings the CERT files at that threshold', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEVERITIES), fc.integer({ min: 1, max: 100 }), (threshold, score) => {
        const findings = (securityHubFindingPattern(threshold).detail as { findings: Record<string, any> }).findings;
        const level = fromSecurityHub({ Normalized: score });
        expect(score >= floorOf(findings.Severity.Normalized)).toBe(level !== undefined && atLeast(level, threshold));
      }),
    );
  });
});

describe('FindingRules', () => {
  const stack = new Stack(unitTestApp(), 'Rules', { env: { region: 'ap-east-1' } });
  const topic = new sns.Topic(stack, 'Topic');
  const rules = new FindingRules(stack, 'Findings', { threshold: 'medium', alarmTopic: topic });
  rules.notify(topic);
  const template = Template.fromStack(stack);
  const dlq = stack.resolve(rules.deadLetterQueue.queueArn);

  it.each([
    ['GuardDuty', 'aws.guardduty'],
    ['Security Hub', 'aws.securityhub'],
  ])('routes %s findings at the threshold to the topic, retrying for a day, then to the dead-letter queue', (_name, source) => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: [source] }),
      Targets: [
        Match.objectLike({
          Arn: stack.resolve(topic.topicArn),
          DeadLetterConfig: { Arn: dlq },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
          InputTransformer: Match.objectLike({ InputTemplate: Match.stringLikeRegexp('finding, severity') }),
        }),
      ],
    });
  });

  it('keeps undelivered findings encrypted for 14 days and lets only EventBridge of this account queue them', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: stack.resolve((rules.node.findChild('Key') as unknown as { keyArn: string }).keyArn),
      MessageRetentionPeriod: 1209600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Condition: Match.anyValue() }),
        ]),
      },
    });
  });

  it('raises an alarm on the alarm topic as soon as one finding waits in the dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: stack.resolve(rules.deadLetterQueue.queueName) }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [stack.resolve(topic.topicArn)],
    });
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(rules)).toEqual([]);
  });
});

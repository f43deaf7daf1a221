import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { AlarmTopic } from './alarm-topic';
import { AuditTrail } from './audit-trail';
import { LogArchive } from './log-archive';

export type SecurityBaselineStackProps = Omit<PlatformStackProps, 'area'>;

/**
 * What every other stack relies on for audit and alerting: the log archive, the audit trail
 * and the alarm topic. Their names and ARNs are published as SSM parameters.
 */
export class SecurityBaselineStack extends PlatformStack {
  public readonly logArchive: LogArchive;
  public readonly auditTrail: AuditTrail;
  public readonly alarmTopic: AlarmTopic;

  constructor(scope: Construct, id: string, props: SecurityBaselineStackProps) {
    super(scope, id, { ...props, area: 'Security', description: 'Security baseline: log archive, audit trail, alarm topic' });
    const { logging, alarms } = this.config;

    this.logArchive = new LogArchive(this, 'LogArchive', {
      lockDays: logging.archiveLockDays,
      transitionDays: logging.archiveTransitionDays,
    });
    this.auditTrail = new AuditTrail(this, 'AuditTrail', {
      bucket: this.logArchive.bucket,
      key: this.logArchive.key,
      logRetention: this.logRetention,
      readAuditedBuckets: [this.logArchive.accessLogsBucket],
    });
    this.alarmTopic = new AlarmTopic(this, 'Alarms', { email: alarms.email });

    const names = this.parameterNames;
    const published: Array<[string, string, string]> = [
      ['LogArchiveBucketName', names.logArchiveBucketName, this.logArchive.bucket.bucketName],
      ['AccessLogsBucketName', names.accessLogsBucketName, this.logArchive.accessLogsBucket.bucketName],
      ['LogArchiveKeyArn', names.logArchiveKeyArn, this.logArchive.key.keyArn],
      ['AlarmTopicArn', names.alarmTopicArn, this.alarmTopic.topic.topicArn],
      ['TrailLogGroupName', names.trailLogGroupName, this.auditTrail.logGroup.logGroupName],
    ];
    for (const [id, parameterName, stringValue] of published) {
      new ssm.StringParameter(this, id, { parameterName, stringValue });
    }
  }
}

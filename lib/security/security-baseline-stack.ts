import type { Construct } from 'constructs';
import { macieEnabled } from '../config/profile';
import type { ParameterName } from '../contract/parameters';
import { publishParameter } from '../contract/ssm';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { AlarmTopic } from './alarm-topic';
import { AuditTrail } from './audit-trail';
import { CisAlarms } from './cis-alarms';
import { AccessAnalyzer } from './detection/access-analyzer';
import { ConfigRecorder } from './detection/config-recorder';
import { ConfigRules } from './detection/config-rules';
import { GuardDutyDetector } from './detection/guardduty';
import { MacieSession } from './detection/macie';
import { SecurityHub } from './detection/security-hub';
import { FindingRules } from './finding-rules';
import { LogArchive } from './log-archive';

export type SecurityBaselineStackProps = Omit<PlatformStackProps, 'area' | 'home'>;

/**
 * What every other stack relies on for audit and alerting: the log archive, the audit trail
 * and the alarm topic, whose names and ARNs are published as SSM parameters; and what watches
 * the account: GuardDuty, Security Hub, AWS Config with its rules, IAM Access Analyzer,
 * optionally Macie, the CIS alarms on the trail, and the rules that pass serious findings on.
 */
export class SecurityBaselineStack extends PlatformStack {
  public readonly logArchive: LogArchive;
  public readonly auditTrail: AuditTrail;
  public readonly alarmTopic: AlarmTopic;
  public readonly guardDuty: GuardDutyDetector;
  public readonly securityHub: SecurityHub;
  public readonly configRecorder: ConfigRecorder;
  public readonly configRules: ConfigRules;
  public readonly accessAnalyzer: AccessAnalyzer;
  /** Present when Macie is on (`security.macie`, by default on in production). */
  public readonly macie?: MacieSession;
  public readonly cisAlarms: CisAlarms;
  public readonly findingRules: FindingRules;

  constructor(scope: Construct, id: string, props: SecurityBaselineStackProps) {
    // In organization mode the baseline deploys to the log archive account, which keeps the logs.
    super(scope, id, {
      ...props,
      area: 'Security',
      home: 'logArchive',
      description: 'Security baseline: log archive, audit trail, alarms and detection',
    });
    const { logging, alarms, security } = this.config;

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

    this.guardDuty = new GuardDutyDetector(this, 'GuardDuty', { bucket: this.logArchive.bucket, key: this.logArchive.key });
    this.securityHub = new SecurityHub(this, 'SecurityHub');
    this.configRecorder = new ConfigRecorder(this, 'ConfigRecorder', {
      key: this.logArchive.key,
      accessLogsBucket: this.logArchive.accessLogsBucket,
      transitionDays: logging.archiveTransitionDays,
    });
    this.configRules = new ConfigRules(this, 'ConfigRules', { recorder: this.configRecorder });
    // Security Hub evaluates most controls through Config, so it starts after the recorder.
    this.securityHub.node.addDependency(this.configRecorder);
    this.accessAnalyzer = new AccessAnalyzer(this, 'AccessAnalyzer');
    if (macieEnabled(this.config)) this.macie = new MacieSession(this, 'Macie');
    this.cisAlarms = new CisAlarms(this, 'CisAlarms', { logGroup: this.auditTrail.logGroup, topic: this.alarmTopic.topic });
    // Operators hear of serious findings at once; the CERT's incident pipeline adds its own rules.
    this.findingRules = new FindingRules(this, 'FindingRules', {
      threshold: security.incidentSeverityThreshold,
      alarmTopic: this.alarmTopic.topic,
    });
    this.findingRules.notify(this.alarmTopic.topic);

    const names = this.parameterNames;
    const published: Array<[string, ParameterName, string]> = [
      ['LogArchiveBucketName', names.logArchiveBucketName, this.logArchive.bucket.bucketName],
      ['AccessLogsBucketName', names.accessLogsBucketName, this.logArchive.accessLogsBucket.bucketName],
      ['LogArchiveKeyArn', names.logArchiveKeyArn, this.logArchive.key.keyArn],
      ['AlarmTopicArn', names.alarmTopicArn, this.alarmTopic.topic.topicArn],
      ['TrailLogGroupName', names.trailLogGroupName, this.auditTrail.logGroup.logGroupName],
    ];
    for (const [id, name, value] of published) publishParameter(this, id, name, value);
  }
}

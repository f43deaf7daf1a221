import { Stack } from 'aws-cdk-lib';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../../compliance/acknowledge';

/**
 * GuardDuty protection plans the detector turns on. Runtime Monitoring covers EKS, ECS on
 * Fargate and EC2, so the older EKS-only runtime feature is left out (GuardDuty refuses both).
 */
export const GUARDDUTY_FEATURES = [
  'S3_DATA_EVENTS',
  'EKS_AUDIT_LOGS',
  'EBS_MALWARE_PROTECTION',
  'RDS_LOGIN_EVENTS',
  'LAMBDA_NETWORK_LOGS',
  'RUNTIME_MONITORING',
] as const;

/** Runtime Monitoring lets GuardDuty install and update its security agent itself. */
const RUNTIME_AGENT_MANAGEMENT = ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'] as const;

export interface GuardDutyDetectorProps {
  /** Bucket receiving exported findings (the log archive). */
  readonly bucket: s3.IBucket;
  /** Key GuardDuty encrypts exported findings with; its policy must be editable here. */
  readonly key: kms.IKey;
  /** @default 'guardduty/' */
  readonly prefix?: string;
  /**
   * How often updates of existing findings are sent to EventBridge and the bucket.
   * @default 'FIFTEEN_MINUTES'
   */
  readonly findingPublishingFrequency?: 'FIFTEEN_MINUTES' | 'ONE_HOUR' | 'SIX_HOURS';
}

/**
 * The account's GuardDuty detector with every protection plan on, exporting its findings,
 * KMS-encrypted, to the log archive so they outlive GuardDuty's 90 days.
 */
export class GuardDutyDetector extends Construct {
  public readonly detector: guardduty.CfnDetector;
  public readonly publishingDestination: guardduty.CfnPublishingDestination;
  /** ARN of the detector, for conditions on who may write as GuardDuty. */
  public readonly detectorArn: string;

  constructor(scope: Construct, id: string, props: GuardDutyDetectorProps) {
    super(scope, id);
    const { partition, region, account } = Stack.of(this);
    this.detector = new guardduty.CfnDetector(this, 'Resource', {
      enable: true,
      findingPublishingFrequency: props.findingPublishingFrequency ?? 'FIFTEEN_MINUTES',
      features: GUARDDUTY_FEATURES.map((name) => ({
        name,
        status: 'ENABLED',
        additionalConfiguration:
          name === 'RUNTIME_MONITORING' ? RUNTIME_AGENT_MANAGEMENT.map((n) => ({ name: n, status: 'ENABLED' })) : undefined,
      })),
    });
    acknowledge(
      this.detector,
      'ControlTower::CT.GUARDDUTY.PR.1',
      'S3 protection is on through the S3_DATA_EVENTS feature above; the control reads only the older DataSources form, which GuardDuty refuses alongside Features.',
    );
    this.detectorArn = `arn:${partition}:guardduty:${region}:${account}:detector/${this.detector.attrId}`;
    const fromThisDetector = { StringEquals: { 'aws:SourceAccount': account, 'aws:SourceArn': this.detectorArn } };
    const prefix = props.prefix ?? 'guardduty/';
    const principal = new iam.ServicePrincipal('guardduty.amazonaws.com');

    const bucketGrants = [
      new iam.PolicyStatement({
        sid: 'AllowGuardDutyToLocateBucket',
        principals: [principal],
        actions: ['s3:GetBucketLocation'],
        resources: [props.bucket.bucketArn],
        conditions: fromThisDetector,
      }),
      new iam.PolicyStatement({
        sid: 'AllowGuardDutyToExportFindings',
        principals: [principal],
        actions: ['s3:PutObject'],
        resources: [props.bucket.arnForObjects(`${prefix}*`)],
        conditions: fromThisDetector,
      }),
    ];
    const policies = bucketGrants.map((s) => props.bucket.addToResourcePolicy(s).policyDependable);
    props.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowGuardDutyToEncryptFindings',
        principals: [principal],
        actions: ['kms:GenerateDataKey'],
        resources: ['*'],
        conditions: fromThisDetector,
      }),
    );

    this.publishingDestination = new guardduty.CfnPublishingDestination(this, 'Export', {
      detectorId: this.detector.attrId,
      destinationType: 'S3',
      destinationProperties: { destinationArn: props.bucket.arnForObjects(prefix.replace(/\/$/, '')), kmsKeyArn: props.key.keyArn },
    });
    // GuardDuty checks it may write when the destination is created.
    for (const policy of policies) if (policy) this.publishingDestination.node.addDependency(policy);
  }
}

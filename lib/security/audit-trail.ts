import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ManagedPolicyRole } from '../constructs/managed-policy-role';
import type { PlatformKey } from '../constructs/platform-key';

export interface AuditTrailProps {
  readonly bucket: s3.IBucket;
  readonly key: PlatformKey;
  readonly logRetention: logs.RetentionDays;
  /** Buckets whose reads are recorded as S3 data events. @default - none */
  readonly readAuditedBuckets?: s3.IBucket[];
}

/**
 * The platform's CloudTrail: every region, management events, log file validation, KMS
 * encryption, delivered to the log archive and to a CloudWatch Logs group for alarms.
 */
export class AuditTrail extends Construct {
  public readonly trail: cloudtrail.Trail;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      encryptionKey: props.key,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.trail = new cloudtrail.Trail(this, 'Trail', {
      bucket: props.bucket,
      encryptionKey: props.key,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      sendToCloudWatchLogs: false,
    });
    for (const bucket of props.readAuditedBuckets ?? []) {
      this.trail.addS3EventSelector([{ bucket }], { readWriteType: cloudtrail.ReadWriteType.READ_ONLY, includeManagementEvents: true });
    }

    // The Trail construct would deliver to CloudWatch Logs through a role with an inline
    // policy; this role keeps its grant in a customer-managed policy instead.
    const deliveryRole = new ManagedPolicyRole(this, 'LogsDeliveryRole', {
      assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com'),
      description: 'Delivers the audit trail to its CloudWatch Logs group',
    });
    const cfnTrail = this.trail.node.defaultChild as cloudtrail.CfnTrail;
    cfnTrail.cloudWatchLogsLogGroupArn = this.logGroup.logGroupArn;
    cfnTrail.cloudWatchLogsRoleArn = deliveryRole.roleArn;
    // CloudTrail checks the role can write when the trail is created: the grant must exist first.
    this.logGroup.grantWrite(deliveryRole).applyBefore(cfnTrail);

    const trailsOfThisAccount = `arn:${stack.partition}:cloudtrail:*:${stack.account}:trail/*`;
    props.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToEncryptLogs',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': trailsOfThisAccount },
        },
      }),
    );
    props.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToDescribeKey',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:DescribeKey'],
        resources: ['*'],
      }),
    );
  }
}

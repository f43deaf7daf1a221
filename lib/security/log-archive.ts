import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PlatformKey } from '../constructs/platform-key';
import { SecureBucket } from '../constructs/secure-bucket';

export interface LogArchiveProps {
  /** Days objects stay locked against deletion and overwrite. */
  readonly lockDays: number;
  /** Days before objects move to Glacier Flexible Retrieval. */
  readonly transitionDays: number;
}

/**
 * Where the platform's logs are kept for audit: a KMS-encrypted, versioned, Object-Locked
 * archive bucket, and a separate bucket receiving the S3 server access logs of every bucket.
 */
export class LogArchive extends Construct {
  public readonly key: PlatformKey;
  public readonly accessLogsBucket: SecureBucket;
  public readonly bucket: SecureBucket;

  constructor(scope: Construct, id: string, props: LogArchiveProps) {
    super(scope, id);
    this.key = new PlatformKey(this, 'Key', {
      purpose: 'Encrypts the platform log archive, the audit trail and security log groups',
      allowCloudWatchLogs: true,
    });
    // S3 cannot deliver server access logs to a bucket with default Object Lock retention.
    this.accessLogsBucket = new SecureBucket(this, 'AccessLogsBucket', {
      accessLogTarget: true,
      transitionToGlacierAfterDays: props.transitionDays,
    });
    // Buckets of every other stack log here too; their stacks cannot add to this policy.
    this.accessLogsBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AcceptServerAccessLogsOfThisAccount',
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.accessLogsBucket.arnForObjects('*')],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.bucket = new SecureBucket(this, 'Bucket', {
      encryptionKey: this.key,
      serverAccessLogsBucket: this.accessLogsBucket,
      objectLockRetention: s3.ObjectLockRetention.governance(Duration.days(props.lockDays)),
      transitionToGlacierAfterDays: props.transitionDays,
    });
  }
}

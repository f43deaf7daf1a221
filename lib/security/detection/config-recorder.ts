import { Stack } from 'aws-cdk-lib';
import * as config from 'aws-cdk-lib/aws-config';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../../compliance/acknowledge';
import { KEY_ACTIONS_FOR_DELIVERY } from '../../constructs/platform-key';
import { BUCKET_DELIVERY_CHECK_ACTIONS, SecureBucket } from '../../constructs/secure-bucket';

export interface ConfigRecorderProps {
  /** Key encrypting configuration history (the log archive key); its policy must be editable here. */
  readonly key: kms.IKey;
  /** Bucket receiving the history bucket's S3 server access logs. */
  readonly accessLogsBucket: s3.IBucket;
  /** Days before history moves to Glacier Flexible Retrieval. */
  readonly transitionDays: number;
}

/**
 * AWS Config recording every supported resource type, global ones (IAM) included, through
 * Config's service-linked role, with history and snapshots delivered KMS-encrypted to an
 * archive bucket.
 *
 * AWS Config cannot deliver to a bucket with Object Lock, so its history has its own
 * versioned bucket beside the Object-Locked log archive, where no object version can be
 * deleted by anyone: only the lifecycle rules expire old versions.
 */
export class ConfigRecorder extends Construct {
  public readonly recorder: config.CfnConfigurationRecorder;
  public readonly deliveryChannel: config.CfnDeliveryChannel;
  public readonly bucket: SecureBucket;

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    const { partition, account } = Stack.of(this);

    // One per account; Config uses it to read resource configurations.
    const role = new iam.CfnServiceLinkedRole(this, 'ServiceLinkedRole', {
      awsServiceName: 'config.amazonaws.com',
      description: 'Lets AWS Config record the configuration of the platform resources',
    });
    const roleArn = `arn:${partition}:iam::${account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;

    this.bucket = new SecureBucket(this, 'HistoryBucket', {
      encryptionKey: props.key,
      serverAccessLogsBucket: props.accessLogsBucket,
      transitionToGlacierAfterDays: props.transitionDays,
      objectLockEnabled: false,
    });
    acknowledge(
      this.bucket,
      'ControlTower::CT.S3.PR.9',
      'AWS Config cannot deliver to an Object Lock bucket; the bucket policy denies deleting any object version instead, and versioning keeps every change.',
    );
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyDeletingHistory',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:DeleteObjectVersion'],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
    const principal = new iam.ServicePrincipal('config.amazonaws.com');
    const fromThisAccount = { StringEquals: { 'aws:SourceAccount': account } };
    const bucketGrants = [
      new iam.PolicyStatement({
        sid: 'AllowConfigToCheckBucket',
        principals: [principal],
        actions: BUCKET_DELIVERY_CHECK_ACTIONS,
        resources: [this.bucket.bucketArn],
        conditions: fromThisAccount,
      }),
      new iam.PolicyStatement({
        sid: 'AllowConfigToDeliver',
        principals: [principal],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`AWSLogs/${account}/Config/*`)],
        conditions: { StringEquals: { ...fromThisAccount.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' } },
      }),
    ];
    const policies = bucketGrants.map((s) => this.bucket.addToResourcePolicy(s).policyDependable);
    props.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowConfigToEncryptHistory',
        principals: [principal],
        actions: KEY_ACTIONS_FOR_DELIVERY,
        resources: ['*'],
        conditions: fromThisAccount,
      }),
    );

    this.recorder = new config.CfnConfigurationRecorder(this, 'Resource', {
      roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      recordingMode: { recordingFrequency: 'CONTINUOUS' },
    });
    this.recorder.node.addDependency(role);

    this.deliveryChannel = new config.CfnDeliveryChannel(this, 'DeliveryChannel', {
      s3BucketName: this.bucket.bucketName,
      s3KmsKeyArn: props.key.keyArn,
      configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    });
    this.deliveryChannel.node.addDependency(this.recorder);
    // Config checks it may write when the channel is created.
    for (const policy of policies) if (policy) this.deliveryChannel.node.addDependency(policy);
  }
}

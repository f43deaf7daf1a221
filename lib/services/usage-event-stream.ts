import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { eventPartition } from '../../lambda/usage/domain/events';
import { acknowledge, wildcardResourceFinding } from '../compliance/acknowledge';
import { ManagedPolicyRole } from '../constructs/managed-policy-role';
import type { SecureBucket } from '../constructs/secure-bucket';

/**
 * Firehose's dynamic partitions of the events bucket, from each JSON line's own fields: the
 * layout `eventPartition` names, so the nightly count reads Firehose's objects and local mode's alike.
 */
export const EVENT_PARTITIONS = eventPartition(
  '!{partitionKeyFromQuery:kind}',
  '!{partitionKeyFromQuery:date}',
  '!{partitionKeyFromQuery:service}',
);

/** What Firehose needs of its destination bucket, and no more: it never reads back, deletes or lists objects' versions. */
const DELIVERY_ACTIONS = [
  's3:AbortMultipartUpload',
  's3:GetBucketLocation',
  's3:ListBucket',
  's3:ListBucketMultipartUploads',
  's3:PutObject',
];

export interface UsageEventStreamProps {
  readonly bucket: SecureBucket;
  /** Encrypts the stream, the delivered objects and the delivery log. */
  readonly key: kms.IKey;
  readonly logRetention: logs.RetentionDays;
}

/**
 * A Direct PUT Firehose stream that takes the beacon's events, encrypted with the service's key,
 * partitioned by kind, day and service (JQ over each line) and delivered GZIP-compressed to the
 * events bucket, with delivery errors under their own prefix and logged. Its role, assumed only
 * by Firehose for this account, may put objects in that bucket and use that key, nothing else.
 */
export class UsageEventStream extends Construct {
  public readonly stream: firehose.CfnDeliveryStream;

  constructor(scope: Construct, id: string, props: UsageEventStreamProps) {
    super(scope, id);
    const { account } = Stack.of(this);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      encryptionKey: props.key,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const logStream = new logs.LogStream(this, 'DeliveryLog', { logGroup, removalPolicy: RemovalPolicy.RETAIN });
    const role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': account } } }),
      description: `Delivery role of ${this.node.path}`,
    });
    const objects = props.bucket.arnForObjects('*');
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'DeliverEvents', actions: DELIVERY_ACTIONS, resources: [props.bucket.bucketArn, objects] }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'EncryptEvents', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.key.keyArn] }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'LogDelivery', actions: ['logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
    acknowledge(
      role,
      wildcardResourceFinding(this, objects),
      'Firehose names each object by its partition and arrival as it delivers; the role may only put objects into this one bucket (no get, no delete) and is assumed only by Firehose for this account.',
    );

    this.stream = new firehose.CfnDeliveryStream(this, 'Resource', {
      deliveryStreamType: 'DirectPut',
      deliveryStreamEncryptionConfigurationInput: { keyType: 'CUSTOMER_MANAGED_CMK', keyArn: props.key.keyArn },
      extendedS3DestinationConfiguration: {
        bucketArn: props.bucket.bucketArn,
        roleArn: role.roleArn,
        prefix: EVENT_PARTITIONS,
        errorOutputPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy-MM-dd}/',
        compressionFormat: 'GZIP',
        fileExtension: '.jsonl.gz',
        encryptionConfiguration: { kmsEncryptionConfig: { awskmsKeyArn: props.key.keyArn } },
        // Dynamic partitioning needs a buffer of at least 64 MiB.
        bufferingHints: { sizeInMBs: 64, intervalInSeconds: 300 },
        cloudWatchLoggingOptions: { enabled: true, logGroupName: logGroup.logGroupName, logStreamName: logStream.logStreamName },
        dynamicPartitioningConfiguration: { enabled: true, retryOptions: { durationInSeconds: 300 } },
        processingConfiguration: {
          enabled: true,
          processors: [
            {
              type: 'MetadataExtraction',
              parameters: [
                { parameterName: 'MetadataExtractionQuery', parameterValue: '{kind: .kind, date: .date, service: .service}' },
                { parameterName: 'JsonParsingEngine', parameterValue: 'JQ-1.6' },
              ],
            },
          ],
        },
      },
    });
    // The stream must not be made before its role may deliver.
    this.stream.node.addDependency(role);
  }

  /** Lets a grantee put records on the stream, and only that. */
  public grantPutRecords(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'],
      resourceArns: [this.stream.attrArn],
    });
  }
}

import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { BUCKET_DELIVERY_CHECK_ACTIONS } from '../constructs/secure-bucket';

/**
 * Lets AWS log delivery of this account write the network's logs (VPC and Transit Gateway flow
 * logs, Network Firewall flow logs) into the log archive, under `AWSLogs/<account>/`, encrypted
 * with the archive's key. Call once, where the archive is built or the platform is composed.
 */
export function allowNetworkLogDelivery(bucket: s3.IBucket, key: kms.IKey): void {
  const { account, region, partition } = Stack.of(bucket);
  const principal = new iam.ServicePrincipal('delivery.logs.amazonaws.com');
  const fromThisAccount = { 'aws:SourceAccount': account };
  const deliverySource = { 'aws:SourceArn': `arn:${partition}:logs:${region}:${account}:*` };
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowLogDeliveryWrite',
      principals: [principal],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`AWSLogs/${account}/*`)],
      conditions: {
        StringEquals: { ...fromThisAccount, 's3:x-amz-acl': 'bucket-owner-full-control' },
        ArnLike: deliverySource,
      },
    }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowLogDeliveryAclCheck',
      principals: [principal],
      actions: BUCKET_DELIVERY_CHECK_ACTIONS,
      resources: [bucket.bucketArn],
      conditions: { StringEquals: fromThisAccount, ArnLike: deliverySource },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowLogDeliveryToEncrypt',
      principals: [principal],
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      resources: ['*'],
      conditions: { StringEquals: fromThisAccount, ArnLike: deliverySource },
    }),
  );
}

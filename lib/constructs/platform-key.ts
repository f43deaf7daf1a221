import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

export interface PlatformKeyProps {
  /** What the key protects; becomes the key's description. */
  readonly purpose: string;
  /** Alias without the `alias/` prefix. @default - no alias */
  readonly alias?: string;
  /**
   * Let CloudWatch Logs of this account and region encrypt log groups with the key.
   * @default false
   */
  readonly allowCloudWatchLogs?: boolean;
}

/**
 * What an AWS service needs of a key to deliver into a destination the key encrypts (alarms and
 * events to an SNS topic or SQS queue, AWS Config's history to a bucket). Such grants go into the
 * key policy, to the service principal: they have no `grantX` equivalent.
 */
export const KEY_ACTIONS_FOR_DELIVERY = ['kms:Decrypt', 'kms:GenerateDataKey'];

/** Actions CloudWatch Logs needs on a key that encrypts log groups. */
const LOGS_KEY_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:DescribeKey',
];

/**
 * Grants let a principal use a key without its key policy naming it; only AWS services acting
 * for a resource (DynamoDB, Lambda, AWS Backup) may create them (Control Tower KMS.PR.3).
 */
export function denyGrantsExceptForAwsServices(key: kms.Key): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'GrantsOnlyForAwsServices',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }),
  );
}

/** A customer-managed KMS key with yearly rotation, retained when its stack is deleted. */
export class PlatformKey extends kms.Key {
  constructor(scope: Construct, id: string, props: PlatformKeyProps) {
    super(scope, id, {
      description: props.purpose,
      alias: props.alias,
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    denyGrantsExceptForAwsServices(this);
    if (props.allowCloudWatchLogs) this.allowCloudWatchLogs();
  }

  /** Allows CloudWatch Logs of this account and region to encrypt log groups with the key. */
  public allowCloudWatchLogs(): void {
    const { region, account, partition } = Stack.of(this);
    this.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsOfThisAccount',
        principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: LOGS_KEY_ACTIONS,
        resources: ['*'],
        conditions: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*` },
        },
      }),
    );
  }
}

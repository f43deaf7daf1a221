import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface VendedLogGroupProps {
  /** Key encrypting the log group; it must let CloudWatch Logs use it (`PlatformKey.allowCloudWatchLogs`). */
  readonly encryptionKey: kms.IKey;
  readonly retention: logs.RetentionDays;
}

/**
 * A KMS-encrypted, retained log group that AWS services write to through log delivery
 * (Network Firewall alerts, Resolver query logs, VPN tunnel logs). Its own resource policy lets
 * delivery from this account in, so AWS need not add an account-wide one on first use.
 */
export class VendedLogGroup extends logs.LogGroup {
  constructor(scope: Construct, id: string, props: VendedLogGroupProps) {
    super(scope, id, { encryptionKey: props.encryptionKey, retention: props.retention, removalPolicy: RemovalPolicy.RETAIN });
    const { account, region, partition } = Stack.of(this);
    this.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowLogDeliveryOfThisAccount',
        principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroupArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:logs:${region}:${account}:*` },
        },
      }),
    );
  }

  /** The log group's ARN without the `:*` suffix, as log delivery configurations take it. */
  get deliveryArn(): string {
    return Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: this.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }
}

import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BID_KEY_ALIAS_PREFIX, BID_KEY_TAG } from '../../lambda/procurement/domain/key-policy';
import { procurementService } from '../../lambda/procurement/routes';
import { acknowledge } from '../compliance/acknowledge';
import type { ServiceStack } from './service-stack';

/** What the service may do to make a tender's bid key: only with the bid-key tag, and no other tag key but the tender's. */
export const CREATE_BID_KEY_ACTIONS = ['kms:CreateKey'] as const;
/** What the service may do with keys that carry the bid-key tag, and no others. */
export const USE_BID_KEY_ACTIONS = [
  'kms:GenerateDataKey',
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:GetKeyPolicy',
  'kms:PutKeyPolicy',
  'kms:EnableKeyRotation',
  'kms:TagResource',
  'kms:CreateAlias',
] as const;

/**
 * What the procurement service needs beyond its API: its settings from the config, and the
 * narrow right to make and use one KMS key per tender (the bid key, whose policy refuses
 * kms:Decrypt before the tender's closing time). Keys are made only with the bid-key tag, used
 * only when they carry it, and aliased only under the bid-key prefix; CloudTrail logs each use.
 */
export function addProcurementExtension(stack: ServiceStack): void {
  // Tokens, so the grant and its acknowledgement read the same in every region and partition.
  const [partition, region, account] = [Aws.PARTITION, Aws.REGION, Aws.ACCOUNT_ID];
  const keys = `arn:${partition}:kms:${region}:${account}:key/*`;
  const tagged = { StringEquals: { [`aws:ResourceTag/${BID_KEY_TAG.key}`]: BID_KEY_TAG.value } };
  for (const fn of Object.values(stack.functions)) {
    fn.function.addEnvironment(procurementService.environment.settings, JSON.stringify(stack.config.procurement));
    fn.function.addEnvironment(procurementService.environment.serviceRoleArn, fn.role.roleArn);
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'CreateBidKeys',
        actions: [...CREATE_BID_KEY_ACTIONS],
        // kms:CreateKey has no resource to name: the conditions hold it to tagged bid keys.
        resources: ['*'],
        conditions: {
          StringEquals: { [`aws:RequestTag/${BID_KEY_TAG.key}`]: BID_KEY_TAG.value },
          'ForAllValues:StringEquals': { 'aws:TagKeys': [BID_KEY_TAG.key, 'egov:tender'] },
        },
      }),
    );
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'UseBidKeys', actions: [...USE_BID_KEY_ACTIONS], resources: [keys], conditions: tagged }),
    );
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'AliasBidKeys',
        actions: ['kms:CreateAlias'],
        resources: [`arn:${partition}:kms:${region}:${account}:${BID_KEY_ALIAS_PREFIX}*`],
      }),
    );
    acknowledge(
      fn.role,
      [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:key/*]`,
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:${BID_KEY_ALIAS_PREFIX}*]`,
      ],
      'A bid key is made per tender at publication, so its ARN cannot be named here: the grant holds only for keys tagged as bid keys (aws:ResourceTag condition) and aliases under the bid-key prefix, and each key policy denies kms:Decrypt to everyone before its closing time.',
    );
  }
}

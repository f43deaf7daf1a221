import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct, type IConstruct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';

/** KMS actions that reading data encrypted under a customer-managed key needs. */
export const KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'] as const;
/** KMS actions that writing it needs as well: data keys for new items and objects. */
export const KEY_WRITE_ACTIONS = ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'] as const;

/** What a grant of a data store lets its grantee do with the data. */
export type DataAccess = 'read' | 'readWrite';

/**
 * Lets a grantee use the key of a table or bucket to read, or read and write, the data it
 * encrypts: the same actions a DynamoDB table grant gives on its key.
 */
export function grantDataKey(key: kms.IKey, grantee: iam.IGrantable, access: DataAccess): iam.Grant {
  const grant = key.grant(grantee, ...KEY_READ_ACTIONS, ...(access === 'readWrite' ? KEY_WRITE_ACTIONS : []));
  if (access === 'readWrite') acknowledgeDataKeyWildcards(grantee);
  return grant;
}

const acknowledged = new WeakSet<IConstruct>();

/** Acknowledges the wildcards of KEY_WRITE_ACTIONS on a grantee, once however many stores grant them. */
export function acknowledgeDataKeyWildcards(grantee: iam.IGrantable): void {
  const target = grantTarget(grantee);
  if (!target || acknowledged.has(target)) return;
  acknowledged.add(target);
  acknowledge(
    target,
    ['AwsSolutions-IAM5[Action::kms:ReEncrypt*]', 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]'],
    'Encrypting and decrypting the data of its own tables and buckets needs KMS’s data-key actions; the grant is limited to the key of those stores.',
  );
}

/** The construct whose policy a grant lands in, where its findings are acknowledged. */
export function grantTarget(grantee: iam.IGrantable): IConstruct | undefined {
  return [grantee.grantPrincipal, grantee].find((g): g is IConstruct & iam.IGrantable => Construct.isConstruct(g));
}

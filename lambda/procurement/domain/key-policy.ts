/**
 * The key policy of a tender's bid key. KMS compares `aws:CurrentTime` with a fixed instant, so
 * each tender has a key of its own, made at publication, whose policy denies `kms:Decrypt` to
 * every principal (the account's root user and administrators included) before the closing time.
 * An amendment moves the instant later by PutKeyPolicy; nothing moves it earlier
 * (`extendedClosing`), and only the service's role may put the policy at all.
 */
export interface BidKeyPolicyInput {
  readonly partition: string;
  readonly account: string;
  /** The role of the function that seals and opens bids. */
  readonly serviceRoleArn: string;
  readonly tenderId: string;
  /** The tender's closing time, ISO 8601 in UTC. */
  readonly closesAt: string;
}

export const DENY_EARLY_DECRYPT_SID = 'DenyDecryptBeforeClosing';
export const DENY_POLICY_CHANGE_SID = 'DenyPolicyChangeButByTheService';

export function bidKeyPolicy(input: BidKeyPolicyInput) {
  const root = `arn:${input.partition}:iam::${input.account}:root`;
  const closing = new Date(input.closesAt).toISOString();
  return {
    Version: '2012-10-17',
    Statement: [
      {
        // IAM policies of the account govern the key, as for every key of the platform.
        Sid: 'AccountGovernsTheKey',
        Effect: 'Allow',
        Principal: { AWS: root },
        Action: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:ListResourceTags', 'kms:EnableKeyRotation', 'kms:GetKeyRotationStatus'],
        Resource: '*',
      },
      {
        Sid: 'ServiceSealsAndOpensBids',
        Effect: 'Allow',
        Principal: { AWS: input.serviceRoleArn },
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:EncryptionContext:tender': input.tenderId } },
      },
      {
        Sid: 'ServiceManagesThePolicy',
        Effect: 'Allow',
        Principal: { AWS: input.serviceRoleArn },
        Action: ['kms:PutKeyPolicy', 'kms:GetKeyPolicy', 'kms:DescribeKey', 'kms:TagResource', 'kms:CreateAlias', 'kms:EnableKeyRotation'],
        Resource: '*',
      },
      {
        Sid: DENY_EARLY_DECRYPT_SID,
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { DateLessThan: { 'aws:CurrentTime': closing } },
      },
      {
        Sid: DENY_POLICY_CHANGE_SID,
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: ['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:DisableKey'],
        Resource: '*',
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': input.serviceRoleArn } },
      },
    ],
  };
}

/** The instant before which the policy denies decryption, or undefined if it has no such statement. */
export function decryptNotBefore(policy: ReturnType<typeof bidKeyPolicy>): string | undefined {
  const deny = policy.Statement.find((s) => s.Sid === DENY_EARLY_DECRYPT_SID && s.Effect === 'Deny');
  const condition = deny?.Condition as { DateLessThan?: Record<string, string> } | undefined;
  return condition?.DateLessThan?.['aws:CurrentTime'];
}

/** The closing time a key policy may be moved to: never earlier than it is. */
export function extendedClosing(current: string, requested: string): string {
  return Date.parse(requested) > Date.parse(current) ? new Date(requested).toISOString() : new Date(current).toISOString();
}

/** Alias of a tender's bid key; the service's role may only make aliases under this prefix. */
export const BID_KEY_ALIAS_PREFIX = 'alias/procurement/tender/';
/** The tag every bid key carries; the service's role may only use keys that carry it. */
export const BID_KEY_TAG = { key: 'egov:procurement-bid-key', value: 'true' } as const;

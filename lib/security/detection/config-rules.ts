import * as config from 'aws-cdk-lib/aws-config';
import { Construct, type IDependable } from 'constructs';

const ids = config.ManagedRuleIdentifiers;

/** One AWS managed Config rule and the benchmark controls it evaluates. */
export interface ManagedRuleSpec {
  /** Construct id, PascalCase; stable once deployed. */
  readonly id: string;
  readonly identifier: string;
  /** CIS AWS Foundations 3.0 recommendations and Security Hub (FSBP) control ids. */
  readonly controls: readonly string[];
  readonly inputParameters?: Record<string, unknown>;
}

/**
 * The CIS and FSBP controls that concern resource types the platform's templates create, so
 * that a template change can break or restore them: storage, keys, logs, the audit trail,
 * functions, topics and the network. Account-level controls that no template sets (root user
 * MFA, password policy, access key age) are evaluated by Security Hub's CIS standard.
 */
export const MANAGED_RULES: readonly ManagedRuleSpec[] = [
  { id: 'TrailMultiRegion', identifier: ids.CLOUDTRAIL_MULTI_REGION_ENABLED, controls: ['CIS 3.1', 'CloudTrail.1'] },
  { id: 'TrailLogFileValidation', identifier: ids.CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED, controls: ['CIS 3.2', 'CloudTrail.4'] },
  { id: 'TrailEncrypted', identifier: ids.CLOUD_TRAIL_ENCRYPTION_ENABLED, controls: ['CIS 3.5', 'CloudTrail.2'] },
  { id: 'TrailToCloudWatchLogs', identifier: ids.CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED, controls: ['CloudTrail.5'] },
  { id: 'TrailS3DataEvents', identifier: ids.CLOUDTRAIL_S3_DATAEVENTS_ENABLED, controls: ['CIS 3.8', 'CIS 3.9', 'S3.22', 'S3.23'] },
  { id: 'KeyRotation', identifier: ids.CMK_BACKING_KEY_ROTATION_ENABLED, controls: ['CIS 3.6', 'KMS.4'] },
  { id: 'KeyNotScheduledForDeletion', identifier: ids.KMS_CMK_NOT_SCHEDULED_FOR_DELETION, controls: ['KMS.3'] },
  { id: 'BucketTlsOnly', identifier: ids.S3_BUCKET_SSL_REQUESTS_ONLY, controls: ['CIS 2.1.1', 'S3.5'] },
  { id: 'AccountPublicAccessBlock', identifier: ids.S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC, controls: ['CIS 2.1.4', 'S3.1'] },
  { id: 'BucketPublicAccessBlock', identifier: ids.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED, controls: ['CIS 2.1.4', 'S3.8'] },
  { id: 'BucketAccessLogging', identifier: ids.S3_BUCKET_LOGGING_ENABLED, controls: ['CIS 3.4', 'S3.9'] },
  { id: 'BucketVersioning', identifier: ids.S3_BUCKET_VERSIONING_ENABLED, controls: ['S3.14'] },
  { id: 'BucketAclsDisabled', identifier: ids.S3_BUCKET_ACL_PROHIBITED, controls: ['S3.12'] },
  { id: 'EbsEncryptionByDefault', identifier: ids.EC2_EBS_ENCRYPTION_BY_DEFAULT, controls: ['CIS 2.2.1', 'EC2.7'] },
  { id: 'RdsEncrypted', identifier: ids.RDS_STORAGE_ENCRYPTED, controls: ['CIS 2.3.1', 'RDS.3'] },
  { id: 'RdsNotPublic', identifier: ids.RDS_INSTANCE_PUBLIC_ACCESS_CHECK, controls: ['CIS 2.3.3', 'RDS.2'] },
  { id: 'EfsEncrypted', identifier: ids.EFS_ENCRYPTED_CHECK, controls: ['CIS 2.4.1', 'EFS.1'] },
  { id: 'VpcFlowLogs', identifier: ids.VPC_FLOW_LOGS_ENABLED, controls: ['CIS 3.7', 'EC2.6'] },
  { id: 'NaclNoOpenAdminPorts', identifier: ids.NACL_NO_UNRESTRICTED_SSH_RDP, controls: ['CIS 5.1', 'EC2.21'] },
  { id: 'SecurityGroupNoOpenSsh', identifier: ids.EC2_SECURITY_GROUPS_INCOMING_SSH_DISABLED, controls: ['CIS 5.2', 'EC2.13'] },
  {
    id: 'SecurityGroupNoOpenRdp',
    identifier: ids.EC2_SECURITY_GROUPS_RESTRICTED_INCOMING_TRAFFIC,
    controls: ['CIS 5.2', 'EC2.14'],
    inputParameters: { blockedPort1: 3389 },
  },
  { id: 'DefaultSecurityGroupClosed', identifier: ids.VPC_DEFAULT_SECURITY_GROUP_CLOSED, controls: ['CIS 5.4', 'EC2.2'] },
  { id: 'Ec2Imdsv2', identifier: ids.EC2_IMDSV2_CHECK, controls: ['CIS 5.6', 'EC2.8'] },
  { id: 'LogGroupsEncrypted', identifier: ids.CLOUDWATCH_LOG_GROUP_ENCRYPTED, controls: ['NIST.800-53.r5 SC-28'] },
  { id: 'DynamoDbPitr', identifier: ids.DYNAMODB_PITR_ENABLED, controls: ['DynamoDB.2'] },
  { id: 'LambdaNotPublic', identifier: ids.LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED, controls: ['Lambda.1'] },
  { id: 'TopicsEncrypted', identifier: ids.SNS_ENCRYPTED_KMS, controls: ['SNS.1'] },
  { id: 'GuardDutyEnabled', identifier: ids.GUARDDUTY_ENABLED_CENTRALIZED, controls: ['GuardDuty.1'] },
];

export interface ConfigRulesProps {
  /** The configuration recorder the rules evaluate from; they are created after it. */
  readonly recorder: IDependable;
  /** @default MANAGED_RULES */
  readonly rules?: readonly ManagedRuleSpec[];
}

/** The platform's AWS managed Config rules, one per entry of a curated list. */
export class ConfigRules extends Construct {
  public readonly rules: config.ManagedRule[];

  constructor(scope: Construct, id: string, props: ConfigRulesProps) {
    super(scope, id);
    const specs = props.rules ?? MANAGED_RULES;
    const seen = new Set<string>();
    for (const spec of specs) {
      if (seen.has(spec.id)) throw new Error(`${this.node.path}: rule id "${spec.id}" is listed twice; give each rule its own id.`);
      seen.add(spec.id);
    }
    this.rules = specs.map((spec) => {
      const rule = new config.ManagedRule(this, spec.id, {
        identifier: spec.identifier,
        inputParameters: spec.inputParameters,
        description: `Evaluates ${spec.controls.join(', ')}`,
      });
      rule.node.addDependency(props.recorder);
      return rule;
    });
  }
}

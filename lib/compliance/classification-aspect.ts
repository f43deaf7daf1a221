import { Annotations, type IAspect, Stack, Tokenization } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { type Classification, classificationRank, isAtLeast } from '../config/classification';

/** One rule of the classification policy: from which level it applies and what it checks. */
interface ClassificationRule {
  readonly id: string;
  readonly from: Classification;
  readonly description: string;
  /** A problem with the resource, or undefined when it complies or the rule does not apply. */
  check(node: IConstruct): string | undefined;
}

const resolve = (node: IConstruct, value: unknown) => Stack.of(node).resolve(value);

function bucketProblem(node: s3.CfnBucket): string | undefined {
  const encryption = resolve(node, node.bucketEncryption) as
    | { serverSideEncryptionConfiguration?: { serverSideEncryptionByDefault?: { sseAlgorithm?: string; kmsMasterKeyId?: unknown } }[] }
    | undefined;
  const rule = encryption?.serverSideEncryptionConfiguration?.[0]?.serverSideEncryptionByDefault;
  return rule?.sseAlgorithm === 'aws:kms' && rule.kmsMasterKeyId ? undefined : 'is not encrypted with a customer-managed KMS key';
}

/**
 * What each level of the government's data classification requires of the resources that hold
 * the data. Everything on the platform already meets the baseline (cdk-nag's four packs); these
 * rules add what a level asks beyond it.
 */
export const CLASSIFICATION_RULES: readonly ClassificationRule[] = [
  {
    id: 'CustomerManagedKeys',
    from: 'RESTRICTED',
    description: 'data stores are encrypted with customer-managed KMS keys',
    check(node) {
      if (node instanceof s3.CfnBucket) return bucketProblem(node);
      if (node instanceof dynamodb.CfnTable) {
        const sse = resolve(node, node.sseSpecification) as { sseEnabled?: boolean; kmsMasterKeyId?: unknown } | undefined;
        return sse?.sseEnabled && sse.kmsMasterKeyId ? undefined : 'is not encrypted with a customer-managed KMS key';
      }
      if (node instanceof logs.CfnLogGroup) return node.kmsKeyId ? undefined : 'is not encrypted with a customer-managed KMS key';
      if (node instanceof sqs.CfnQueue) return node.kmsMasterKeyId ? undefined : 'is not encrypted with a customer-managed KMS key';
      if (node instanceof sns.CfnTopic) return node.kmsMasterKeyId ? undefined : 'is not encrypted with a customer-managed KMS key';
      return undefined;
    },
  },
  {
    id: 'NoPublicBuckets',
    from: 'RESTRICTED',
    description: 'buckets block every form of public access',
    check(node) {
      if (!(node instanceof s3.CfnBucket)) return undefined;
      const block = resolve(node, node.publicAccessBlockConfiguration) as Record<string, boolean> | undefined;
      const all = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'].every((k) => block?.[k] === true);
      return all ? undefined : 'does not block all public access';
    },
  },
  {
    id: 'PrivateApisOnly',
    from: 'CONFIDENTIAL',
    description: 'APIs are reachable only through the platform network (private endpoints)',
    check(node) {
      if (!(node instanceof apigateway.CfnRestApi)) return undefined;
      const config = resolve(node, node.endpointConfiguration) as { types?: string[] } | undefined;
      return config?.types?.length === 1 && config.types[0] === 'PRIVATE'
        ? undefined
        : 'is reachable from the internet, not only through a private endpoint';
    },
  },
];

export interface DataClassificationProps {
  /** The level of the data the scope holds. */
  readonly level: Classification;
  /** The highest level the platform may hold. */
  readonly ceiling: Classification;
  /** Who owns the scope, for messages: a department code or a service name. */
  readonly owner: string;
}

/**
 * Enforces the data classification of a scope (a department, a workload, a service): a level
 * above the platform's ceiling stops synth, and each resource must meet every rule of its level.
 * Errors name the owner, the level and the rule.
 */
export class DataClassification implements IAspect {
  private readonly rules: readonly ClassificationRule[];
  private ceilingReported = false;

  constructor(private readonly props: DataClassificationProps) {
    this.rules = CLASSIFICATION_RULES.filter((r) => isAtLeast(props.level, r.from));
  }

  visit(node: IConstruct): void {
    const { level, ceiling, owner } = this.props;
    if (classificationRank(level) > classificationRank(ceiling)) {
      if (!this.ceilingReported) {
        this.ceilingReported = true;
        Annotations.of(node).addError(
          `[DataClassification:Ceiling] ${owner} is classified ${level}, above the platform's ceiling ${ceiling}: this cloud may not hold it. Keep it on-premises or review its classification.`,
        );
      }
      return;
    }
    for (const rule of this.rules) {
      const problem = rule.check(node);
      if (problem && !Tokenization.isResolvable(problem)) {
        Annotations.of(node).addError(
          `[DataClassification:${rule.id}] ${owner} is ${level}, so ${rule.description}; ${node.node.path} ${problem}.`,
        );
      }
    }
  }
}

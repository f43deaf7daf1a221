import { Aspects, CfnResource, type IAspect, Stack, Stage, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

const MIN_REASON_LENGTH = 40;

/**
 * Acknowledges compliance findings on one construct, with the reason they are acceptable.
 *
 * The reason must name the compensating control. Acknowledging on a whole stack or app
 * is refused: the acknowledgement belongs on the narrowest construct the finding concerns.
 */
export function acknowledge(construct: IConstruct, ids: string | readonly string[], reason: string): void {
  if (Stage.isStage(construct) || Stack.isStack(construct)) {
    throw new Error(
      `Refusing to acknowledge ${String(ids)} on ${construct.node.path || 'the app'}: acknowledge on the construct the finding concerns, not a whole stack or app.`,
    );
  }
  if (reason.trim().length < MIN_REASON_LENGTH) {
    throw new Error(
      `The reason for acknowledging ${String(ids)} on ${construct.node.path} is too short: say why the finding is acceptable and name the compensating control (at least ${MIN_REASON_LENGTH} characters).`,
    );
  }
  const all = typeof ids === 'string' ? [ids] : ids;
  const checkov = all.filter((id) => CHECKOV_ID.test(id));
  // Every acknowledgement is recorded on the construct, where the packs, the Control Tower
  // plugin and the compliance report read it; checkov reads skips from the template instead.
  for (const id of all) Validations.of(construct).acknowledge({ id: checkov.includes(id) ? `Checkov::${id}` : id, reason });
  if (checkov.length > 0) Aspects.of(construct).add(new CheckovSkips(checkov, reason));
}

/** Checkov's ids: `CKV_AWS_…` for its resource checks, `CKV2_AWS_…` for its graph checks. */
const CHECKOV_ID = /^CKV2?_/;

/**
 * Writes checkov skips into the metadata of every CloudFormation resource under the construct
 * (as cdk-nag's acknowledgements cover a construct's children), when the app is synthesized,
 * so resources added after the acknowledgement are covered too.
 */
class CheckovSkips implements IAspect {
  constructor(
    private readonly ids: readonly string[],
    private readonly reason: string,
  ) {}

  visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) return;
    const existing = (node.getMetadata('checkov') as { skip?: { id: string; comment: string }[] } | undefined)?.skip ?? [];
    const added = this.ids.filter((id) => !existing.some((e) => e.id === id)).map((id) => ({ id, comment: this.reason }));
    node.addMetadata('checkov', { skip: [...existing, ...added] });
  }
}

/** The same finding as each pack names it: one id per pack that has the rule. */
export const FINDINGS = {
  s3Replication: [
    'NIST.800.53.R5-S3BucketReplicationEnabled',
    'HIPAA.Security-S3BucketReplicationEnabled',
    'PCI.DSS.321-S3BucketReplicationEnabled',
  ],
  s3DefaultKms: ['NIST.800.53.R5-S3DefaultEncryptionKMS', 'HIPAA.Security-S3DefaultEncryptionKMS', 'PCI.DSS.321-S3DefaultEncryptionKMS'],
} as const;

/**
 * The id cdk-nag gives a wildcard-resource finding on `resource`, with tokens written the way
 * cdk-nag writes them (`<Logical.Arn>`, `<AWS::AccountId>`), so an acknowledgement names
 * exactly the grant it covers.
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${nagNotation(Stack.of(scope).resolve(resource))}]`;
}

function nagNotation(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (v.Ref) return `<${String(v.Ref)}>`;
  if (v['Fn::GetAtt']) return `<${(v['Fn::GetAtt'] as string[]).join('.')}>`;
  if (v['Fn::Join']) {
    const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(nagNotation).join(separator);
  }
  if (Token.isUnresolved(value)) throw new Error('cannot name a finding for an unresolved value');
  return JSON.stringify(value);
}

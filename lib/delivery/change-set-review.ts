/**
 * The review of a CloudFormation change set before approval: a summary a person reads, with the
 * security-relevant changes first, and a refusal of any change that would replace or delete
 * stateful data. Pure: it reads the JSON of `aws cloudformation describe-change-set`.
 */

/** The part of `describe-change-set`'s answer the review reads. */
export interface ChangeSetDescription {
  readonly StackName?: string;
  readonly ChangeSetName?: string;
  readonly Changes?: readonly {
    readonly Type?: string;
    readonly ResourceChange?: {
      readonly Action?: string;
      readonly LogicalResourceId?: string;
      readonly ResourceType?: string;
      readonly Replacement?: string;
      readonly Scope?: readonly string[];
      readonly Details?: readonly { readonly Target?: { readonly Name?: string; readonly Attribute?: string } }[];
    };
  }[];
}

/** A resource change as the review sees it. */
export interface ReviewedChange {
  readonly logicalId: string;
  readonly type: string;
  readonly action: string;
  /** `True`, `False` or `Conditional`, as CloudFormation says; absent for adds and removes. */
  readonly replacement?: string;
  readonly properties: readonly string[];
  readonly securityRelevant: boolean;
}

export interface ChangeSetReview {
  readonly stack: string;
  readonly changes: readonly ReviewedChange[];
  /** One line per stateful resource the change set would replace or delete; empty when it may proceed. */
  readonly refusals: readonly string[];
  readonly summary: string;
}

/** Resource types holding data that a replacement or deletion would lose. */
const STATEFUL_TYPES = [
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::KMS::Key',
  'AWS::Cognito::UserPool',
  'AWS::Logs::LogGroup',
];
const STATEFUL_PREFIXES = ['AWS::RDS::'];

const SECURITY_PREFIXES = ['AWS::IAM::', 'AWS::EC2::SecurityGroup', 'AWS::Organizations::Policy'];

export function isStateful(type: string): boolean {
  return STATEFUL_TYPES.includes(type) || STATEFUL_PREFIXES.some((p) => type.startsWith(p));
}

function isSecurityRelevant(type: string, properties: readonly string[]): boolean {
  if (SECURITY_PREFIXES.some((p) => type.startsWith(p))) return true;
  // A key's policy decides who may decrypt; its other properties do not.
  if (type === 'AWS::KMS::Key') return properties.length === 0 || properties.includes('KeyPolicy');
  return false;
}

/** Reviews one change set: what changes, security first, and what must be refused. */
export function reviewChangeSet(description: ChangeSetDescription): ChangeSetReview {
  const stack = description.StackName ?? description.ChangeSetName ?? 'unknown stack';
  const changes: ReviewedChange[] = (description.Changes ?? [])
    .map((c) => c.ResourceChange)
    .filter((rc) => rc !== undefined)
    .map((rc) => {
      const type = rc.ResourceType ?? 'unknown';
      const properties = [...new Set((rc.Details ?? []).map((d) => d.Target?.Name).filter((n): n is string => !!n))];
      return {
        logicalId: rc.LogicalResourceId ?? 'unknown',
        type,
        action: rc.Action ?? 'Unknown',
        replacement: rc.Replacement,
        properties,
        securityRelevant: isSecurityRelevant(type, properties),
      };
    });
  const refusals = changes
    .filter(
      (c) =>
        isStateful(c.type) &&
        (c.action === 'Remove' || (c.action === 'Modify' && c.replacement !== undefined && c.replacement !== 'False')),
    )
    .map(
      (c) =>
        `${stack}: refusing to ${c.action === 'Remove' ? 'delete' : 'replace'} ${c.logicalId} (${c.type}): it holds data. ` +
        'Keep its construct id and the properties that force replacement, or migrate the data and retire it deliberately.',
    );
  return { stack, changes, refusals, summary: summarize(stack, changes, refusals) };
}

function summarize(stack: string, changes: readonly ReviewedChange[], refusals: readonly string[]): string {
  const line = (c: ReviewedChange) =>
    `  ${c.action.padEnd(6)} ${c.logicalId} (${c.type})${c.replacement === 'True' ? ' REPLACED' : c.replacement === 'Conditional' ? ' may be replaced' : ''}${c.properties.length ? `: ${c.properties.join(', ')}` : ''}`;
  const security = changes.filter((c) => c.securityRelevant);
  const other = changes.filter((c) => !c.securityRelevant);
  return [
    `== ${stack}: ${changes.length} change${changes.length === 1 ? '' : 's'}`,
    ...(refusals.length ? ['REFUSED:', ...refusals.map((r) => `  ${r}`)] : []),
    `Security-relevant (${security.length}):`,
    ...security.map(line),
    `Other (${other.length}):`,
    ...other.map(line),
  ].join('\n');
}

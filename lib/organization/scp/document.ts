import { CDK_QUALIFIER } from '../../contract/roles';
/** A service control policy document: SCPs only deny here, each statement naming what it takes away. */
export interface ScpStatement {
  readonly Sid: string;
  readonly Effect: 'Deny';
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface ScpDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly ScpStatement[];
}

/** The largest SCP document AWS Organizations accepts, in characters. */
export const SCP_MAX_CHARACTERS = 5120;

/** The document as Organizations stores it: minified JSON. */
export function minified(document: ScpDocument): string {
  return JSON.stringify(document);
}

export function scp(...statements: ScpStatement[]): ScpDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * Principals through which the platform itself changes what a guardrail protects: the
 * CloudFormation execution role of the CDK bootstrap in every account, so that changes pass
 * the pipeline's review and approval; and the role Organizations puts in every account it
 * creates for the management account, through which an account is bootstrapped (the bootstrap
 * stack makes the CDK roles with the caller's own rights). Anything else is denied.
 */
export const DEPLOYMENT_PRINCIPALS = [
  `arn:*:iam::*:role/cdk-${CDK_QUALIFIER}-cfn-exec-role-*`,
  'arn:*:iam::*:role/OrganizationAccountAccessRole',
];

/** The condition exempting `DEPLOYMENT_PRINCIPALS`. */
export const unlessDeployment = { ArnNotLike: { 'aws:PrincipalARN': DEPLOYMENT_PRINCIPALS } } as const;

import { CDK_QUALIFIER } from '../../contract/roles';
import { type ScpDocument, scp, unlessDeployment } from './document';

/** Every change to a role: its trust, its policies, its boundary, its tags, its existence. */
export const ROLE_CHANGES = [
  'iam:AttachRolePolicy',
  'iam:CreateRole',
  'iam:DeleteRole',
  'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:PutRolePolicy',
  'iam:TagRole',
  'iam:UntagRole',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
] as const;

/**
 * The platform's roles (named with its prefix, the departments' `<prefix>-dept-*` included) and
 * the CDK bootstrap roles are changed only by the platform's deployments.
 */
export function protectPlatformRoles(props: { readonly prefix: string }): ScpDocument {
  return scp({
    Sid: 'DenyChangesToPlatformRoles',
    Effect: 'Deny',
    Action: ROLE_CHANGES,
    Resource: [`arn:*:iam::*:role/${props.prefix}-*`, `arn:*:iam::*:role/cdk-${CDK_QUALIFIER}-*`],
    Condition: unlessDeployment,
  });
}

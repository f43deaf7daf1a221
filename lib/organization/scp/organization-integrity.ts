import { type ScpDocument, scp } from './document';

/** No account leaves the organization, and so its guardrails. */
export function denyLeavingOrganization(): ScpDocument {
  return scp({ Sid: 'DenyLeavingOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' });
}

/**
 * The root user of a member account does nothing: people sign in through roles. (The
 * management account is never subject to SCPs.)
 */
export function denyRootUser(): ScpDocument {
  return scp({
    Sid: 'DenyRootUser',
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: { ArnLike: { 'aws:PrincipalARN': 'arn:*:iam::*:root' } },
  });
}

/** Everything is denied in a suspended account: what was there is kept, nothing runs or changes. */
export function denyAll(): ScpDocument {
  return scp({ Sid: 'DenyEverythingWhileSuspended', Effect: 'Deny', Action: '*', Resource: '*' });
}

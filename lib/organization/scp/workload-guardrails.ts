import { type ScpDocument, scp, unlessDeployment } from './document';

/**
 * What no workload account does: long-lived credentials (IAM users and their keys and
 * passwords), its own way to the internet (every spoke's route leads to the Transit Gateway
 * and the inspection VPC), or loosening S3's account-wide block of public access.
 */
export function workloadGuardrails(): ScpDocument {
  return scp(
    {
      Sid: 'DenyIamUsersAndAccessKeys',
      Effect: 'Deny',
      Action: ['iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile'],
      Resource: '*',
    },
    {
      Sid: 'DenyInternetGateways',
      Effect: 'Deny',
      Action: ['ec2:CreateInternetGateway', 'ec2:AttachInternetGateway', 'ec2:CreateEgressOnlyInternetGateway'],
      Resource: '*',
    },
    {
      // Deleting the account-level block is authorised by this same action.
      Sid: 'DenyChangingAccountPublicAccessBlock',
      Effect: 'Deny',
      Action: 's3:PutAccountPublicAccessBlock',
      Resource: '*',
      Condition: unlessDeployment,
    },
  );
}

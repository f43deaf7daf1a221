import type { OuKey } from '../../lib/organization/accounts';
import { denyingGuardrails, guardrails } from '../../lib/organization/guardrails';
import { scp } from '../../lib/organization/scp/document';
import { deniedBy, type RequestCase } from '../../lib/organization/scp/evaluate';
import { organizationConfig } from './support';

/**
 * The platform's SCPs run through a small evaluator: for each request, made by a principal of an
 * account in an OU, which guardrails deny it. (Allowed here means no SCP of the platform denies
 * it; IAM policies still decide.)
 */
const all = guardrails(organizationConfig());
const account = '200000000000';
const developer = `arn:aws:iam::${account}:role/gcp-dept-dpo-developer`;
const deployment = `arn:aws:iam::${account}:role/cdk-hnb659fds-cfn-exec-role-${account}-ap-east-1`;
const root = `arn:aws:iam::${account}:root`;
const restApis = 'arn:aws:apigateway:ap-east-1::/restapis';

type Case = [string, OuKey, Omit<RequestCase, 'principal'> & { principal?: string }, string[]];

const cases: Case[] = [
  ['reading data in the platform region', 'Restricted', { action: 's3:GetObject', region: 'ap-east-1' }, []],
  ['reading data in another region', 'Restricted', { action: 's3:GetObject', region: 'us-west-2' }, ['region-lock']],
  ['sending e-mail from the permitted secondary region', 'Restricted', { action: 'ses:SendEmail', region: 'ap-southeast-1' }, []],
  ['a key in another region', 'Unclassified', { action: 'kms:CreateKey', region: 'us-east-1' }, ['region-lock']],
  ['a call to IAM, global, through us-east-1', 'Restricted', { action: 'iam:GetRole', region: 'us-east-1' }, []],
  ['assuming a role through the global STS endpoint', 'Infrastructure', { action: 'sts:AssumeRole', region: 'us-east-1' }, []],
  ['a CloudFront distribution', 'Infrastructure', { action: 'cloudfront:CreateDistribution', region: 'us-east-1' }, []],
  [
    'leaving the organization',
    'Unclassified',
    { action: 'organizations:LeaveOrganization', region: 'us-east-1' },
    ['deny-leaving-organization'],
  ],
  ['anything by the root user', 'Security', { action: 's3:ListBucket', region: 'ap-east-1', principal: root }, ['deny-root-user']],
  [
    'the root user in another region',
    'Sandbox',
    { action: 's3:ListBucket', region: 'eu-west-1', principal: root },
    ['region-lock', 'deny-root-user'],
  ],
  ['stopping the trail by hand', 'Security', { action: 'cloudtrail:StopLogging', region: 'ap-east-1' }, ['protect-security-services']],
  ['a deployment updating the trail', 'Security', { action: 'cloudtrail:UpdateTrail', region: 'ap-east-1', principal: deployment }, []],
  [
    'deleting the GuardDuty detector',
    'Restricted',
    { action: 'guardduty:DeleteDetector', region: 'ap-east-1' },
    ['protect-security-services'],
  ],
  [
    'disabling Security Hub',
    'Infrastructure',
    { action: 'securityhub:DisableSecurityHub', region: 'ap-east-1' },
    ['protect-security-services'],
  ],
  [
    'stopping the Config recorder',
    'Unclassified',
    { action: 'config:StopConfigurationRecorder', region: 'ap-east-1' },
    ['protect-security-services'],
  ],
  [
    'deleting the access analyzer',
    'Restricted',
    { action: 'access-analyzer:DeleteAnalyzer', region: 'ap-east-1' },
    ['protect-security-services'],
  ],
  ['disabling Macie', 'Restricted', { action: 'macie2:DisableMacie', region: 'ap-east-1' }, ['protect-security-services']],
  [
    "changing a department role's trust by hand",
    'Restricted',
    { action: 'iam:UpdateAssumeRolePolicy', region: 'us-east-1', resource: `arn:aws:iam::${account}:role/gcp-dept-dpo-admin` },
    ['protect-platform-roles'],
  ],
  [
    "a deployment changing a department role's trust",
    'Restricted',
    {
      action: 'iam:UpdateAssumeRolePolicy',
      region: 'us-east-1',
      resource: `arn:aws:iam::${account}:role/gcp-dept-dpo-admin`,
      principal: deployment,
    },
    [],
  ],
  [
    'detaching a policy from a CDK bootstrap role',
    'Infrastructure',
    { action: 'iam:DetachRolePolicy', region: 'us-east-1', resource: `arn:aws:iam::${account}:role/cdk-hnb659fds-deploy-role-x` },
    ['protect-platform-roles'],
  ],
  [
    "bootstrapping an account through the management account's access role",
    'Restricted',
    {
      action: 'iam:CreateRole',
      region: 'us-east-1',
      resource: `arn:aws:iam::${account}:role/cdk-hnb659fds-deploy-role-${account}-ap-east-1`,
      principal: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`,
    },
    [],
  ],
  [
    "a department's own application role",
    'Restricted',
    { action: 'iam:CreateRole', region: 'us-east-1', resource: `arn:aws:iam::${account}:role/app-orders` },
    [],
  ],
  ['an IAM user in a workload account', 'Unclassified', { action: 'iam:CreateUser', region: 'us-east-1' }, ['workload-guardrails']],
  ['an access key in a workload account', 'Restricted', { action: 'iam:CreateAccessKey', region: 'us-east-1' }, ['workload-guardrails']],
  [
    'an internet gateway in a workload account',
    'Restricted',
    { action: 'ec2:CreateInternetGateway', region: 'ap-east-1' },
    ['workload-guardrails'],
  ],
  [
    "the network account's internet gateway (egress VPC)",
    'Infrastructure',
    { action: 'ec2:CreateInternetGateway', region: 'ap-east-1' },
    [],
  ],
  [
    "loosening a workload account's public access block",
    'Unclassified',
    { action: 's3:PutAccountPublicAccessBlock', region: 'ap-east-1' },
    ['workload-guardrails'],
  ],
  [
    'an upload asking for SSE-S3 with RESTRICTED data',
    'Restricted',
    { action: 's3:PutObject', region: 'ap-east-1', context: { 's3:x-amz-server-side-encryption': 'AES256' } },
    ['restricted-data'],
  ],
  [
    'an upload asking for SSE-S3 with UNCLASSIFIED data',
    'Unclassified',
    { action: 's3:PutObject', region: 'ap-east-1', context: { 's3:x-amz-server-side-encryption': 'AES256' } },
    [],
  ],
  [
    'an upload asking for the AWS managed key',
    'Restricted',
    { action: 's3:PutObject', region: 'ap-east-1', context: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
    ['restricted-data'],
  ],
  [
    "an upload naming the department's key",
    'Restricted',
    {
      action: 's3:PutObject',
      region: 'ap-east-1',
      context: {
        's3:x-amz-server-side-encryption': 'aws:kms',
        's3:x-amz-server-side-encryption-aws-kms-key-id': `arn:aws:kms:ap-east-1:${account}:key/1234`,
      },
    },
    [],
  ],
  ["an upload taking the bucket's default encryption", 'Confidential', { action: 's3:PutObject', region: 'ap-east-1' }, []],
  ['a secret under the AWS managed key', 'Restricted', { action: 'secretsmanager:CreateSecret', region: 'ap-east-1' }, ['restricted-data']],
  [
    'a secret under its own key',
    'Restricted',
    {
      action: 'secretsmanager:CreateSecret',
      region: 'ap-east-1',
      context: { 'secretsmanager:KmsKeyArn': 'arn:aws:kms:ap-east-1:1:key/1' },
    },
    [],
  ],
  [
    'an unencrypted volume',
    'Restricted',
    {
      action: 'ec2:CreateVolume',
      region: 'ap-east-1',
      resource: `arn:aws:ec2:ap-east-1:${account}:volume/*`,
      context: { 'ec2:Encrypted': 'false' },
    },
    ['restricted-data'],
  ],
  [
    'an encrypted volume',
    'Restricted',
    {
      action: 'ec2:CreateVolume',
      region: 'ap-east-1',
      resource: `arn:aws:ec2:ap-east-1:${account}:volume/*`,
      context: { 'ec2:Encrypted': 'true' },
    },
    [],
  ],
  [
    'turning EBS encryption by default off',
    'Confidential',
    { action: 'ec2:DisableEbsEncryptionByDefault', region: 'ap-east-1' },
    ['restricted-data'],
  ],
  [
    'an unencrypted database',
    'Restricted',
    { action: 'rds:CreateDBInstance', region: 'ap-east-1', context: { 'rds:StorageEncrypted': 'false' } },
    ['restricted-data'],
  ],
  [
    'a regional REST API with CONFIDENTIAL data',
    'Confidential',
    { action: 'apigateway:POST', region: 'ap-east-1', resource: restApis, context: { 'apigateway:Request/EndpointType': 'REGIONAL' } },
    ['confidential-data'],
  ],
  [
    'a private REST API with CONFIDENTIAL data',
    'Confidential',
    { action: 'apigateway:POST', region: 'ap-east-1', resource: restApis, context: { 'apigateway:Request/EndpointType': 'PRIVATE' } },
    [],
  ],
  [
    'a regional REST API with RESTRICTED data',
    'Restricted',
    { action: 'apigateway:POST', region: 'ap-east-1', resource: restApis, context: { 'apigateway:Request/EndpointType': 'REGIONAL' } },
    [],
  ],
  [
    'an HTTP API with CONFIDENTIAL data',
    'Confidential',
    { action: 'apigateway:POST', region: 'ap-east-1', resource: 'arn:aws:apigateway:ap-east-1::/apis' },
    ['confidential-data'],
  ],
  ['reading data in a suspended account', 'Suspended', { action: 's3:GetObject', region: 'ap-east-1' }, ['suspended']],
];

describe('policy simulator over the SCPs', () => {
  it.each(cases)('%s (%s)', (_name, ou, request, denied) => {
    expect(denyingGuardrails(all, ou, { principal: developer, ...request })).toEqual(denied);
  });

  it('tests every guardrail as denying at least one case', () => {
    const denying = new Set(cases.flatMap(([, , , denied]) => denied));
    expect([...denying].sort()).toEqual(all.map((g) => g.name).sort());
  });
});

describe('the evaluator', () => {
  const request = { action: 's3:GetObject', region: 'ap-east-1', principal: developer };

  it('matches actions by wildcard, without regard to case, and NotAction by exclusion', () => {
    expect(deniedBy(scp({ Sid: 'A', Effect: 'Deny', Action: 'S3:Get*', Resource: '*' }), request)).toHaveLength(1);
    expect(deniedBy(scp({ Sid: 'A', Effect: 'Deny', NotAction: 's3:*', Resource: '*' }), request)).toHaveLength(0);
    expect(deniedBy(scp({ Sid: 'A', Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }), request)).toHaveLength(1);
  });

  it('treats a missing key as IAM does: negated operators match, positive ones do not, Null tests absence', () => {
    const on = (Condition: Record<string, Record<string, string>>) =>
      deniedBy(scp({ Sid: 'A', Effect: 'Deny', Action: '*', Resource: '*', Condition }), request).length;
    expect(on({ StringNotEquals: { 'x:Key': 'v' } })).toBe(1);
    expect(on({ StringEquals: { 'x:Key': 'v' } })).toBe(0);
    expect(on({ Bool: { 'x:Key': 'false' } })).toBe(0);
    expect(on({ Null: { 'x:Key': 'true' } })).toBe(1);
    expect(on({ Null: { 'x:Key': 'false' } })).toBe(0);
    expect(on({ 'ForAnyValue:StringNotEquals': { 'x:Key': 'v' } })).toBe(0);
  });

  it('refuses an operator it does not know, rather than guess', () => {
    const policy = scp({
      Sid: 'A',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { IpAddress: { 'aws:SourceIp': '1.2.3.4/32' } },
    });
    expect(() => deniedBy(policy, { ...request, context: { 'aws:SourceIp': '1.2.3.4' } })).toThrow(
      /does not know the condition operator IpAddress/,
    );
  });
});

import { guardrails } from '../../lib/organization/guardrails';
import { confidentialData, restrictedData } from '../../lib/organization/scp/classified-data';
import { minified, SCP_MAX_CHARACTERS } from '../../lib/organization/scp/document';
import { denyAll, denyLeavingOrganization, denyRootUser } from '../../lib/organization/scp/organization-integrity';
import { protectPlatformRoles } from '../../lib/organization/scp/protect-platform-roles';
import { protectSecurityServices } from '../../lib/organization/scp/protect-security-services';
import { GLOBAL_SERVICE_ACTIONS, regionLock } from '../../lib/organization/scp/region-lock';
import { workloadGuardrails } from '../../lib/organization/scp/workload-guardrails';
import { organizationConfig } from './support';

describe('service control policies', () => {
  // The longest prefix and a secondary region make the largest documents the config allows.
  const largest = guardrails(
    organizationConfig((r) => {
      r.platform.prefix = 'abcdefghij';
      r.platform.classificationCeiling = 'SECRET';
    }),
  );

  it.each(largest.map((g) => [g.name, g]))('%s fits the 5,120-character limit of an SCP, minified', (_name, guardrail) => {
    expect(minified(guardrail.document).length).toBeLessThanOrEqual(SCP_MAX_CHARACTERS);
  });

  it('only deny, each statement with a unique Sid', () => {
    for (const { document } of largest) {
      expect(document.Statement.every((s) => s.Effect === 'Deny')).toBe(true);
      const sids = document.Statement.map((s) => s.Sid);
      expect(new Set(sids).size).toBe(sids.length);
    }
  });

  it('lock requests to the platform region and its permitted secondary region, global services excepted', () => {
    const [statement] = regionLock({ region: 'ap-east-1', permittedSecondaryRegion: 'ap-southeast-1' }).Statement;
    expect(statement.Condition).toEqual({ StringNotEquals: { 'aws:RequestedRegion': ['ap-east-1', 'ap-southeast-1'] } });
    expect(statement.NotAction).toEqual(GLOBAL_SERVICE_ACTIONS);
    expect(regionLock({ region: 'ap-east-1' }).Statement[0].Condition).toEqual({
      StringNotEquals: { 'aws:RequestedRegion': ['ap-east-1'] },
    });
  });

  it('never excepts a regional service that holds data from the region lock', () => {
    for (const regional of ['kms:*', 'config:*', 's3:*', 's3:PutObject', 'dynamodb:*', 'ec2:*', 'logs:*', 'lambda:*']) {
      expect(GLOBAL_SERVICE_ACTIONS).not.toContain(regional);
    }
  });

  it('deny leaving the organization, the root user, and everything in a suspended account', () => {
    expect(denyLeavingOrganization().Statement[0].Action).toBe('organizations:LeaveOrganization');
    expect(denyRootUser().Statement[0].Condition).toEqual({ ArnLike: { 'aws:PrincipalARN': 'arn:*:iam::*:root' } });
    expect(denyAll().Statement[0]).toMatchObject({ Action: '*', Resource: '*' });
  });

  it('protect each security service from being switched off, except through deployments', () => {
    const [statement] = protectSecurityServices().Statement;
    const services = new Set((statement.Action as string[]).map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['access-analyzer', 'cloudtrail', 'config', 'guardduty', 'macie2', 'securityhub']);
    expect(statement.Condition).toEqual({
      ArnNotLike: {
        'aws:PrincipalARN': ['arn:*:iam::*:role/cdk-hnb659fds-cfn-exec-role-*', 'arn:*:iam::*:role/OrganizationAccountAccessRole'],
      },
    });
  });

  it("protect the platform's roles by its prefix", () => {
    expect(protectPlatformRoles({ prefix: 'gcp' }).Statement[0].Resource).toEqual([
      'arn:*:iam::*:role/gcp-*',
      'arn:*:iam::*:role/cdk-hnb659fds-*',
    ]);
  });

  it('keep workload accounts free of IAM users, access keys and internet gateways', () => {
    const actions = workloadGuardrails().Statement.flatMap((s) => s.Action as string | string[]);
    expect(actions).toEqual(
      expect.arrayContaining(['iam:CreateUser', 'iam:CreateAccessKey', 'ec2:CreateInternetGateway', 's3:PutAccountPublicAccessBlock']),
    );
  });

  it('require customer-managed keys through condition keys that exist', () => {
    const keys = restrictedData().Statement.flatMap((s) => Object.values(s.Condition ?? {}).flatMap((c) => Object.keys(c)));
    expect(keys.sort()).toEqual([
      'ec2:Encrypted',
      'elasticfilesystem:Encrypted',
      'rds:StorageEncrypted',
      's3:x-amz-server-side-encryption',
      's3:x-amz-server-side-encryption',
      's3:x-amz-server-side-encryption-aws-kms-key-id',
      'secretsmanager:KmsKeyArn',
    ]);
  });

  it('allow only private API endpoints from CONFIDENTIAL', () => {
    const [rest, http] = confidentialData().Statement;
    expect(rest.Condition).toEqual({ 'ForAnyValue:StringNotEquals': { 'apigateway:Request/EndpointType': 'PRIVATE' } });
    expect(http).toMatchObject({ Action: 'apigateway:POST', Resource: 'arn:*:apigateway:*::/apis' });
  });
});

import { Match, Template } from 'aws-cdk-lib/assertions';
import { DepartmentStack } from '../../lib/departments/department-stack';
import { NETWORK_ACTIONS } from '../../lib/departments/permissions-boundary';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('DepartmentStack', () => {
  const config = defaultConfig();
  const td = config.departments.find((d) => d.code === 'TD')!;
  const stack = new DepartmentStack(unitTestApp(), 'Dept-TD', { config, department: td });
  const template = Template.fromStack(stack);
  const statements = (sid: string) =>
    Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s: { Sid?: string }) => s.Sid === sid);

  it('is named, tagged and classified for the department', () => {
    expect(stack.stackName).toBe('gcp-Dept-TD');
    template.hasResourceProperties('AWS::S3::Bucket', {
      Tags: Match.arrayWith([
        { Key: 'CostCentre', Value: 'TD-0001' },
        { Key: 'DataClassification', Value: 'RESTRICTED' },
        { Key: 'Department', Value: 'TD' },
      ]),
    });
  });

  it('gives the department three roles, MFA-only, all under its boundary', () => {
    const roles = Object.values(template.findResources('AWS::IAM::Role'));
    expect(roles.map((r) => r.Properties.RoleName).sort()).toEqual(['gcp-dept-td-admin', 'gcp-dept-td-developer', 'gcp-dept-td-read-only']);
    for (const role of roles) {
      expect(role.Properties.PermissionsBoundary).toEqual({ Ref: expect.stringMatching(/^Boundary/) });
      expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Condition).toEqual({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    }
  });

  it('denies network changes and the security services whatever a role is granted', () => {
    expect(statements('DenyNetworkChanges')[0]).toMatchObject({
      Effect: 'Deny',
      Action: expect.arrayContaining(['ec2:CreateRoute*', 'ec2:AttachInternetGateway', 'network-firewall:*']),
    });
    expect(NETWORK_ACTIONS).toContain('route53resolver:*');
    expect(statements('DenySecurityServices')[0]).toMatchObject({
      Effect: 'Deny',
      Action: expect.arrayContaining(['guardduty:*', 'cloudtrail:*', 'securityhub:*']),
    });
  });

  it("denies acting on anything tagged as another department's", () => {
    expect(statements('DenyOtherDepartmentsResources')[0]).toEqual({
      Sid: 'DenyOtherDepartmentsResources',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { Null: { 'aws:ResourceTag/Department': 'false' }, StringNotEquals: { 'aws:ResourceTag/Department': 'TD' } },
    });
    expect(statements('DenyChangingOwnershipTags')[0].Condition).toEqual({
      'ForAnyValue:StringEquals': { 'aws:TagKeys': ['Department', 'DataClassification', 'CostCentre'] },
    });
  });

  it('refuses roles or users created without the same boundary', () => {
    const boundary = JSON.stringify(statements('DenyRolesWithoutThisBoundary')[0].Condition.StringNotEquals['iam:PermissionsBoundary']);
    expect(boundary).toMatch(/:iam::".*AWS::AccountId.*:policy\/gcp-dept-td-boundary/);
  });

  it("grants roles only the department's own key, bucket and parameters", () => {
    const grants = Object.values(template.findResources('AWS::IAM::ManagedPolicy')).filter((p) => p.Properties.Roles);
    expect(grants).toHaveLength(3);
    for (const grant of grants) {
      for (const s of grant.Properties.PolicyDocument.Statement) {
        expect(s.Effect).toBe('Allow');
        expect(JSON.stringify(s.Resource)).not.toBe('"*"');
      }
    }
  });

  it('has an API key and a usage plan per entitled service with the quota', () => {
    template.resourceCountIs('AWS::ApiGateway::ApiKey', 1);
    template.resourceCountIs('AWS::ApiGateway::UsagePlan', td.services.length);
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      Throttle: { RateLimit: 50, BurstLimit: 100 },
      Quota: { Limit: 1000000, Period: 'MONTH' },
    });
  });

  it('publishes what the department needs under its SSM path', () => {
    const names = Object.values(template.findResources('AWS::SSM::Parameter')).map((p) => p.Properties.Name);
    expect(names).toEqual(
      expect.arrayContaining([
        '/gcp/departments/td/key-arn',
        '/gcp/departments/td/data-bucket-name',
        '/gcp/departments/td/role-developer-arn',
        '/gcp/departments/td/api-key-id',
      ]),
    );
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});

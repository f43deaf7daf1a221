import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DataTable } from '../../lib/constructs/data-table';
import { PlatformKey } from '../../lib/constructs/platform-key';
import { unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('DataTable', () => {
  const stack = new Stack(unitTestApp(), 'Tables', { env: { region: 'ap-east-1' } });
  const key = new PlatformKey(stack, 'Key', { purpose: 'test data' });
  const incidents = new DataTable(stack, 'Incidents', {
    encryptionKey: key,
    definition: {
      name: 'incidents',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [{ name: 'byDepartment', partitionKey: { name: 'department', type: 'S' }, sortKey: { name: 'createdAt', type: 'S' } }],
      ttlAttribute: 'expiresAt',
    },
  });
  new DataTable(stack, 'Advisories', { encryptionKey: key, definition: { name: 'advisories', partitionKey: { name: 'id', type: 'S' } } });
  const template = Template.fromStack(stack);

  it('is on-demand, recoverable to a point in time, protected from deletion and retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: stack.resolve(key.keyArn) },
      }),
    });
  });

  it('builds keys, indexes and expiry from the storage definition', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byDepartment', Projection: { ProjectionType: 'ALL' } })],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('puts every table in one in-region backup plan of the stack', () => {
    template.resourceCountIs('AWS::Backup::BackupPlan', 1);
    template.resourceCountIs('AWS::Backup::BackupVault', 1);
    template.resourceCountIs('AWS::Backup::BackupSelection', 2);
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [stack.resolve(incidents.tableArn)] }),
    });
    const plan = Object.values(template.findResources('AWS::Backup::BackupPlan'))[0];
    for (const rule of plan.Properties.BackupPlan.BackupPlanRule) expect(rule.CopyActions).toBeUndefined();
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});

describe('DataTable grants', () => {
  const stack = new Stack(unitTestApp(), 'Grants', { env: { region: 'ap-east-1' } });
  const key = new PlatformKey(stack, 'Key', { purpose: 'test data' });
  const table = new DataTable(stack, 'Cases', {
    encryptionKey: key,
    definition: {
      name: 'cases',
      partitionKey: { name: 'pk', type: 'S' },
      indexes: [{ name: 'byOwner', partitionKey: { name: 'owner', type: 'S' } }],
    },
  });
  const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  const writer = new iam.Role(stack, 'Writer', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  table.grantReadData(reader);
  table.grantReadWriteData(writer);
  const template = Template.fromStack(stack);
  const policyOf = (role: iam.Role) =>
    JSON.stringify(
      Object.values(template.findResources('AWS::IAM::Policy')).find((p) =>
        JSON.stringify(p.Properties.Roles).includes(stack.resolve(role.roleName).Ref),
      )?.Properties.PolicyDocument,
    );

  it('includes the table key and its indexes', () => {
    expect(policyOf(reader)).toContain('"kms:Decrypt"');
    expect(policyOf(reader)).toContain('/index/*');
    expect(policyOf(reader)).not.toContain('kms:GenerateDataKey');
    expect(policyOf(writer)).toContain('"kms:GenerateDataKey*"');
  });

  it('acknowledges the index and data-key wildcards on the grantees', () => {
    expect(unacknowledgedFindings(stack).filter((f) => f.rule.startsWith('AwsSolutions-IAM5'))).toEqual([]);
  });
});

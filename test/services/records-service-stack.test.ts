import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SERVICES } from '../../lambda/registry';
import { OBJECT_LOCK_ACTIONS, OBJECT_VERSION_DELETE_ACTIONS } from '../../lib/constructs/secure-bucket';
import { ServiceStack } from '../../lib/services/service-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

const vpc = (scope: import('constructs').Construct) =>
  ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
    vpcId: 'vpc-1',
    availabilityZones: ['ap-east-1a', 'ap-east-1b'],
    isolatedSubnetIds: ['subnet-1', 'subnet-2'],
    isolatedSubnetRouteTableIds: ['rtb-1', 'rtb-2'],
  });

describe('ServiceStack of records', () => {
  const config = defaultConfig();
  const stack = new ServiceStack(unitTestApp(), 'Records', { config, service: SERVICES.records, vpc });
  const template = Template.fromStack(stack);
  const apiPolicy = () =>
    JSON.stringify(
      Object.values(template.findResources('AWS::IAM::ManagedPolicy')).find((p) =>
        JSON.stringify(p.Properties.Roles).includes(stack.resolve(stack.functions.api.role.roleName).Ref),
      )?.Properties.PolicyDocument,
    );

  it('keeps record content in a retained, versioned bucket with Object Lock, under a stable logical id', () => {
    const buckets = template.findResources('AWS::S3::Bucket', { Properties: { ObjectLockEnabled: true } });
    const [id] = Object.keys(buckets).filter((k) => k.startsWith('RecordsContentBucket'));
    expect(id).toBeDefined();
    expect(buckets[id]).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { VersioningConfiguration: { Status: 'Enabled' } },
    });
    // Each object carries its own retention, from its schedule: the bucket sets no default that would shorten or lengthen it.
    expect(buckets[id].Properties.ObjectLockConfiguration?.Rule).toBeUndefined();
  });

  it('keeps the file plan, schedules, records and events in one retained table with point-in-time recovery', () => {
    const tables = template.findResources('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      },
    });
    expect(Object.keys(tables)).toEqual([expect.stringMatching(/^RecordsTable[0-9A-F]{8}$/)]);
  });

  it('lets the API lock objects, hold them and delete a version S3 no longer locks, never bypass a lock', () => {
    const policy = apiPolicy();
    for (const action of [...OBJECT_LOCK_ACTIONS, ...OBJECT_VERSION_DELETE_ACTIONS]) expect(policy).toContain(action);
    expect(policy).not.toContain('BypassGovernanceRetention');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp(': api$'),
      Environment: { Variables: Match.objectLike({ RECORDS_LOCK_MODE: 'COMPLIANCE' }) },
    });
  });

  it('passes the BagIt export through API Gateway as bytes', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { BinaryMediaTypes: ['application/x-tar'] });
  });

  it('has no unacknowledged compliance finding', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});

describe('ServiceStack of records in GOVERNANCE mode', () => {
  it('passes the mode and its reason to the functions', () => {
    const config = {
      ...defaultConfig(),
      records: { lockMode: 'GOVERNANCE' as const, governanceReason: 'Test records of a pilot, unlocked by the records office.' },
    };
    const template = Template.fromStack(new ServiceStack(unitTestApp(), 'Records', { config, service: SERVICES.records, vpc }));
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          RECORDS_LOCK_MODE: 'GOVERNANCE',
          RECORDS_GOVERNANCE_REASON: 'Test records of a pilot, unlocked by the records office.',
        }),
      },
    });
  });
});

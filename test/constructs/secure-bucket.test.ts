import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { PlatformKey } from '../../lib/constructs/platform-key';
import { SecureBucket } from '../../lib/constructs/secure-bucket';
import { unacknowledgedFindings, unitTestApp } from '../helpers/platform';

function build() {
  const stack = new Stack(unitTestApp(), 'Buckets', { env: { region: 'ap-east-1' } });
  const key = new PlatformKey(stack, 'Key', { purpose: 'test data' });
  const logs = new SecureBucket(stack, 'AccessLogs', { accessLogTarget: true });
  const data = new SecureBucket(stack, 'Data', { encryptionKey: key, serverAccessLogsBucket: logs, transitionToGlacierAfterDays: 90 });
  return { stack, key, logs, data, template: Template.fromStack(stack) };
}

describe('SecureBucket', () => {
  const { stack, key, template } = build();

  it('encrypts with the customer-managed key and a bucket key', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: stack.resolve(key.keyArn) } },
        ],
      },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'Data/' },
    });
  });

  it('is versioned, blocks public access, disables ACLs and is retained', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(2);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.UpdateReplacePolicy).toBe('Retain');
      expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    }
  });

  it('denies plain HTTP and TLS below 1.2', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
  });

  it('moves objects to Glacier and expires old versions', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Id: 'expire-noncurrent-versions', NoncurrentVersionExpiration: { NoncurrentDays: 365 } }),
          Match.objectLike({ Id: 'archive-to-glacier', Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 90 }] }),
        ]),
      },
    });
  });

  it('uses SSE-S3 for an access log target, which S3 requires', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: Match.absent(),
    });
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });

  it('refuses a data bucket without a key or an access log destination', () => {
    const s = new Stack(unitTestApp(), 'Bad');
    expect(() => new SecureBucket(s, 'NoKey', { serverAccessLogsBucket: undefined, encryptionKey: new kms.Key(s, 'K') })).toThrow(
      /give both encryptionKey and serverAccessLogsBucket/,
    );
    expect(() => new SecureBucket(s, 'LogWithKey', { accessLogTarget: true, encryptionKey: new kms.Key(s, 'K2') })).toThrow(/uses SSE-S3/);
  });
});

describe('SecureBucket object grants', () => {
  const stack = new Stack(unitTestApp(), 'Grants', { env: { region: 'ap-east-1' } });
  const key = new PlatformKey(stack, 'Key', { purpose: 'test data' });
  const data = new SecureBucket(stack, 'Data', {
    encryptionKey: key,
    serverAccessLogsBucket: new SecureBucket(stack, 'Logs', { accessLogTarget: true }),
  });
  const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  const writer = new iam.Role(stack, 'Writer', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  const locker = new iam.Role(stack, 'Locker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  data.grantObjectRead(reader);
  data.grantObjectReadWrite(writer);
  data.grantObjectLock(locker, { deleteVersions: true });
  const template = Template.fromStack(stack);
  const statementsOf = (role: iam.Role) =>
    Object.values(template.findResources('AWS::IAM::Policy')).find((p) =>
      JSON.stringify(p.Properties.Roles).includes(stack.resolve(role.roleName).Ref),
    )?.Properties.PolicyDocument.Statement;

  it('gives the objects and the key to read them, nothing on the bucket itself', () => {
    expect(statementsOf(reader)).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: stack.resolve(data.arnForObjects('*')) },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: stack.resolve(key.keyArn) },
    ]);
  });

  it('adds putting objects and the key actions to encrypt them', () => {
    expect(statementsOf(writer)).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: stack.resolve(data.arnForObjects('*')) },
      {
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
        Resource: stack.resolve(key.keyArn),
      },
    ]);
  });

  it('lets a grantee lock and hold objects and delete versions, never bypass a lock; only on a bucket with Object Lock', () => {
    expect(statementsOf(locker)).toEqual([
      {
        Effect: 'Allow',
        Action: [
          's3:DeleteObjectVersion',
          's3:GetObjectLegalHold',
          's3:GetObjectRetention',
          's3:PutObjectLegalHold',
          's3:PutObjectRetention',
        ],
        Resource: stack.resolve(data.arnForObjects('*')),
      },
    ]);
    const unlocked = new SecureBucket(stack, 'Unlocked', {
      encryptionKey: key,
      serverAccessLogsBucket: data,
      objectLockEnabled: false,
    });
    expect(() => unlocked.grantObjectLock(locker)).toThrow(/needs Object Lock enabled/);
  });

  it('acknowledges the object and data-key wildcards on the grantees, and nothing else is left', () => {
    expect(unacknowledgedFindings(stack).filter((f) => f.rule.startsWith('AwsSolutions-IAM5'))).toEqual([]);
  });
});

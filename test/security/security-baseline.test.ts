import { Match, Template } from 'aws-cdk-lib/assertions';
import { SecurityBaselineStack } from '../../lib/security/security-baseline-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('SecurityBaselineStack', () => {
  const config = defaultConfig();
  const stack = new SecurityBaselineStack(unitTestApp(), 'Security', { config });
  const template = Template.fromStack(stack);

  it('is named after the platform prefix and pinned to its region', () => {
    expect(stack.stackName).toBe('gcp-Security');
    expect(stack.region).toBe('ap-east-1');
    expect(stack.terminationProtection).toBe(true);
  });

  it('rotates every key and keeps it when the stack is deleted', () => {
    const keys = template.findResources('AWS::KMS::Key');
    expect(Object.keys(keys).length).toBeGreaterThanOrEqual(2);
    for (const key of Object.values(keys)) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
  });

  it('locks the log archive against deletion for the configured period', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: config.logging.archiveLockDays } },
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: stack.resolve(stack.logArchive.accessLogsBucket.bucketName).Ref },
        LogFilePrefix: 'Bucket/',
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 90 }] })]),
      },
    });
  });

  it('runs a multi-region, validated, encrypted trail into the archive and CloudWatch Logs', () => {
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KMSKeyId: stack.resolve(stack.logArchive.key.keyArn),
      S3BucketName: stack.resolve(stack.logArchive.bucket.bucketName),
      CloudWatchLogsLogGroupArn: stack.resolve(stack.auditTrail.logGroup.logGroupArn),
      CloudWatchLogsRoleArn: Match.anyValue(),
      EventSelectors: [Match.objectLike({ ReadWriteType: 'ReadOnly', DataResources: [Match.objectLike({ Type: 'AWS::S3::Object' })] })],
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: config.logging.retentionDays, KmsKeyId: Match.anyValue() });
  });

  it('lets CloudTrail encrypt with the archive key only for trails of this account', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCloudTrailToEncryptLogs',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
          }),
        ]),
      },
    });
  });

  it('sends alarms to an encrypted topic with the operators subscribed', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: config.alarms.email });
  });

  it('publishes what other stacks need as SSM parameters under the platform prefix', () => {
    const names = Object.values(template.findResources('AWS::SSM::Parameter')).map((p) => p.Properties.Name);
    expect(names).toEqual(
      expect.arrayContaining([
        '/gcp/security/log-archive-bucket-name',
        '/gcp/security/access-logs-bucket-name',
        '/gcp/security/log-archive-key-arn',
        '/gcp/security/alarm-topic-arn',
      ]),
    );
  });

  it('tags everything with the platform, area, classification and cost centre', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      Tags: Match.arrayWith([
        { Key: 'Area', Value: 'Security' },
        { Key: 'CostCentre', Value: config.platform.costCentre },
        { Key: 'DataClassification', Value: config.platform.classificationCeiling },
        { Key: 'Platform', Value: config.platform.name },
      ]),
    });
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});

import { Match, Template } from 'aws-cdk-lib/assertions';
import { MANAGED_RULES } from '../../lib/security/detection/config-rules';
import { GUARDDUTY_FEATURES } from '../../lib/security/detection/guardduty';
import { SecurityBaselineStack } from '../../lib/security/security-baseline-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('detection in the security baseline', () => {
  const config = defaultConfig();
  const stack = new SecurityBaselineStack(unitTestApp(), 'Security', { config });
  const template = Template.fromStack(stack);
  const archiveBucket = stack.resolve(stack.logArchive.bucket.bucketArn);
  const archiveKey = stack.resolve(stack.logArchive.key.keyArn);

  describe('GuardDuty', () => {
    it('runs one detector with every protection plan, Runtime Monitoring managing its own agents', () => {
      template.resourceCountIs('AWS::GuardDuty::Detector', 1);
      const detector = Object.values(template.findResources('AWS::GuardDuty::Detector'))[0].Properties;
      expect(detector.Enable).toBe(true);
      expect(detector.DataSources).toBeUndefined();
      const features = detector.Features as Array<{ Name: string; Status: string; AdditionalConfiguration?: unknown[] }>;
      expect(features.map((f) => f.Name).sort()).toEqual(
        [
          'EBS_MALWARE_PROTECTION',
          'EKS_AUDIT_LOGS',
          'LAMBDA_NETWORK_LOGS',
          'RDS_LOGIN_EVENTS',
          'RUNTIME_MONITORING',
          'S3_DATA_EVENTS',
        ].sort(),
      );
      expect(features.every((f) => f.Status === 'ENABLED')).toBe(true);
      // GuardDuty refuses EKS-only runtime monitoring beside Runtime Monitoring.
      expect(GUARDDUTY_FEATURES).not.toContain('EKS_RUNTIME_MONITORING');
      expect(features.find((f) => f.Name === 'RUNTIME_MONITORING')?.AdditionalConfiguration).toEqual([
        { Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED' },
        { Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: 'ENABLED' },
        { Name: 'EC2_AGENT_MANAGEMENT', Status: 'ENABLED' },
      ]);
    });

    it('exports findings to the log archive, encrypted with the archive key, once it may write there', () => {
      template.hasResource('AWS::GuardDuty::PublishingDestination', {
        Properties: {
          DetectorId: stack.resolve(stack.guardDuty.detector.attrId),
          DestinationType: 'S3',
          DestinationProperties: { DestinationArn: { 'Fn::Join': ['', [archiveBucket, '/guardduty']] }, KmsKeyArn: archiveKey },
        },
        DependsOn: Match.arrayWith([stack.getLogicalId(stack.logArchive.bucket.policy!.node.defaultChild as never)]),
      });
    });

    it('lets only this detector write findings to the archive and encrypt them', () => {
      const fromDetector = { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 'aws:SourceArn': Match.anyValue() } };
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: stack.resolve(stack.logArchive.bucket.bucketName),
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Sid: 'AllowGuardDutyToLocateBucket', Action: 's3:GetBucketLocation', Resource: archiveBucket }),
            Match.objectLike({
              Sid: 'AllowGuardDutyToExportFindings',
              Principal: { Service: 'guardduty.amazonaws.com' },
              Action: 's3:PutObject',
              Resource: { 'Fn::Join': ['', [archiveBucket, '/guardduty/*']] },
              Condition: fromDetector,
            }),
          ]),
        },
      });
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({ Sid: 'AllowGuardDutyToEncryptFindings', Action: 'kms:GenerateDataKey', Condition: fromDetector }),
          ]),
        },
      });
    });
  });

  describe('Security Hub', () => {
    it('consolidates control findings and picks its standards itself', () => {
      template.hasResourceProperties('AWS::SecurityHub::Hub', {
        EnableDefaultStandards: false,
        ControlFindingGenerator: 'SECURITY_CONTROL',
        AutoEnableControls: true,
      });
    });

    it.each([
      ['AWS Foundational Security Best Practices', 'standards/aws-foundational-security-best-practices/v/1.0.0'],
      ['CIS AWS Foundations 3.0', 'standards/cis-aws-foundations-benchmark/v/3.0.0'],
      ['NIST 800-53 rev 5', 'standards/nist-800-53/v/5.0.0'],
    ])('subscribes to %s in the stack region and partition, after the hub', (_name, path) => {
      template.hasResource('AWS::SecurityHub::Standard', {
        Properties: { StandardsArn: `arn:aws:securityhub:ap-east-1::${path}` },
        DependsOn: Match.arrayWith([stack.getLogicalId(stack.securityHub.hub)]),
      });
    });

    it('subscribes to no other standard', () => {
      template.resourceCountIs('AWS::SecurityHub::Standard', 3);
    });
  });

  describe('AWS Config', () => {
    it('records every supported resource type, global ones included, continuously, through its service-linked role', () => {
      template.hasResourceProperties('AWS::IAM::ServiceLinkedRole', { AWSServiceName: 'config.amazonaws.com' });
      template.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
        RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
        RecordingMode: { RecordingFrequency: 'CONTINUOUS' },
        RoleARN: {
          'Fn::Join': [
            '',
            ['arn:aws:iam::', { Ref: 'AWS::AccountId' }, ':role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig'],
          ],
        },
      });
    });

    it('delivers history, encrypted with the archive key, to a versioned bucket without Object Lock', () => {
      const bucket = stack.configRecorder.bucket;
      template.hasResource('AWS::Config::DeliveryChannel', {
        Properties: {
          S3BucketName: stack.resolve(bucket.bucketName),
          S3KmsKeyArn: archiveKey,
          ConfigSnapshotDeliveryProperties: { DeliveryFrequency: 'TwentyFour_Hours' },
        },
        DependsOn: Match.arrayWith([stack.getLogicalId(stack.configRecorder.recorder)]),
      });
      const resource = template.toJSON().Resources[stack.getLogicalId(bucket.node.defaultChild as never)];
      expect(resource.Properties.ObjectLockEnabled).toBeUndefined();
      expect(resource.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(resource.DeletionPolicy).toBe('Retain');
    });

    it('lets Config deliver only under its own prefix, and no one delete a version of the history', () => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: stack.resolve(stack.configRecorder.bucket.bucketName),
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Sid: 'DenyDeletingHistory', Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:DeleteObjectVersion' }),
            Match.objectLike({
              Sid: 'AllowConfigToDeliver',
              Principal: { Service: 'config.amazonaws.com' },
              Resource: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/AWSLogs/$')])] }),
              Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 's3:x-amz-acl': 'bucket-owner-full-control' } },
            }),
          ]),
        },
      });
    });

    it('runs every curated managed rule, each created after the recorder', () => {
      const rules = Object.values(template.findResources('AWS::Config::ConfigRule'));
      expect(rules).toHaveLength(MANAGED_RULES.length);
      const recorderId = stack.getLogicalId(stack.configRecorder.recorder);
      for (const rule of rules) {
        expect(rule.Properties.Source.Owner).toBe('AWS');
        expect(rule.DependsOn).toEqual(expect.arrayContaining([recorderId, stack.getLogicalId(stack.configRecorder.deliveryChannel)]));
      }
      const identifiers = rules.map((r) => r.Properties.Source.SourceIdentifier).sort();
      expect(identifiers).toEqual(MANAGED_RULES.map((r) => r.identifier).sort());
    });

    it.each(MANAGED_RULES.map((r) => [r.identifier, r] as const))('runs %s, naming the controls it evaluates', (identifier, spec) => {
      template.hasResourceProperties('AWS::Config::ConfigRule', {
        Source: { Owner: 'AWS', SourceIdentifier: identifier },
        Description: `Evaluates ${spec.controls.join(', ')}`,
        ...(spec.inputParameters ? { InputParameters: spec.inputParameters } : {}),
      });
    });

    it('covers the CIS logging, storage and networking recommendations templates can reach', () => {
      const controls = new Set(MANAGED_RULES.flatMap((r) => r.controls));
      for (const cis of [
        'CIS 2.1.1',
        'CIS 2.1.4',
        'CIS 2.2.1',
        'CIS 2.3.1',
        'CIS 3.1',
        'CIS 3.2',
        'CIS 3.5',
        'CIS 3.6',
        'CIS 3.7',
        'CIS 5.1',
        'CIS 5.2',
        'CIS 5.4',
        'CIS 5.6',
      ]) {
        expect(controls).toContain(cis);
      }
    });
  });

  it('starts Security Hub after the Config recorder its controls rely on', () => {
    const hub = template.toJSON().Resources[stack.getLogicalId(stack.securityHub.hub)];
    expect(hub.DependsOn).toEqual(expect.arrayContaining([stack.getLogicalId(stack.configRecorder.recorder)]));
  });

  it('tells the alarm topic at once of findings at the configured severity or above', () => {
    expect(config.security.incidentSeverityThreshold).toBe('high');
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'], detail: { severity: [{ numeric: ['>=', 7] }] } },
      Targets: [Match.objectLike({ Arn: stack.resolve(stack.alarmTopic.topic.topicArn) })],
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ detail: { findings: Match.objectLike({ Severity: { Normalized: [{ numeric: ['>=', 70] }] } }) } }),
      Targets: [Match.objectLike({ Arn: stack.resolve(stack.alarmTopic.topic.topicArn) })],
    });
  });

  it('analyses the account for access from outside it', () => {
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT' });
  });

  it('runs Macie in production when the config does not say', () => {
    expect(config.security.macie).toBeUndefined();
    expect(config.platform.profile).toBe('production');
    template.hasResourceProperties('AWS::Macie::Session', { Status: 'ENABLED', FindingPublishingFrequency: 'FIFTEEN_MINUTES' });
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});

describe('Macie in the dev profile', () => {
  const config = defaultConfig();
  const dev = { ...config, platform: { ...config.platform, profile: 'dev' as const } };

  it('is off by default', () => {
    const stack = new SecurityBaselineStack(unitTestApp(), 'Security', { config: dev });
    Template.fromStack(stack).resourceCountIs('AWS::Macie::Session', 0);
  });

  it('runs when the config switches it on', () => {
    const stack = new SecurityBaselineStack(unitTestApp(), 'Security', { config: { ...dev, security: { ...dev.security, macie: true } } });
    Template.fromStack(stack).resourceCountIs('AWS::Macie::Session', 1);
  });
});

describe('detection with Macie switched off', () => {
  const config = defaultConfig();
  const stack = new SecurityBaselineStack(unitTestApp(), 'Security', {
    config: { ...config, security: { ...config.security, macie: false } },
  });

  it('has no Macie session', () => {
    Template.fromStack(stack).resourceCountIs('AWS::Macie::Session', 0);
    expect(stack.macie).toBeUndefined();
  });
});

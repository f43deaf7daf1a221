import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge } from '../../lib/compliance/acknowledge';
import { addComplianceGate, collectAcknowledgements, compliancePacks, complianceReport, summaryLines } from '../../lib/compliance/gate';
import { PlatformKey } from '../../lib/constructs/platform-key';
import { SecureBucket } from '../../lib/constructs/secure-bucket';
import { FEATURE_FLAGS, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('compliance gate', () => {
  it('catches a bucket built without the secure defaults', () => {
    const stack = new Stack(unitTestApp(), 'Careless');
    new s3.Bucket(stack, 'Plain');
    const rules = unacknowledgedFindings(stack).map((f) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1',
        'AwsSolutions-S10',
        'NIST.800.53.R5-S3DefaultEncryptionKMS',
        'PCI.DSS.321-S3BucketLoggingEnabled',
      ]),
    );
  });

  it('fails the synth of an app with a finding, naming the rule', () => {
    const app = new App({ context: { ...FEATURE_FLAGS, 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
    new s3.Bucket(new Stack(app, 'Careless'), 'Plain');
    addComplianceGate(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
  });

  it('counts rules, findings and acknowledgements per pack', () => {
    const app = unitTestApp();
    const stack = new Stack(app, 'Counted', { env: { region: 'ap-east-1' } });
    const key = new PlatformKey(stack, 'Key', { purpose: 'test' });
    const logs = new SecureBucket(stack, 'Logs', { accessLogTarget: true });
    new SecureBucket(stack, 'Data', { encryptionKey: key, serverAccessLogsBucket: logs });
    const packs = compliancePacks();
    for (const pack of packs) pack.validateScope(stack);
    const report = complianceReport(app, packs);
    const nist = report.packs.find((p) => p.pack === 'NIST.800.53.R5');
    // Replication on both buckets and SSE-KMS on the log target are acknowledged.
    expect(nist).toEqual({ pack: 'NIST.800.53.R5', rules: expect.any(Number), findings: 3, acknowledged: 3, unacknowledged: 0 });
    expect(nist?.rules).toBeGreaterThan(50);
    expect(report.packs.map((p) => p.pack)).toEqual(['AwsSolutions', 'NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321']);
    expect(summaryLines(report)[1]).toMatch(/NIST.800.53.R5 +rules +\d+ +findings +0 +acknowledged +3 +PASS/);
    expect(report.acknowledgements).toContainEqual({
      path: 'Counted/Logs',
      id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
      reason: expect.stringMatching(/cannot deliver to SSE-KMS/),
    });
  });
});

describe('acknowledge', () => {
  const reason = 'Compensated by the nightly integrity check of the archive manifest.';

  it('records the reason on the construct', () => {
    const stack = new Stack(unitTestApp(), 'Acks');
    const bucket = new s3.Bucket(stack, 'B');
    acknowledge(bucket, ['AwsSolutions-S1', 'AwsSolutions-S10'], reason);
    expect(collectAcknowledgements(stack)).toEqual([
      { path: 'Acks/B', id: 'AwsSolutions-S1', reason },
      { path: 'Acks/B', id: 'AwsSolutions-S10', reason },
    ]);
    expect(unacknowledgedFindings(stack).map((f) => f.rule)).not.toContain('AwsSolutions-S1');
  });

  it('writes checkov skips, with the reason, on every resource under the construct', () => {
    const app = unitTestApp();
    const stack = new Stack(app, 'Acks');
    const bucket = new s3.Bucket(stack, 'B');
    // Graph checks (CKV2_) are checkov's too.
    acknowledge(bucket, ['CKV_AWS_18', 'CKV2_AWS_62', 'AwsSolutions-S1'], reason);
    const template = app.synth().getStackByName('Acks').template;
    const resources = Object.values(template.Resources as Record<string, { Type: string; Metadata?: Record<string, unknown> }>);
    const cfnBucket = resources.find((r) => r.Type === 'AWS::S3::Bucket');
    expect(cfnBucket?.Metadata?.checkov).toEqual({
      skip: [
        { id: 'CKV_AWS_18', comment: reason },
        { id: 'CKV2_AWS_62', comment: reason },
      ],
    });
    expect(collectAcknowledgements(stack).map((a) => a.id)).toEqual(['Checkov::CKV_AWS_18', 'Checkov::CKV2_AWS_62', 'AwsSolutions-S1']);
  });

  it('refuses a whole stack or app', () => {
    const app = unitTestApp();
    const stack = new Stack(app, 'Acks');
    expect(() => acknowledge(stack, 'AwsSolutions-S1', reason)).toThrow(/not a whole stack or app/);
    expect(() => acknowledge(app, 'AwsSolutions-S1', reason)).toThrow(/not a whole stack or app/);
  });

  it('refuses a reason that does not explain itself', () => {
    const bucket = new s3.Bucket(new Stack(unitTestApp(), 'Acks'), 'B');
    expect(() => acknowledge(bucket, 'AwsSolutions-S1', 'not needed')).toThrow(/name the compensating control/);
  });
});

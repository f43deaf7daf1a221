import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge } from '../../lib/compliance/acknowledge';
import { ControlTowerControls, controlTowerRules, inspectedTypes } from '../../lib/compliance/control-tower';
import { addComplianceGate, complianceReport } from '../../lib/compliance/gate';
import { FEATURE_FLAGS } from '../helpers/platform';

/** An app with only the Control Tower controls, around one stack. */
function synth(build: (stack: Stack) => void, outdir?: string) {
  const app = new App({ context: FEATURE_FLAGS, builtinCloudFormationValidation: false, outdir });
  build(new Stack(app, 'Workload', { env: { region: 'ap-east-1' } }));
  const plugin = new ControlTowerControls();
  const { Validations } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  Validations.of(app).addPlugins(plugin);
  let error = '';
  try {
    app.synth();
  } catch (err) {
    error = (err as Error).message;
  }
  return { plugin, error };
}

describe('AWS Control Tower proactive controls', () => {
  it('knows the controls cdk-validator-cfnguard bundles, with the resource types each checks', () => {
    const rules = controlTowerRules();
    expect(rules.length).toBeGreaterThan(200);
    expect(rules.find((r) => r.control === 'CT.S3.PR.2')?.types).toContain('AWS::S3::Bucket');
  });

  it('fails the synth of a bucket without access logs, naming the control', () => {
    const { plugin, error } = synth((s) => new s3.CfnBucket(s, 'Plain'));
    expect(error).toMatch(/Require an Amazon S3 bucket to have server access logging configured/);
    expect(plugin.lastStats?.unacknowledged).toBeGreaterThan(0);
  });

  it('finds the failure in a template given by a relative path, as the CDK CLI gives them (cdk.out/…)', () => {
    const outdir = fs.mkdtempSync(path.join(process.cwd(), 'node_modules', '.cache-ct-'));
    try {
      const { plugin, error } = synth(
        (stack) => new s3.Bucket(stack, 'NoLogs', { enforceSSL: true }),
        path.relative(process.cwd(), outdir),
      );
      expect(error).toMatch(/CT\.S3\.PR\.2/);
      expect(plugin.lastStats).toMatchObject({ stacks: 1, unacknowledged: expect.any(Number) });
      expect(plugin.lastStats?.unacknowledged).toBeGreaterThan(0);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('lets a failure be acknowledged on the construct it concerns', () => {
    const controls = [...synth((s) => new s3.CfnBucket(s, 'Plain')).error.matchAll(/ControlTower::(CT\.[A-Z0-9]+\.PR\.\d+)/g)].map(
      (m) => m[1],
    );
    expect(controls).toContain('CT.S3.PR.2');
    const { plugin, error } = synth((s) => {
      const bucket = new s3.CfnBucket(s, 'Plain');
      acknowledge(
        bucket,
        controls.map((c) => `ControlTower::${c}`),
        'A test bucket standing in for one whose controls are met elsewhere, as the reason would say.',
      );
    });
    expect(error).toBe('');
    expect(plugin.lastStats).toMatchObject({ unacknowledged: 0, acknowledged: controls.length });
  });

  it('is part of the compliance gate and its report', () => {
    const app = new App({ context: FEATURE_FLAGS, builtinCloudFormationValidation: false });
    const plugins = addComplianceGate(app);
    expect(plugins.map((p) => p.name)).toContain('ControlTower');
    expect(complianceReport(app, plugins).disabledControls).toEqual({});
  });
});

describe('inspectedTypes', () => {
  it('takes the type a control hooks, not those it only follows references to', () => {
    const rule = `let S3_BUCKET_TYPE = "AWS::S3::Bucket"
let KEY_TYPE = "AWS::KMS::Key"
rule s3_check when is_cfn_hook(%INPUT_DOCUMENT, %S3_BUCKET_TYPE) { check_local_references(%INPUT_DOCUMENT, KmsKey, %KEY_TYPE) }`;
    expect(inspectedTypes(rule)).toEqual(['AWS::S3::Bucket']);
    expect(inspectedTypes('Resources.*[ Type == "AWS::SQS::Queue" ]')).toEqual(['AWS::SQS::Queue']);
  });
});

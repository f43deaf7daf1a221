import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge } from '../../lib/compliance/acknowledge';
import { addComplianceGate, cacheUse, complianceReport } from '../../lib/compliance/gate';
import { templateDigest, VerdictCache } from '../../lib/compliance/verdict-cache';
import { FEATURE_FLAGS } from '../helpers/platform';

const REASON = 'Compensated by the platform log archive, which records every object access.';

/** An app with one careless bucket per stack, synthesized through the gate with the given cache. */
function synth(cache: VerdictCache, options: { acknowledged?: boolean; stacks?: number } = {}) {
  const app = new App({ context: { ...FEATURE_FLAGS, 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
  for (let i = 0; i < (options.stacks ?? 2); i++) {
    const bucket = new s3.Bucket(new Stack(app, `Stack${i}`), 'Plain', { enforceSSL: true, versioned: true });
    if (options.acknowledged && i === 0) acknowledge(bucket, 'AwsSolutions-S1', REASON);
  }
  const packs = addComplianceGate(app, { cache });
  let error: unknown;
  try {
    app.synth();
  } catch (err) {
    error = err;
  }
  const report = complianceReport(app, packs);
  return { report, error: String(error ?? ''), aws: report.packs.find((p) => p.pack === 'AwsSolutions') };
}

describe('verdict cache', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'verdicts-'));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
  const cache = new VerdictCache(directory);

  it('reuses the verdict of an unchanged stack, with the same findings', () => {
    const cold = synth(cache);
    const warm = synth(cache);
    expect(cold.aws).toMatchObject({ stacks: 2, fromCache: 0 });
    expect(warm.aws).toMatchObject({ stacks: 2, fromCache: 2, findings: cold.aws?.findings, unacknowledged: cold.aws?.unacknowledged });
    expect(warm.aws?.unacknowledged).toBeGreaterThan(0);
    expect(warm.error).toMatch(/AwsSolutions-S1/);
    for (const pack of warm.report.packs) expect(pack.fromCache).toBe(2);
  });

  it('checks again a stack whose acknowledgements changed, and only that one', () => {
    const before = synth(cache);
    const after = synth(cache, { acknowledged: true });
    expect(after.aws).toMatchObject({ stacks: 2, fromCache: 1 });
    expect(after.aws?.unacknowledged).toBe((before.aws?.unacknowledged ?? 0) - 1);
  });

  it('checks a stack it has not seen, and runs when an entry is unreadable', () => {
    expect(synth(cache, { stacks: 3 }).aws).toMatchObject({ stacks: 3, fromCache: 2 });
    for (const check of fs.readdirSync(directory)) {
      for (const file of fs.readdirSync(path.join(directory, check))) fs.writeFileSync(path.join(directory, check, file), '{not json');
    }
    const damaged = synth(cache, { stacks: 3 });
    expect(damaged.aws).toMatchObject({ stacks: 3, fromCache: 0 });
    expect(damaged.error).toMatch(/AwsSolutions-S1/);
  });

  it('keeps the findings of the template linter, so a cached bad template still fails the synth', () => {
    const lint = () => {
      const app = new App({ context: { ...FEATURE_FLAGS, 'aws:cdk:bundling-stacks': [] } });
      new s3.CfnBucket(new Stack(app, 'Broken'), 'Bucket', { bucketName: 'Not_A_Valid_Bucket_Name' });
      addComplianceGate(app, { cache });
      expect(() => app.synth()).toThrow(/Not_A_Valid_Bucket_Name' does not match pattern/);
      return cacheUse(app)['CloudFormation Validate'];
    };
    expect(lint()).toEqual({ stacks: 1, fromCache: 0 });
    expect(lint()).toEqual({ stacks: 1, fromCache: 1 });
  });

  it('reads a template whose code assets alone changed as the same template', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-'));
    const write = (name: string, key: string, timeout = 10) => {
      const file = path.join(dir, name);
      const fn = {
        Type: 'AWS::Lambda::Function',
        Properties: { Code: { S3Bucket: 'assets', S3Key: key }, Timeout: timeout },
        Metadata: { 'aws:asset:path': `asset.${key}` },
      };
      fs.writeFileSync(file, JSON.stringify({ Resources: { Fn: fn } }));
      return file;
    };
    const a = templateDigest(write('a.json', `${'a'.repeat(64)}.zip`));
    expect(templateDigest(write('b.json', `${'b'.repeat(64)}.zip`))).toBe(a);
    expect(templateDigest(write('c.json', `${'b'.repeat(64)}.zip`, 30))).not.toBe(a);
    expect(templateDigest(write('d.json', 'handwritten-key.zip'))).not.toBe(a);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is off in CI and when the context says so', () => {
    const previous = process.env.CI;
    try {
      process.env.CI = 'true';
      expect(VerdictCache.forApp(new App())).toBeUndefined();
      delete process.env.CI;
      expect(VerdictCache.forApp(new App({ context: { 'compliance-cache': 'off' } }))).toBeUndefined();
      expect(VerdictCache.forApp(new App(), directory)).toBeInstanceOf(VerdictCache);
    } finally {
      if (previous === undefined) delete process.env.CI;
      else process.env.CI = previous;
    }
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { addComplianceGate, complianceReport } from '../../lib/compliance/gate';
import { buildPlatform } from '../../lib/platform';
import { defaultConfig, FEATURE_FLAGS } from '../helpers/platform';

/**
 * The one test that synthesizes as `npx cdk synth` does: assets bundled, CDK's built-in
 * template linter in strict mode, and the compliance gate. Unit tests switch the first two off.
 */
describe('full synth of the default platform', () => {
  const app = new App({ context: FEATURE_FLAGS });
  buildPlatform(app, defaultConfig());
  const packs = addComplianceGate(app);
  const assembly = app.synth();

  it('runs the built-in linter in strict mode', () => {
    expect(FEATURE_FLAGS['@aws-cdk/core:validateAgainstDefaultRules']).toBe(true);
  });

  it('leaves no finding of any validation plugin, warnings included', () => {
    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
    const violations = report.pluginReports.flatMap((r: { violations?: unknown[] }) => r.violations ?? []);
    expect(violations).toEqual([]);
  });

  it('passes every pack with zero unacknowledged findings', () => {
    const report = complianceReport(app, packs);
    expect(report.packs).toHaveLength(4);
    for (const pack of report.packs) expect(pack).toMatchObject({ unacknowledged: 0 });
  });

  it('writes a template for every stack', () => {
    for (const stack of assembly.stacks) expect(fs.existsSync(path.join(assembly.directory, stack.templateFile))).toBe(true);
  });
});

describe('built-in template linter', () => {
  it('fails the synth of a template CloudFormation would reject', () => {
    const app = new App({ context: FEATURE_FLAGS });
    const stack = new Stack(app, 'Broken');
    new s3.CfnBucket(stack, 'Bucket', { bucketName: 'Not_A_Valid_Bucket_Name' });
    expect(() => app.synth()).toThrow(/BucketName: 'Not_A_Valid_Bucket_Name' does not match pattern[\s\S]*CloudFormation Validate/);
  });
});

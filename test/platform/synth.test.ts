import { spawnSync } from 'node:child_process';
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
// One synth for the whole file: it is the slowest thing the suite does.
const app = new App({ context: FEATURE_FLAGS });
const platform = buildPlatform(app, defaultConfig());
const packs = addComplianceGate(app);
const assembly = app.synth();

describe('full synth of the default platform', () => {
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
    expect(report.packs.map((p) => p.pack)).toEqual(['AwsSolutions', 'NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321', 'ControlTower']);
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

describe('bundled functions', () => {
  const artifact = assembly.getStackArtifact(platform.services.platform.artifactId);
  const fn = Object.values(artifact.template.Resources as Record<string, any>).find(
    (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Description === 'Platform catalogue: api',
  );
  const assetDir = path.join(assembly.directory, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`);

  it('are minified ESM with source maps, the default credential chain left out', () => {
    const code = fs.readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
    expect(fs.existsSync(path.join(assetDir, 'index.mjs.map'))).toBe(true);
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    expect(code).not.toContain('credential-provider-sso');
  });

  it('carry the files bundled with them and answer an API Gateway event', async () => {
    const catalogue = JSON.parse(fs.readFileSync(path.join(assetDir, 'catalogue.json'), 'utf8'));
    expect(catalogue.departments.map((d: { code: string }) => d.code)).toEqual(['DPO', 'TD', 'FEHD']);
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { handler } = await import(${JSON.stringify(`file://${path.join(assetDir, 'index.mjs')}`)});
         const res = await handler({ resource: '/platform/services', path: '/platform/services', httpMethod: 'GET', headers: {}, requestContext: { requestId: 'r1', identity: {} } });
         process.stdout.write(JSON.stringify(res));`,
      ],
      {
        env: { PATH: process.env.PATH, LAMBDA_TASK_ROOT: assetDir, POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    const response = JSON.parse(result.stdout);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).services.map((s: { name: string }) => s.name)).toContain('platform');
  });
});

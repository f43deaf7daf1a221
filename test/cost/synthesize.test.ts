import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { readAssemblyTemplates } from '../../lib/cost/synthesize';

describe('the templates of an assembly cdk synth wrote', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('are read with each stack name and region', () => {
    const app = new App({ outdir });
    new kms.Key(new Stack(app, 'Keys', { stackName: 'x-Keys', env: { region: 'ap-east-1' } }), 'Key');
    new Stack(app, 'Anywhere');
    app.synth();
    const stacks = readAssemblyTemplates(outdir, 'ap-southeast-1');
    expect(stacks.map(({ id, stack, region }) => ({ id, stack, region }))).toEqual([
      { id: 'Keys', stack: 'x-Keys', region: 'ap-east-1' },
      { id: 'Anywhere', stack: 'Anywhere', region: 'ap-southeast-1' },
    ]);
    expect(Object.values<any>(stacks[0].template.Resources ?? {}).map((r) => r.Type)).toContain('AWS::KMS::Key');
  });
});

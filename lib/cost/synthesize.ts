import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import type { PlatformConfig } from '../config/schema';
import { buildPlatform } from '../platform';
import type { StackTemplate } from './estimate';

const FEATURE_FLAGS: Record<string, unknown> = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')).context;

/** A stack's template with the construct id it has in the app (`Dept-TD`), for matching. */
export interface SynthesizedStack extends StackTemplate {
  readonly id: string;
}

/**
 * The templates of the platform a config describes, synthesized in this process. What a
 * resource costs does not depend on function code or on the compliance checks, so neither
 * bundling nor the checks run: the resources are those `cdk synth` writes.
 */
export function synthesizeTemplates(config: PlatformConfig): SynthesizedStack[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'egov-cost-'));
  try {
    const app = new App({
      outdir,
      builtinCloudFormationValidation: false,
      context: { ...FEATURE_FLAGS, 'aws:cdk:bundling-stacks': [] },
    });
    buildPlatform(app, config);
    return templatesOf(app.synth().stacks, config.platform.region);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The templates of an assembly `cdk synth` wrote (like `cdk.out`). */
export function readAssemblyTemplates(directory: string, defaultRegion: string): SynthesizedStack[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(directory, 'manifest.json'), 'utf8'));
  return Object.entries<any>(manifest.artifacts ?? {})
    .filter(([, a]) => a.type === 'aws:cloudformation:stack')
    .map(([id, a]) => ({
      id,
      stack: a.properties?.stackName ?? id,
      region: regionOf(a.environment, defaultRegion),
      template: JSON.parse(fs.readFileSync(path.join(directory, a.properties.templateFile), 'utf8')),
    }));
}

function templatesOf(stacks: readonly { id: string; stackName: string; environment: { region: string }; template: any }[], region: string) {
  return stacks.map((s) => ({ id: s.id, stack: s.stackName, region: regionOf(s.environment.region, region), template: s.template }));
}

function regionOf(environment: string | undefined, fallback: string): string {
  const region = environment?.split('/').pop();
  return region && region !== 'unknown-region' ? region : fallback;
}

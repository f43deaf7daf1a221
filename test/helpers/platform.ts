import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { Construct, IConstruct } from 'constructs';
import { compliancePacks } from '../../lib/compliance/gate';
import { loadConfig } from '../../lib/config/load';
import type { PlatformConfig } from '../../lib/config/schema';
import { buildPlatform } from '../../lib/platform';

export const REPO_ROOT = path.join(__dirname, '..', '..');

/** The default config, parsed once per test file. */
export function defaultConfig(): PlatformConfig {
  return loadConfig(path.join(REPO_ROOT, 'config', 'default.yaml'));
}

/**
 * An app for infrastructure unit tests: no asset bundling and no built-in template linter,
 * both of which are covered by dedicated tests instead.
 */
export function unitTestApp(): App {
  return new App({
    builtinCloudFormationValidation: false,
    context: { ...FEATURE_FLAGS, 'aws:cdk:bundling-stacks': [] },
  });
}

let defaultAssembly: CloudAssembly | undefined;

/** The default platform synthesized as unit tests do, once per test file however many tests read it. */
export function defaultPlatformAssembly(): CloudAssembly {
  if (!defaultAssembly) {
    const app = unitTestApp();
    buildPlatform(app, defaultConfig());
    defaultAssembly = app.synth();
  }
  return defaultAssembly;
}

/** The feature flags of cdk.json, which the CLI passes to the real synth. */
export const FEATURE_FLAGS: Record<string, unknown> = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')).context;

/** A finding left after acknowledgements: which rule, and where. */
export interface Finding {
  readonly rule: string;
  readonly path: string;
}

/** Runs the four compliance packs over a stack (or any scope) and returns what is left. */
export function unacknowledgedFindings(scope: IConstruct | Stack): Finding[] {
  return compliancePacks().flatMap((pack) =>
    pack
      .validateScope(scope)
      .violations.flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '?' }))),
  );
}

/** A VPC of two isolated subnets, imported by id, for a service stack under test. */
export function testVpc(scope: Construct): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
    vpcId: 'vpc-1',
    availabilityZones: ['ap-east-1a', 'ap-east-1b'],
    isolatedSubnetIds: ['subnet-1', 'subnet-2'],
    isolatedSubnetRouteTableIds: ['rtb-1', 'rtb-2'],
  });
}

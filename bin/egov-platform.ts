#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { addComplianceGate, complianceReport, writeComplianceReport } from '../lib/compliance/gate';
import { VerdictCache } from '../lib/compliance/verdict-cache';
import { ConfigError } from '../lib/config/issues';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../lib/config/load';
import { buildPlatform } from '../lib/platform';

const app = new App();
const configPath = (app.node.tryGetContext('config') as string | undefined) ?? DEFAULT_CONFIG_PATH;

try {
  buildPlatform(app, loadConfig(configPath));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const packs = addComplianceGate(app, { cache: VerdictCache.forApp(app) });
const assembly = app.synth();
const report = complianceReport(app, packs);
writeComplianceReport(assembly.directory, report);
// A check that did not run must not pass silently.
const silent = packs.filter((p) => !report.packs.some((s) => s.pack === p.name));
if (silent.length > 0) {
  console.error(`compliance checks that did not run: ${silent.map((p) => p.name).join(', ')}`);
  process.exitCode = 1;
}

#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { addComplianceGate, complianceReport, writeComplianceReport } from '../lib/compliance/gate';
import { VerdictCache } from '../lib/compliance/verdict-cache';
import { ConfigError } from '../lib/config/issues';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../lib/config/load';
import { pendingPlatformAccounts } from '../lib/organization/accounts';
import { buildAccounts, buildPlatform } from '../lib/platform';

const app = new App();
const configPath = (app.node.tryGetContext('config') as string | undefined) ?? DEFAULT_CONFIG_PATH;

try {
  const config = loadConfig(configPath);
  const pending = pendingPlatformAccounts(config);
  if (pending.length === 0) buildPlatform(app, config);
  else {
    // The platform's own accounts are still to be created: only the Organization stack, which creates them.
    buildAccounts(app, config);
    console.error(
      `Only the Organization stack is built: deploy it, then write the ids of ${pending.map((a) => a.path).join(', ')} into the config.`,
    );
  }
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

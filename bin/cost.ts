#!/usr/bin/env node
// What the platform costs a month, from its templates: `npm run cost` (the default config),
// `npm run cost -- -c config=config/hk-government.yaml`, `-- --json`, `-- --summary`,
// `-- --assembly cdk.out` to price templates `cdk synth` already wrote.
import * as path from 'node:path';
import { ConfigError } from '../lib/config/issues';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../lib/config/load';
import { platformCost } from '../lib/cost/platform-cost';
import { budgetWarnings } from '../lib/cost/platform-estimate';
import { costReport } from '../lib/cost/report';
import { readAssemblyTemplates } from '../lib/cost/synthesize';

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: readonly string[]): void {
  const context = args.flatMap((a, i) => (a === '-c' || a === '--context' ? [args[i + 1]] : []));
  const configPath = context.find((c) => c?.startsWith('config='))?.slice('config='.length) ?? DEFAULT_CONFIG_PATH;
  const config = loadConfig(configPath);
  const assembly = option(args, '--assembly');
  const cost = platformCost(config, { templates: assembly ? readAssemblyTemplates(assembly, config.platform.region) : undefined });
  if (args.includes('--json')) {
    console.log(JSON.stringify({ config: configPath, ...cost, warnings: budgetWarnings(cost.departments) }, null, 2));
    return;
  }
  process.stdout.write(
    costReport(cost, {
      title: `${config.platform.name} (${path.relative(process.cwd(), configPath)})`,
      summary: args.includes('--summary'),
    }),
  );
  for (const warning of budgetWarnings(cost.departments)) console.warn(warning);
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
  process.exit(1);
}

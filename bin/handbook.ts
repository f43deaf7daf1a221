#!/usr/bin/env node
// Writes docs/departments/<code>.md: `npm run handbook -- TD` (or `-- --all`, `-- TD --config x.yaml`).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../lib/config/issues';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../lib/config/load';
import { departmentCostsOf } from '../lib/cost/platform-cost';
import { departmentHandbook } from '../lib/departments/handbook';
import { buildCatalogue } from '../lib/departments/provisioning';

const args = process.argv.slice(2);
const configIndex = args.indexOf('--config');
const configPath = configIndex >= 0 ? args[configIndex + 1] : DEFAULT_CONFIG_PATH;
const codes = args.filter((a, i) => !a.startsWith('--') && (configIndex < 0 || i !== configIndex + 1)).map((c) => c.toUpperCase());

try {
  const config = loadConfig(configPath);
  const catalogue = buildCatalogue(config);
  const wanted = args.includes('--all') ? catalogue.departments : catalogue.departments.filter((d) => codes.includes(d.code));
  const unknown = codes.filter((c) => !catalogue.departments.some((d) => d.code === c));
  if (unknown.length > 0 || wanted.length === 0) {
    console.error(
      `Give department codes (or --all). Known: ${catalogue.departments.map((d) => d.code).join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
    );
    process.exit(1);
  }
  const outDir = path.join(__dirname, '..', 'docs', 'departments');
  mkdirSync(outDir, { recursive: true });
  const costs = departmentCostsOf(config).departments;
  for (const dept of wanted) {
    const file = path.join(outDir, `${dept.code}.md`);
    writeFileSync(
      file,
      departmentHandbook(
        config,
        catalogue,
        dept,
        costs.find((c) => c.code === dept.code),
      ),
    );
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}

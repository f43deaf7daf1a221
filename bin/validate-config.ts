#!/usr/bin/env node
// Validates platform config files without building anything: `npm run validate -- config/x.yaml`.
import * as path from 'node:path';
import { ConfigError } from '../lib/config/issues';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../lib/config/load';

const files = process.argv.slice(2);
let failed = false;
for (const file of files.length > 0 ? files : [DEFAULT_CONFIG_PATH]) {
  try {
    const config = loadConfig(file);
    console.log(
      `${path.relative(process.cwd(), file)}: valid (${config.departments.length} departments, services: ${config.services.enabled.join(', ')})`,
    );
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;

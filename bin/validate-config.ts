#!/usr/bin/env node
// Validates platform config files: `npm run validate -- config/x.yaml`. Each valid one is also
// synthesized in memory to warn of a department whose estimated baseline exceeds its budget, and
// in organization mode its accounts still to be created or only referenced are noted.
import * as path from 'node:path';
import { ConfigError } from '../lib/config/issues';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../lib/config/load';
import { organizationNotes } from '../lib/config/organization-checks';
import { departmentCostsOf } from '../lib/cost/platform-cost';
import { budgetWarnings } from '../lib/cost/platform-estimate';

const files = process.argv.slice(2);
let failed = false;
for (const file of files.length > 0 ? files : [DEFAULT_CONFIG_PATH]) {
  try {
    const config = loadConfig(file);
    console.log(
      `${path.relative(process.cwd(), file)}: valid (${config.departments.length} departments, services: ${config.services.enabled.join(', ')})`,
    );
    for (const note of organizationNotes(config)) console.log(`${path.relative(process.cwd(), file)}: ${note}`);
    for (const warning of budgetWarnings(departmentCostsOf(config).departments))
      console.warn(`${path.relative(process.cwd(), file)}: ${warning}`);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;

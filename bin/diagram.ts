#!/usr/bin/env node
// Writes docs/network.md, the network diagram of a config: `npm run diagram [-- config/x.yaml [out.md]]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../lib/config/issues';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../lib/config/load';
import { networkDocument } from '../lib/network/diagram';

const root = path.join(__dirname, '..');
const [configPath = DEFAULT_CONFIG_PATH, output = path.join(root, 'docs', 'network.md')] = process.argv.slice(2);

try {
  const config = loadConfig(configPath);
  const source = path.relative(root, path.resolve(configPath)).split(path.sep).join('/');
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, networkDocument(config, source));
  console.log(`${path.relative(process.cwd(), output)}: network of ${source} (${config.departments.length} departments)`);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
}

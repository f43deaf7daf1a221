#!/usr/bin/env node
// Writes docs/openapi/<service>.json for every service: `npm run openapi`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVICES } from '../lambda/registry';
import { openApiDocument } from '../lib/openapi/openapi';

const outDir = path.join(__dirname, '..', 'docs', 'openapi');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, { definition }] of Object.entries(SERVICES)) {
  const file = path.join(outDir, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(openApiDocument(definition), null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

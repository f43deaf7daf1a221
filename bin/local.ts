#!/usr/bin/env node
// Local mode: every enabled service on http://127.0.0.1:3000 under its base path, and each at the
// root of its own port (3001, 3002, ... in the order the config enables them), over embedded storage.
//   npm run local                     data kept in .local/
//   npm run local -- --memory         nothing kept
//   npm run local -- --config x.yaml  another platform config
import * as path from 'node:path';
import { SERVICES } from '../lambda/registry';
import { ConfigError } from '../lib/config/issues';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../lib/config/load';
import { startLocalPlatform } from '../lib/local/server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const configIndex = args.indexOf('--config');
  const configPath = configIndex >= 0 ? args[configIndex + 1] : DEFAULT_CONFIG_PATH;
  const config = loadConfig(configPath);
  const platform = await startLocalPlatform({
    config,
    services: SERVICES,
    port: Number(process.env.PORT ?? 3000),
    dataDirectory: args.includes('--memory') ? undefined : path.join(__dirname, '..', '.local'),
    log: (line) => console.log(line),
  });

  const enabled = config.services.enabled.filter((s) => s in SERVICES) as (keyof typeof SERVICES)[];
  const lines = [
    `Local platform ready at ${platform.url}`,
    '',
    'Services (under their base path, and at the root of their own port, as their own host serves them):',
    ...enabled.map(
      (s) =>
        `  ${`${platform.url}${SERVICES[s].definition.basePath}`.padEnd(36)} ${platform.serviceUrls[s].padEnd(24)} (OpenAPI: ${platform.url}${SERVICES[s].definition.basePath}/openapi.json)`,
    ),
    '',
    'Bearer tokens (valid 12 hours, signed with a key made at start):',
    `  citizen:         ${platform.tokens.citizen}`,
    `  platform admin:  ${platform.tokens.admin}`,
    `  CERT analyst:    ${platform.tokens.analyst}`,
    ...Object.entries(platform.tokens.officers).map(([code, token]) => `  officer ${code.padEnd(7)} ${token}`),
    '',
    'Department API keys (x-api-key header, needed on department-officer routes):',
    ...Object.entries(platform.apiKeys).map(([code, key]) => `  ${code.padEnd(8)} ${key}`),
    ...(platform.seedNotes.length > 0 ? ['', ...platform.seedNotes] : []),
    '',
    'Try:',
    `  curl ${platform.url}/platform/services`,
    `  curl -H "Authorization: Bearer $ADMIN_TOKEN" ${platform.url}/platform/departments`,
    '',
    'Ctrl-C stops the server.',
  ];
  console.log(lines.join('\n'));

  const stop = async () => {
    console.log('\nStopping...');
    await platform.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

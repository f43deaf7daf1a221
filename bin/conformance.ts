#!/usr/bin/env node
// The standards' own clients against local mode: every script in scripts/conformance/ runs with
// the addresses, tokens and keys of a local platform started for the run, in memory.
//   npm run conformance               every client
//   npm run conformance -- ckan pay   the scripts whose names start so
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVICES } from '../lambda/registry';
import { loadConfig } from '../lib/config/load';
import { type LocalPlatform, startLocalPlatform } from '../lib/local/server';

const ROOT = path.join(__dirname, '..');
const SCRIPTS = path.join(ROOT, 'scripts', 'conformance');

const envName = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** What a client script is told: where each service is, and the credentials local mode made. */
export function clientEnvironment(platform: LocalPlatform): Record<string, string> {
  const env: Record<string, string> = {
    LOCAL_URL: platform.url,
    TOKEN_CITIZEN: platform.tokens.citizen,
    ...Object.fromEntries(Object.entries(platform.tokens.citizens).map(([level, token]) => [`TOKEN_CITIZEN_${envName(level)}`, token])),
    TOKEN_ADMIN: platform.tokens.admin,
    TOKEN_ANALYST: platform.tokens.analyst,
    ...platform.credentials,
  };
  for (const [service, url] of Object.entries(platform.serviceUrls)) env[`SERVICE_URL_${envName(service)}`] = url;
  for (const [code, token] of Object.entries(platform.tokens.officers)) env[`TOKEN_OFFICER_${envName(code)}`] = token;
  for (const [code, key] of Object.entries(platform.apiKeys)) env[`API_KEY_${envName(code)}`] = key;
  return env;
}

function command(script: string, venv: string): string[] {
  if (script.endsWith('.py')) return [path.join(venv, 'bin', 'python'), script];
  if (script.endsWith('.ts')) return [process.execPath, path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script];
  return ['bash', script];
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const scripts = fs
    .readdirSync(SCRIPTS)
    .filter((f) => /\.(py|ts|sh)$/.test(f) && !f.startsWith('_'))
    .filter((f) => filters.length === 0 || filters.some((prefix) => f.startsWith(prefix)))
    .sort();
  if (scripts.length === 0) throw new Error(`No conformance script matches ${filters.join(', ')} in scripts/conformance/.`);
  const venv = spawnSync('bash', [path.join(ROOT, 'scripts', 'python-tools.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (venv.status !== 0) throw new Error('The Python tools could not be installed.');

  // Local mode answers in this process; the clients run as child processes, so nothing waits on them here.
  const platform = await startLocalPlatform({ config: loadConfig(), services: SERVICES, port: 0 });
  const env = { ...process.env, ...clientEnvironment(platform), PYTHONUNBUFFERED: '1' };
  const results: { script: string; ok: boolean; seconds: number }[] = [];
  try {
    for (const script of scripts) {
      const started = Date.now();
      console.log(`== ${script}`);
      const [cmd, ...args] = command(path.join(SCRIPTS, script), venv.stdout.trim());
      const run = await new Promise<number | null>((resolve) => {
        const child = spawn(cmd, args, { env, stdio: 'inherit', cwd: ROOT });
        child.on('close', resolve);
      });
      results.push({ script, ok: run === 0, seconds: (Date.now() - started) / 1000 });
    }
  } finally {
    await platform.stop();
  }
  console.log('');
  for (const r of results) console.log(`conformance ${r.script.padEnd(36)} ${r.ok ? 'PASS' : 'FAIL'}  ${r.seconds.toFixed(1)} s`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

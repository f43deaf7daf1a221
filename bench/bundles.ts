import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { type RegisteredService, SERVICES } from '../lambda/registry';
import { bucketEnvName, tableEnvName } from '../lambda/shared/storage-definition';
import { ESBUILD_OPTIONS } from '../lib/constructs/function-bundle';
import { median, round } from './stats';

const ROOT = path.join(__dirname, '..');

/** What Lambda gives every function: region and its role's credentials in the environment. */
const LAMBDA_ENVIRONMENT = {
  AWS_REGION: 'ap-east-1',
  AWS_ACCESS_KEY_ID: 'ASIABENCHMARK',
  AWS_SECRET_ACCESS_KEY: 'benchmark',
  AWS_SESSION_TOKEN: 'benchmark',
  POWERTOOLS_LOG_LEVEL: 'WARN',
};

export interface BundleResult {
  readonly name: string;
  readonly bytes: number;
  readonly kb: number;
  readonly initMs: number;
  readonly initRatio: number;
}

interface PlatformFunction {
  readonly name: string;
  readonly entry: string;
  /** What the stack would set: the names of the service's tables and buckets. */
  readonly environment: Record<string, string>;
}

/** Every function the platform deploys: each service's functions, authorizers and triggers. */
export function platformFunctions(): PlatformFunction[] {
  return Object.entries(SERVICES).flatMap(([service, registered]: [string, RegisteredService]) => {
    const { definition, storage, triggers } = registered;
    const environment = Object.fromEntries([
      ...storage.tables.map((t) => [tableEnvName(t.name), `${service}-${t.name}`]),
      ...storage.buckets.map((b) => [bucketEnvName(b.name), `${service}-${b.name}`]),
    ]);
    return [
      ...Object.entries(definition.functions).map(([fn, entry]) => ({ name: `${service}/${fn}`, entry, environment })),
      ...Object.entries(definition.authorizers ?? {}).map(([scheme, a]) => ({
        name: `${service}/authorizer:${scheme}`,
        entry: a.entry,
        environment,
      })),
      ...Object.entries(triggers ?? {}).map(([name, t]) => ({ name: `${service}/trigger:${name}`, entry: t.entry, environment: {} })),
    ];
  });
}

/** Bundles a handler exactly as the stacks do (`ESBUILD_OPTIONS`). */
function bundle(entry: string, outdir: string): string {
  const outfile = path.join(outdir, 'index.mjs');
  buildSync({ ...ESBUILD_OPTIONS, entryPoints: [path.join(ROOT, entry)], outfile });
  return outfile;
}

/** Time to import a bundle in a fresh Node.js process, as Lambda's init phase does, median of `runs`. */
function initTime(file: string, runs: number, environment: Record<string, string>): number {
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});process.stdout.write(String(performance.now()-t));`;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        ...LAMBDA_ENVIRONMENT,
        ...environment,
        LAMBDA_TASK_ROOT: path.dirname(file),
      },
    });
    if (r.status !== 0) throw new Error(`importing ${file} failed: ${r.stderr.slice(-1500)}`);
    samples.push(Number(r.stdout));
  }
  return median(samples);
}

/** Bundle size and init time of every function, against the reference GetItem handler. */
export function benchBundles(runs: number, log: (line: string) => void): { reference: BundleResult; functions: BundleResult[] } {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-bundles-'));
  try {
    const measure = (name: string, entry: string, index: number, environment: Record<string, string> = {}) => {
      const dir = path.join(scratch, String(index));
      const file = bundle(entry, dir);
      const bytes = statSync(file).size;
      const ms = initTime(file, runs, environment);
      log(`  bundle ${name}: ${round(bytes / 1024, 1)} KB, init ${round(ms, 1)} ms`);
      return { name, bytes, kb: round(bytes / 1024, 1), initMs: round(ms, 1) };
    };
    const ref = measure('reference (DynamoDB GetItem)', 'bench/apps/reference-handler.ts', 0);
    const reference = { ...ref, initRatio: 1 };
    const functions = platformFunctions().map((f, i) => {
      const m = measure(f.name, f.entry, i + 1, f.environment);
      return { ...m, initRatio: round(m.initMs / ref.initMs) };
    });
    return { reference, functions };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

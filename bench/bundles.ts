import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { SERVICES } from '../lambda/registry';
import { BUNDLE_ALIASES, BUNDLING } from '../lib/constructs/service-function';
import { median, round } from './stats';

const ROOT = path.join(__dirname, '..');

export interface BundleResult {
  readonly name: string;
  readonly bytes: number;
  readonly kb: number;
  readonly initMs: number;
  readonly initRatio: number;
}

/** Every function the platform deploys: each service's functions and authorizers. */
export function platformFunctions(): { name: string; entry: string }[] {
  return Object.entries(SERVICES).flatMap(([service, { definition }]) => [
    ...Object.entries(definition.functions).map(([fn, entry]) => ({ name: `${service}/${fn}`, entry })),
    ...Object.entries(definition.authorizers ?? {}).map(([scheme, a]) => ({ name: `${service}/authorizer:${scheme}`, entry: a.entry })),
  ]);
}

/** Bundles a handler exactly as the stacks do (the options of `BUNDLING`). */
function bundle(entry: string, outdir: string): string {
  const outfile = path.join(outdir, 'index.mjs');
  buildSync({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    sourcesContent: BUNDLING.sourcesContent,
    mainFields: BUNDLING.mainFields,
    banner: { js: BUNDLING.banner ?? '' },
    alias: { ...BUNDLE_ALIASES },
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** Time to import a bundle in a fresh Node.js process, as Lambda's init phase does, median of `runs`. */
function initTime(file: string, runs: number): number {
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});process.stdout.write(String(performance.now()-t));`;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: {
        ...process.env,
        AWS_REGION: 'ap-east-1',
        LAMBDA_TASK_ROOT: path.dirname(file),
        PLATFORM_CATALOGUE: '{"platform":{},"services":[],"departments":[]}',
      },
    });
    if (r.status !== 0) throw new Error(`importing ${file} failed: ${r.stderr}`);
    samples.push(Number(r.stdout));
  }
  return median(samples);
}

/** Bundle size and init time of every function, against the reference GetItem handler. */
export function benchBundles(runs: number, log: (line: string) => void): { reference: BundleResult; functions: BundleResult[] } {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-bundles-'));
  try {
    const measure = (name: string, entry: string, index: number) => {
      const dir = path.join(scratch, String(index));
      const file = bundle(entry, dir);
      const bytes = statSync(file).size;
      const ms = initTime(file, runs);
      log(`  bundle ${name}: ${round(bytes / 1024, 1)} KB, init ${round(ms, 1)} ms`);
      return { name, bytes, kb: round(bytes / 1024, 1), initMs: round(ms, 1) };
    };
    const ref = measure('reference (DynamoDB GetItem)', 'bench/apps/reference-handler.ts', 0);
    const reference = { ...ref, initRatio: 1 };
    const functions = platformFunctions().map((f, i) => {
      const m = measure(f.name, f.entry, i + 1);
      return { ...m, initRatio: round(m.initMs / ref.initMs) };
    });
    return { reference, functions };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

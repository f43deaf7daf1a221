import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VERDICT_CACHE_ENV } from '../lib/compliance/verdict-cache';
import { BUNDLE_CACHE_ENV } from '../lib/constructs/function-bundle';
import { configWithDepartments, defaultConfigPlusOne } from './generate-config';
import { median, round } from './stats';

const ROOT = path.join(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface SynthCase {
  readonly name: string;
  readonly app: string;
  /** A config file for `-c config=`. @default - the default config */
  readonly config?: string;
  readonly departments?: number;
  /**
   * `cold`: empty bundle and verdict caches, as a fresh clone or CI. `warm`: the caches as a
   * synth of `primedWith` (a config file, or the default config) left them.
   * @default 'cold'
   */
  readonly cache?: 'cold' | 'warm';
  readonly primedWith?: string;
  /** @default - the run count of the benchmark */
  readonly runs?: number;
}

export interface SynthResult {
  readonly name: string;
  readonly departments?: number;
  readonly cache: 'cold' | 'warm';
  readonly runsMs: number[];
  readonly medianMs: number;
  readonly peakMemoryMb: number;
  readonly ratio: number;
}

/** One synth in a fresh process, as `cdk synth` runs the app, with the caches in `cacheDir`: wall time and peak memory. */
function synthOnce(app: string, config: string | undefined, cacheDir: string): { ms: number; memoryKb: number } {
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const memoryFile = path.join(work, 'memory');
  const context = { ...JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')).context, ...(config ? { config } : {}) };
  const { CI: _ci, ...env } = process.env;
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [TSX, path.join(__dirname, 'apps', 'run-app.ts'), app], {
    cwd: ROOT,
    env: {
      ...env,
      CDK_OUTDIR: path.join(work, 'cdk.out'),
      CDK_CONTEXT_JSON: JSON.stringify(context),
      BENCH_MEMORY_FILE: memoryFile,
      [BUNDLE_CACHE_ENV]: path.join(cacheDir, 'bundles'),
      [VERDICT_CACHE_ENV]: path.join(cacheDir, 'verdicts'),
    },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`synth of ${app} (${config ?? 'default config'}) failed:\n${result.stderr}`);
  const memoryKb = Number(readFileSync(memoryFile, 'utf8'));
  rmSync(work, { recursive: true, force: true });
  return { ms, memoryKb };
}

/**
 * The synth cases: the bare app first (the 1.0×), then the default config and generated ones,
 * cold and warm: nothing changed, and one department added since the caches were filled.
 */
export function synthCases(scratch: string, quick: boolean): SynthCase[] {
  const platformApp = path.join(ROOT, 'bin', 'egov-platform.ts');
  const write = (name: string, text: string) => {
    const file = path.join(scratch, name);
    writeFileSync(file, text);
    return file;
  };
  const plusOne = write('default-plus-one.yaml', defaultConfigPlusOne());
  const eighty = write('departments-80.yaml', configWithDepartments(80));
  const eightyOne = write('departments-81.yaml', configWithDepartments(81));
  const twoHundred = write('departments-200.yaml', configWithDepartments(200));
  return [
    { name: 'bare CDK app', app: path.join(__dirname, 'apps', 'bare-app.ts') },
    { name: 'default config, cold', app: platformApp },
    { name: 'default config, warm (nothing changed)', app: platformApp, cache: 'warm' },
    { name: 'default config, warm (one department added)', app: platformApp, config: plusOne, cache: 'warm' },
    { name: '80 departments, cold', app: platformApp, config: eighty, departments: 80 },
    {
      name: '80 departments, warm (nothing changed)',
      app: platformApp,
      config: eighty,
      departments: 80,
      cache: 'warm',
      primedWith: eighty,
    },
    { name: '81 departments, warm (one added)', app: platformApp, config: eightyOne, departments: 81, cache: 'warm', primedWith: eighty },
    ...(quick ? [] : [{ name: '200 departments, cold', app: platformApp, config: twoHundred, departments: 200, runs: 1 } as SynthCase]),
  ];
}

/**
 * Runs every case `runs` times, interleaved so drift in machine load hits all cases alike,
 * and reports medians and ratios to the bare app. A warm case runs on a copy of caches primed
 * once, so every run finds them as the priming synth left them.
 */
export function benchSynth(cases: readonly SynthCase[], runs: number, log: (line: string) => void): SynthResult[] {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-caches-'));
  try {
    const primed = new Map<string, string>();
    const primedCache = (config: string | undefined, app: string) => {
      const key = config ?? 'default';
      if (!primed.has(key)) {
        const dir = path.join(scratch, `primed-${primed.size}`);
        synthOnce(app, config, dir);
        primed.set(key, dir);
      }
      return primed.get(key) as string;
    };
    const samples = cases.map(() => [] as { ms: number; memoryKb: number }[]);
    for (let run = 0; run < runs; run++) {
      cases.forEach((c, i) => {
        if (run >= (c.runs ?? runs)) return;
        const dir = path.join(scratch, `run-${run}-${i}`);
        if (c.cache === 'warm') cpSync(primedCache(c.primedWith, c.app), dir, { recursive: true });
        samples[i].push(synthOnce(c.app, c.config, dir));
        rmSync(dir, { recursive: true, force: true });
        log(`  synth ${c.name}: run ${run + 1}/${c.runs ?? runs} ${round(samples[i][run].ms, 0)} ms`);
      });
    }
    const baseline = median(samples[0].map((s) => s.ms));
    return cases.map((c, i) => {
      const ms = samples[i].map((s) => s.ms);
      return {
        name: c.name,
        departments: c.departments,
        cache: c.cache ?? 'cold',
        runsMs: ms.map((m) => round(m, 0)),
        medianMs: round(median(ms), 0),
        peakMemoryMb: round(Math.max(...samples[i].map((s) => s.memoryKb)) / 1024, 0),
        ratio: round(median(ms) / baseline),
      };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

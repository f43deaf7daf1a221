import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configWithDepartments } from './generate-config';
import { median, round } from './stats';

const ROOT = path.join(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface SynthCase {
  readonly name: string;
  readonly app: string;
  /** Extra context, like `config`. */
  readonly context?: Record<string, string>;
  readonly departments?: number;
}

export interface SynthResult {
  readonly name: string;
  readonly departments?: number;
  readonly runsMs: number[];
  readonly medianMs: number;
  readonly peakMemoryMb: number;
  readonly ratio: number;
}

/** One synth in a fresh process, as `cdk synth` runs the app: wall time and peak memory. */
function synthOnce(c: SynthCase): { ms: number; memoryKb: number } {
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const memoryFile = path.join(work, 'memory');
  const context = { ...JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')).context, ...c.context };
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [TSX, path.join(__dirname, 'apps', 'run-app.ts'), c.app], {
    cwd: ROOT,
    env: {
      ...process.env,
      CDK_OUTDIR: path.join(work, 'cdk.out'),
      CDK_CONTEXT_JSON: JSON.stringify(context),
      BENCH_MEMORY_FILE: memoryFile,
    },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`synth of ${c.name} failed:\n${result.stderr}`);
  const memoryKb = Number(readFileSync(memoryFile, 'utf8'));
  rmSync(work, { recursive: true, force: true });
  return { ms, memoryKb };
}

/** The synth cases: the bare app first (the 1.0×), then the default config and generated ones. */
export function synthCases(departmentCounts: readonly number[], scratch: string): SynthCase[] {
  const platformApp = path.join(ROOT, 'bin', 'egov-platform.ts');
  return [
    { name: 'bare CDK app', app: path.join(__dirname, 'apps', 'bare-app.ts') },
    { name: 'default config', app: platformApp },
    ...departmentCounts.map((n) => {
      const file = path.join(scratch, `departments-${n}.yaml`);
      writeFileSync(file, configWithDepartments(n));
      return { name: `${n} departments`, app: platformApp, context: { config: file }, departments: n };
    }),
  ];
}

/**
 * Runs every case `runs` times, interleaved so drift in machine load hits all cases alike,
 * and reports medians and ratios to the bare app.
 */
export function benchSynth(cases: readonly SynthCase[], runs: number, log: (line: string) => void): SynthResult[] {
  const samples = cases.map(() => [] as { ms: number; memoryKb: number }[]);
  for (let run = 0; run < runs; run++) {
    cases.forEach((c, i) => {
      samples[i].push(synthOnce(c));
      log(`  synth ${c.name}: run ${run + 1}/${runs} ${round(samples[i][run].ms, 0)} ms`);
    });
  }
  const baseline = median(samples[0].map((s) => s.ms));
  return cases.map((c, i) => {
    const ms = samples[i].map((s) => s.ms);
    return {
      name: c.name,
      departments: c.departments,
      runsMs: ms.map((m) => round(m, 0)),
      medianMs: round(median(ms), 0),
      peakMemoryMb: round(Math.max(...samples[i].map((s) => s.memoryKb)) / 1024, 0),
      ratio: round(median(ms) / baseline),
    };
  });
}

/** Extra synth time of one more department, as a share of the bare app: slope of a least-squares fit. */
export function marginalPerDepartment(results: readonly SynthResult[]): number {
  const points = results.filter((r) => r.departments !== undefined).map((r) => [r.departments as number, r.ratio] as const);
  if (points.length < 2) return Number.NaN;
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const slope = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return round(slope, 4);
}

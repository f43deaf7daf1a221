#!/usr/bin/env node
// `npm run bench`: synth scaling, Lambda bundle size and initialisation, local API latency.
// Every figure is a ratio against a baseline measured in the same run, as medians.
//   npm run bench -- --quick     fewer runs, for a rough look
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchBundles } from './bundles';
import { benchLatency } from './latency';
import { round, table } from './stats';
import { benchSynth, marginalPerDepartment, synthCases } from './synth';

const TARGETS = {
  defaultSynthRatio: 2.5,
  eightyDepartmentsRatio: 6,
  marginalPerDepartment: 0.05,
  bundleKb: 400,
  initRatio: 1.3,
  readP99Ms: 20,
};

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const log = (line: string) => console.error(line);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  try {
    console.error('Synth...');
    const synth = benchSynth(synthCases([10, 40, 80], scratch), quick ? 1 : 3, log);
    const marginal = marginalPerDepartment(synth);
    console.error('Bundles...');
    const bundles = benchBundles(quick ? 3 : 10, log);
    console.error('Latency...');
    const latency = await benchLatency(quick ? 2 : 5, log);

    const byName = (n: string) => synth.find((s) => s.name === n);
    const reads = latency.filter((l) => l.kind === 'read');
    const checks = {
      defaultSynthRatio: { value: byName('default config')?.ratio, target: TARGETS.defaultSynthRatio },
      eightyDepartmentsRatio: { value: byName('80 departments')?.ratio, target: TARGETS.eightyDepartmentsRatio },
      marginalPerDepartment: { value: marginal, target: TARGETS.marginalPerDepartment },
      largestBundleKb: { value: Math.max(...bundles.functions.map((f) => f.kb)), target: TARGETS.bundleKb },
      largestInitRatio: { value: Math.max(...bundles.functions.map((f) => f.initRatio)), target: TARGETS.initRatio },
      worstReadP99Ms: { value: Math.max(...reads.map((r) => r.p99Ms)), target: TARGETS.readP99Ms },
    };
    const report = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, quick },
      synth: { cases: synth, marginalPerDepartmentRatio: marginal },
      bundles,
      latency,
      targets: Object.fromEntries(Object.entries(checks).map(([k, c]) => [k, { ...c, met: c.value !== undefined && c.value <= c.target }])),
    };
    const out = path.join(__dirname, 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

    console.log(
      table(
        ['synth', 'median ms', 'ratio', 'peak MB'],
        synth.map((s) => [s.name, s.medianMs, `${s.ratio}x`, s.peakMemoryMb]),
      ),
    );
    console.log(`marginal cost of one department: ${marginal}x of the bare app\n`);
    console.log(
      table(
        ['function', 'KB', 'init ms', 'init ratio'],
        [bundles.reference, ...bundles.functions].map((b) => [b.name, b.kb, b.initMs, `${b.initRatio}x`]),
      ),
    );
    console.log('');
    console.log(
      table(
        ['route (50 connections)', 'p50 ms', 'p99 ms', 'req/s', 'non-2xx'],
        latency.map((l) => [l.name, l.p50Ms, l.p99Ms, l.requestsPerSecond, l.non2xx]),
      ),
    );
    console.log('');
    console.log(
      table(
        ['target', 'value', 'limit', 'met'],
        Object.entries(report.targets).map(([k, t]) => [
          k,
          String(t.value !== undefined ? round(t.value, 3) : 'n/a'),
          t.target,
          t.met ? 'yes' : 'NO',
        ]),
      ),
    );
    console.log(`\nwrote ${path.relative(process.cwd(), path.join(out, 'latest.json'))}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

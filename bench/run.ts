#!/usr/bin/env node
// `npm run bench`: synth cold and warm, Lambda bundle size and initialisation, local API latency,
// and the storage calls each request makes.
// Every figure is a ratio against a baseline measured in the same run, as medians.
//   npm run bench -- --quick     fewer runs, for a rough look
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchBundles } from './bundles';
import { benchLatency } from './latency';
import { round, table } from './stats';
import { benchStorageCalls } from './storage-calls';
import { benchSynth, synthCases } from './synth';

/** The targets of the platform's speed and memory, as ratios to the bare CDK app where they are synth times. */
const TARGETS = {
  defaultColdRatio: 4,
  defaultWarmAfterChangeRatio: 2,
  eightyColdRatio: 12,
  eightyWarmAfterAddingOneRatio: 4,
  oneMoreDepartmentWarmRatio: 0.03,
  twoHundredPeakMemoryMb: 1200,
  bundleKb: 400,
  initRatio: 1.3,
  readP99Ms: 50,
};

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const log = (line: string) => console.error(line);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  try {
    console.error('Synth...');
    const synth = benchSynth(synthCases(scratch, quick), quick ? 1 : 3, log);
    console.error('Bundles...');
    const bundles = benchBundles(quick ? 3 : 10, log);
    console.error('Latency...');
    const latency = await benchLatency(quick ? 2 : 5, log);
    console.error('Storage calls...');
    const storageCalls = await benchStorageCalls(log);

    const byName = (n: string) => synth.find((s) => s.name === n);
    const reads = latency.filter((l) => l.kind === 'read');
    const warmEighty = byName('80 departments, warm (nothing changed)');
    const warmEightyOne = byName('81 departments, warm (one added)');
    const oneMore = warmEighty && warmEightyOne ? round(warmEightyOne.ratio - warmEighty.ratio, 3) : undefined;
    const checks = {
      defaultColdRatio: { value: byName('default config, cold')?.ratio, target: TARGETS.defaultColdRatio },
      defaultWarmAfterChangeRatio: {
        value: byName('default config, warm (one department added)')?.ratio,
        target: TARGETS.defaultWarmAfterChangeRatio,
      },
      eightyColdRatio: { value: byName('80 departments, cold')?.ratio, target: TARGETS.eightyColdRatio },
      eightyWarmAfterAddingOneRatio: { value: warmEightyOne?.ratio, target: TARGETS.eightyWarmAfterAddingOneRatio },
      oneMoreDepartmentWarmRatio: { value: oneMore, target: TARGETS.oneMoreDepartmentWarmRatio },
      twoHundredPeakMemoryMb: { value: byName('200 departments, cold')?.peakMemoryMb, target: TARGETS.twoHundredPeakMemoryMb },
      largestBundleKb: { value: Math.max(...bundles.functions.map((f) => f.kb)), target: TARGETS.bundleKb },
      largestInitRatio: { value: Math.max(...bundles.functions.map((f) => f.initRatio)), target: TARGETS.initRatio },
      worstReadP99Ms: { value: Math.max(...reads.map((r) => r.p99Ms)), target: TARGETS.readP99Ms },
    };
    const report = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, quick },
      synth: { cases: synth, oneMoreDepartmentWarmRatio: oneMore },
      bundles,
      latency,
      storageCalls,
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
    console.log(`one more department, warm: ${oneMore ?? 'n/a'}x of the bare app\n`);
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
        ['route (one request)', 'status', 'DynamoDB', 'S3', 'depth', 'calls'],
        storageCalls.map((c) => [c.name, c.status, c.dynamodb, c.s3, c.sequentialDepth, c.commands.join(' ')]),
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

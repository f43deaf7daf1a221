// Runs cfn-guard over templates with as few processes as the machine's cores allow: the
// templates are split into one batch per core (balanced by size), each batch checked by one
// cfn-guard process against the rules of every resource type in the batch, which parses them
// once. A rule for a type a template lacks is not applicable to it, so the verdicts are those
// of checking each template against its own rules. Prints the failures compactly as JSON.
// Spawned by control-tower.ts; plain JavaScript so that it runs under plain Node.js.
//   node control-tower-runner.mjs <guard binary> < jobs JSON: [{ template, rules: [file] }]
// The jobs come on standard input: for a whole government they exceed the limit of one argument.
import { spawn } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

const [guard] = process.argv.slice(2);
/** A path as cfn-guard names its results: absolute, links resolved. */
const absolute = (file) => {
  try {
    return realpathSync(resolve(file));
  } catch {
    return resolve(file);
  }
};
const input = [];
for await (const chunk of process.stdin) input.push(chunk);
const jobs = JSON.parse(Buffer.concat(input).toString('utf8')).filter((job) => job.rules.length > 0);

/** Jobs split into `count` batches of about equal template bytes, largest first. */
function batches(count) {
  const out = Array.from({ length: count }, () => ({ bytes: 0, jobs: [] }));
  const sized = jobs.map((job) => ({ job, bytes: statSync(job.template).size })).sort((a, b) => b.bytes - a.bytes);
  for (const { job, bytes } of sized) {
    const lightest = out.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.bytes += bytes;
    lightest.jobs.push(job);
  }
  return out.filter((b) => b.jobs.length > 0).map((b) => b.jobs);
}

function run(batch) {
  return new Promise((resolve, reject) => {
    const rules = [...new Set(batch.flatMap((job) => job.rules))];
    const args = [
      'validate',
      ...rules.flatMap((r) => ['--rules', r]),
      // Absolute paths: cfn-guard names each result by its path, normalised.
      ...batch.flatMap((job) => ['--data', absolute(job.template)]),
      '--output-format',
      'json',
      '--show-summary',
      'none',
      '--structured',
    ];
    const child = spawn(guard, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      // cfn-guard exits 0 when compliant and 5 or 19 when a rule fails.
      if (code !== 0 && code !== 5 && code !== 19)
        return reject(new Error(`cfn-guard exited ${code} on ${batch.length} templates: ${Buffer.concat(err).toString()}`));
      resolve(JSON.parse(Buffer.concat(out).toString() || '[]'));
    });
  });
}

/** The control id and the resources a failed rule names, found anywhere in its check tree. */
function summarise(failure) {
  const text = JSON.stringify(failure);
  const control = /\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/.exec(text)?.[1] ?? failure?.Rule?.name ?? 'unknown';
  const message = /\[CT\.[A-Z0-9]+\.PR\.\d+\]:\s*([^\\\n]+)/.exec(text)?.[1]?.trim() ?? '';
  const fix = /\[FIX\]:\s*([^\\\n]+)/.exec(text)?.[1]?.trim() ?? '';
  const resources = [...new Set([...text.matchAll(/\/Resources\/([A-Za-z0-9]+)/g)].map((m) => m[1]))];
  return { control, rule: failure?.Rule?.name ?? 'unknown', message, fix, resources };
}

const results = [];
const checked = new Set();
const templateOf = new Map(jobs.map((job) => [absolute(job.template), job.template]));
const cores = Math.max(1, availableParallelism());
for (const guardResults of await Promise.all(batches(Math.min(cores, jobs.length)).map(run))) {
  for (const result of guardResults) {
    const template = templateOf.get(absolute(result.name)) ?? result.name;
    checked.add(template);
    for (const failure of result.not_compliant ?? []) results.push({ template, ...summarise(failure) });
  }
}
// A template cfn-guard did not report on was not checked: that must not pass as compliant.
const missing = jobs.filter((job) => !checked.has(job.template)).map((job) => job.template);
if (missing.length > 0) {
  process.stderr.write(`cfn-guard reported nothing for: ${missing.join(', ')}\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify(results));

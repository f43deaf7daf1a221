// Runs cfn-guard on templates in parallel, one process per template with only the rules that
// concern its resource types, and prints the failures compactly as JSON. Spawned by
// control-tower.ts; plain JavaScript so that it runs under plain Node.js.
//   node control-tower-runner.mjs <guard binary> < jobs JSON: [{ template, rules: [file] }]
// The jobs come on standard input: for a whole government they exceed the limit of one argument.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';

const [guard] = process.argv.slice(2);
const input = [];
for await (const chunk of process.stdin) input.push(chunk);
const jobs = JSON.parse(Buffer.concat(input).toString('utf8'));

function run(job) {
  return new Promise((resolve, reject) => {
    if (job.rules.length === 0) return resolve({ template: job.template, results: [] });
    const args = [
      'validate',
      ...job.rules.flatMap((r) => ['--rules', r]),
      '--data',
      job.template,
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
        return reject(new Error(`cfn-guard exited ${code} on ${job.template}: ${Buffer.concat(err).toString()}`));
      resolve({ template: job.template, results: JSON.parse(Buffer.concat(out).toString() || '[]') });
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

const queue = [...jobs];
const results = [];
async function worker() {
  for (let job = queue.shift(); job; job = queue.shift()) {
    const { template, results: guardResults } = await run(job);
    for (const result of guardResults) for (const failure of result.not_compliant ?? []) results.push({ template, ...summarise(failure) });
  }
}
await Promise.all(Array.from({ length: Math.max(1, cpus().length) }, worker));
process.stdout.write(JSON.stringify(results));

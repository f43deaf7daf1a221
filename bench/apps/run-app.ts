// Runs a CDK app the way the CLI does (outdir and context through the environment) and writes
// the process's peak memory to the file named by BENCH_MEMORY_FILE when it exits.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

process.on('exit', () => {
  if (process.env.BENCH_MEMORY_FILE) writeFileSync(process.env.BENCH_MEMORY_FILE, String(process.resourceUsage().maxRSS));
});
require(path.resolve(process.argv[2]));

import { SERVICES } from '../lambda/registry';
import { STORAGE_CALLS, type StorageCall } from '../lambda/shared/aws-clients';
import { loadConfig } from '../lib/config/load';
import { startLocalPlatform } from '../lib/local/server';
import { latencyCases } from './latency';

export interface StorageCallsResult {
  readonly name: string;
  readonly status: number;
  readonly dynamodb: number;
  readonly s3: number;
  /** Calls that wait on one another: the longest chain in which each starts after the one before ended. */
  readonly sequentialDepth: number;
  /** The commands, in the order they started. */
  readonly commands: readonly string[];
}

/** The longest chain of calls in which each began after the previous one ended. */
export function sequentialDepth(calls: readonly StorageCall[]): number {
  const sorted = [...calls].sort((a, b) => a.startedMs - b.startedMs);
  const depth: number[] = [];
  for (const [i, call] of sorted.entries()) {
    const before = sorted.slice(0, i).flatMap((earlier, j) => (earlier.endedMs <= call.startedMs ? [depth[j]] : []));
    depth.push(1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth);
}

/**
 * The storage calls one request of each benchmarked route makes, counted by middleware on the
 * SDK clients (lambda/shared/aws-clients.ts) while local mode answers in this process: a warm-up
 * request first, so only the request's own calls count.
 */
export async function benchStorageCalls(log: (line: string) => void): Promise<StorageCallsResult[]> {
  const platform = await startLocalPlatform({ config: loadConfig(), services: SERVICES, port: 0 });
  const holder = globalThis as { [STORAGE_CALLS]?: StorageCall[] };
  try {
    const results: StorageCallsResult[] = [];
    for (const c of latencyCases(platform).filter((c) => c.kind !== 'baseline')) {
      const send = () =>
        fetch(`${platform.url}${c.path}`, {
          method: c.method,
          headers: { 'content-type': 'application/json', ...c.headers },
          body: c.body,
        });
      await (await send()).arrayBuffer();
      const calls: StorageCall[] = [];
      holder[STORAGE_CALLS] = calls;
      const response = await send();
      await response.arrayBuffer();
      delete holder[STORAGE_CALLS];
      const result = {
        name: c.name,
        status: response.status,
        dynamodb: calls.filter((x) => x.service === 'dynamodb').length,
        s3: calls.filter((x) => x.service === 's3').length,
        sequentialDepth: sequentialDepth(calls),
        commands: [...calls].sort((a, b) => a.startedMs - b.startedMs).map((x) => x.command.replace(/Command$/, '')),
      };
      results.push(result);
      log(
        `  storage ${c.name}: ${result.dynamodb} DynamoDB, ${result.s3} S3, depth ${result.sequentialDepth} (${result.commands.join(', ')})`,
      );
    }
    return results;
  } finally {
    delete holder[STORAGE_CALLS];
    await platform.stop();
  }
}

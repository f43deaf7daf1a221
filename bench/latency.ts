import autocannon from 'autocannon';
import { SERVICES } from '../lambda/registry';
import { loadConfig } from '../lib/config/load';
import { type LocalPlatform, NOOP_PATH, startLocalPlatform } from '../lib/local/server';
import { round } from './stats';

export interface LatencyCase {
  readonly name: string;
  readonly kind: 'baseline' | 'read' | 'write';
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface LatencyResult {
  readonly name: string;
  readonly kind: LatencyCase['kind'];
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requestsPerSecond: number;
  readonly non2xx: number;
}

/** Representative read and write routes of every service, with valid requests. */
export function latencyCases(platform: LocalPlatform): LatencyCase[] {
  const officer = (code: string) => ({ authorization: `Bearer ${platform.tokens.officers[code]}`, 'x-api-key': platform.apiKeys[code] });
  return [
    { name: 'no-op (baseline)', kind: 'baseline', method: 'GET', path: NOOP_PATH },
    { name: 'platform: list services', kind: 'read', method: 'GET', path: '/platform/services' },
    { name: 'platform: department (officer)', kind: 'read', method: 'GET', path: '/platform/departments/TD', headers: officer('TD') },
  ];
}

function run(url: string, c: LatencyCase, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${c.path}`,
    method: c.method,
    headers: { 'content-type': 'application/json', ...c.headers },
    body: c.body,
    connections: 50,
    duration: seconds,
  });
}

/** p50/p99 and throughput of each case at 50 connections against local mode in memory. */
export async function benchLatency(seconds: number, log: (line: string) => void): Promise<LatencyResult[]> {
  const platform = await startLocalPlatform({ config: loadConfig(), services: SERVICES, port: 0 });
  try {
    const results: LatencyResult[] = [];
    for (const c of latencyCases(platform)) {
      await run(platform.url, c, 1); // warm-up
      const r = await run(platform.url, c, seconds);
      results.push({
        name: c.name,
        kind: c.kind,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        requestsPerSecond: round(r.requests.average, 0),
        non2xx: r.non2xx,
      });
      log(`  latency ${c.name}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${round(r.requests.average, 0)} req/s`);
    }
    return results;
  } finally {
    await platform.stop();
  }
}

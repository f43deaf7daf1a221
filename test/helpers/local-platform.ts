import { SERVICES } from '../../lambda/registry';
import { type LocalPlatform, startLocalPlatform } from '../../lib/local/server';
import { defaultConfig } from './platform';

/** Starts local mode on a free port, in memory, for one test file, with the given services enabled. */
export function useLocalPlatform(services: readonly string[] = ['platform']): { readonly current: LocalPlatform } {
  const holder = { current: undefined as unknown as LocalPlatform };
  beforeAll(async () => {
    const config = defaultConfig();
    const enabled = [...new Set([...config.services.enabled, ...services])];
    holder.current = await startLocalPlatform({
      config: { ...config, services: { ...config.services, enabled } },
      services: SERVICES,
      port: 0,
    });
  }, 30_000);
  afterAll(async () => {
    await holder.current?.stop();
  });
  return holder;
}

export interface CallOptions {
  readonly token?: string;
  readonly apiKey?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** One HTTP call to local mode; the body is parsed as JSON when it is JSON. */
export async function call(platform: LocalPlatform, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${platform.url}${path}`, { method, headers, body });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

import type * as z from 'zod';
import type { Caller } from './identity';
import type { RouteDefinition } from './route';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A request after the runtime has authenticated and validated it for one route. */
export interface RequestOf<R extends RouteDefinition> {
  readonly params: R['params'] extends z.ZodType ? z.output<R['params']> : Record<string, never>;
  readonly query: R['query'] extends z.ZodType ? z.output<R['query']> : Record<string, never>;
  readonly body: Parsed<R['body']>;
  /** Request headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly caller: Caller;
  readonly requestId: string;
  readonly sourceIp: string;
  /** The concrete path requested. */
  readonly path: string;
  /**
   * Public root of the service as the caller reached it (scheme, host, any stage or domain
   * mapping prefix, and the base path), like `https://api.example.gov.hk/notify`: for links.
   */
  readonly baseUrl: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Serialized as JSON unless `text` or `base64` is given. */
  readonly body?: unknown;
  /** A raw text body; set `content-type` in headers. */
  readonly text?: string;
  /** A raw binary body, base64-encoded; set `content-type` in headers. */
  readonly base64?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): HttpResponse {
  return { status, body, headers };
}

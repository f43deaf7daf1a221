import * as http from 'node:http';

/** A request exactly as it goes on the wire: any method, any bytes, a GET with a body. */
export interface WireRequest {
  readonly method: string;
  /** Path and query string, already percent-encoded. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  /** The body parsed as JSON, when it is JSON. */
  readonly json?: unknown;
}

/**
 * Sends requests that `fetch` refuses to make (a body on GET, a lone surrogate's bytes in the
 * path, no content type), over kept-alive connections so a few thousand of them stay fast.
 */
export class WireClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  constructor(private readonly baseUrl: string) {}

  send(request: WireRequest): Promise<WireResponse> {
    const url = new URL(this.baseUrl);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: request.method,
          path: request.target,
          headers: { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) },
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
          });
        },
      );
      req.on('error', reject);
      req.end(request.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalOpenIdProvider, type LocalOpenIdProvider, type LocalOpenIdProviderOptions } from '../../../lib/local/oidc/provider';

/** The provider mounted as local mode mounts it: a server whose handler routes `/identity/*` to its listener. */
export async function startProvider(
  options: Omit<LocalOpenIdProviderOptions, 'issuer'>,
): Promise<{ provider: LocalOpenIdProvider; server: Server; origin: string; close: () => Promise<void> }> {
  let provider: LocalOpenIdProvider | undefined;
  const server = createServer((req, res) => {
    if (provider && (req.url === '/identity' || req.url?.startsWith('/identity/'))) return provider.listener(req, res);
    res.statusCode = 404;
    res.end('not the provider');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = await createLocalOpenIdProvider({ ...options, issuer: `${origin}/identity` });
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { provider, server, origin, close };
}

/** A browser without JavaScript: follows nothing by itself, keeps cookies per path. */
export class Browser {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  private cookieHeader(url: URL): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attributes.some((a) => /^expires=thu, 01 jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    this.remember(response);
    return response;
  }

  /** Follows redirects until a page answers, or until a redirect leaves `origin` (the relying party's callback). */
  async follow(
    url: string | URL,
    origin: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<{ response: Response; url: URL }> {
    let current = new URL(url);
    let response = await this.request(current, init);
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops += 1) {
      const next = new URL(response.headers.get('location')!, current);
      await response.arrayBuffer();
      if (next.origin !== origin) return { response, url: next };
      current = next;
      response = await this.request(current);
    }
    return { response, url: current };
  }
}

/** The action of the page's form whose action ends with `suffix`. */
export function formAction(html: string, suffix: string, base: URL): URL {
  const actions = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) =>
    m[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))),
  );
  const action = actions.find((a) => a.endsWith(suffix));
  if (!action) throw new Error(`no form ending in ${suffix}`);
  return new URL(action, base);
}

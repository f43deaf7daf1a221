import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { exchangeService } from '../../lambda/exchange/routes';
import { useLocalSignInGrants } from '../../lambda/identity/compose';
import { DynamoPeople } from '../../lambda/identity/store/people';
import { platformService } from '../../lambda/platform/routes';
import { procurementService } from '../../lambda/procurement/routes';
import type { RegisteredService } from '../../lambda/registry';
import { ASSURANCE_LEVELS, type AssuranceLevel } from '../../lambda/shared/assurance';
import { HttpError } from '../../lambda/shared/errors';
import { type AuthMode, authScheme, matchPath, poolMode, type RouteDefinition, routeFunction } from '../../lambda/shared/route';
import type { SeedContext, SeedLocal } from '../../lambda/shared/seed';
import type { PlatformConfig } from '../config/schema';
import { PLATFORM_ENVIRONMENT } from '../contract/environment';
import { buildCatalogue } from '../departments/provisioning';
import { openApiDocument } from '../openapi/openapi';
import { EmbeddedStorage } from './embedded-storage';
import { proxyEvent } from './lambda-event';
import { methodsFor } from './oidc/assurance';
import { createLocalOpenIdProvider, type LocalOpenIdProvider } from './oidc/provider';
import { LOCAL_ISSUERS, LocalTokens, type Pool } from './tokens';

type LambdaHandler = (event: APIGatewayProxyEvent, context?: object) => Promise<APIGatewayProxyResult>;
type AuthorizerResult = { principalId: string; policyDocument?: { Statement: { Effect: string }[] }; context?: Record<string, unknown> };
type AuthorizerHandler = (event: object) => Promise<AuthorizerResult>;

const REPO_ROOT = path.join(__dirname, '..', '..');
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/**
 * The longest request line and headers read, together: far more than Node's default of 16 KiB,
 * so that any query string the services' documents allow, and one a little over what they allow
 * (package_search's 20 filters of 2,000 characters each, percent-encoded as up to 12 bytes a
 * character), reaches the service, which answers it or refuses it in its own words, instead of
 * Node's bare 431.
 */
const MAX_HEADER_BYTES = 1024 * 1024;

/** Answers 204 at once; the latency benchmark's baseline. */
export const NOOP_PATH = '/_local/noop';

export interface LocalPlatformOptions {
  readonly config: PlatformConfig;
  readonly services: Readonly<Record<string, RegisteredService>>;
  /** Port of the server holding every service under its base path. @default 3000; 0 picks a free port */
  readonly port?: number;
  /**
   * Ports at whose root each service is served on its own, as a host of its own serves it in AWS
   * (clients such as GOV.UK Notify's join their paths to the root), by service name.
   * @default - the ports after `port`, in the order the services are enabled; free ports when `port` is 0
   */
  readonly servicePorts?: Readonly<Record<string, number>>;
  /** Folder for persistent storage. @default - in memory */
  readonly dataDirectory?: string;
  /** Seed demo data. @default true */
  readonly seed?: boolean;
  /** Called with one line per request. @default - no request log */
  readonly log?: (line: string) => void;
}

export interface LocalPlatform {
  /** Every service under its base path, like `http://127.0.0.1:3000/notify`. */
  readonly url: string;
  /** Each service at the root of its own port, by service name. */
  readonly serviceUrls: Readonly<Record<string, string>>;
  readonly tokens: {
    /** A citizen signed in at `basic`. */
    readonly citizen: string;
    /** The demo citizen signed in at each assurance level. */
    readonly citizens: Readonly<Record<AssuranceLevel, string>>;
    readonly admin: string;
    readonly analyst: string;
    readonly officers: Readonly<Record<string, string>>;
  };
  /** API key of each department, for department-officer routes. */
  readonly apiKeys: Readonly<Record<string, string>>;
  /** What each service's seed printed: demo keys and how to use them. */
  readonly seedNotes: readonly string[];
  /** The credentials the seeds made (a Notify API key, a Pay API key), by name. */
  readonly credentials: Readonly<Record<string, string>>;
  readonly localTokens: LocalTokens;
  /** Issuer of the OpenID provider citizens sign in at, under `/identity`, when the identity service runs. */
  readonly openIdIssuer?: string;
  stop(): Promise<void>;
}

interface MountedService {
  readonly name: string;
  readonly registered: RegisteredService;
  readonly functions: Readonly<Record<string, LambdaHandler>>;
  readonly authorizers: Readonly<Record<string, AuthorizerHandler>>;
  readonly openApi: unknown;
}

/**
 * Every enabled service on one local HTTP server over embedded storage, running exactly the
 * handler code Lambda runs, with bearer tokens checked the way the API's authorizers check them.
 */
export async function startLocalPlatform(options: LocalPlatformOptions): Promise<LocalPlatform> {
  const { config } = options;
  // Storage in a process of its own: the handlers here and dynalite there each get a core.
  const storage = await EmbeddedStorage.start({ directory: options.dataDirectory, separateProcess: true });
  const tokens = new LocalTokens();
  const enabled = config.services.enabled.filter((name) => options.services[name]);

  // Each department's API key, and its id as API Gateway would pass it with a request.
  const apiKeys = Object.fromEntries(config.departments.map((d) => [d.code, `local-${d.code.toLowerCase()}-${randomUUID()}`]));
  const apiKeyIds = new Map(config.departments.map((d) => [apiKeys[d.code], `key-${d.code.toLowerCase()}`]));
  const env: Record<string, string> = {
    ...storage.clientEnvironment(),
    [PLATFORM_ENVIRONMENT.departmentApiKeys]: JSON.stringify(
      Object.fromEntries(config.departments.map((d) => [d.code, apiKeyIds.get(apiKeys[d.code])])),
    ),
    [PLATFORM_ENVIRONMENT.citizenTokenIssuer]: LOCAL_ISSUERS.citizen,
    [PLATFORM_ENVIRONMENT.staffTokenIssuer]: LOCAL_ISSUERS.staff,
    [PLATFORM_ENVIRONMENT.platformPrefix]: config.platform.prefix,
    [platformService.environment.catalogue]: JSON.stringify(buildCatalogue(config)),
    [procurementService.environment.settings]: JSON.stringify(config.procurement),
    [exchangeService.environment.settings]: JSON.stringify(config.exchange),
    [exchangeService.environment.departments]: JSON.stringify(
      Object.fromEntries(config.departments.map((d) => [d.code, d.classification])),
    ),
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  };
  const owners = new Map<string, string>();
  for (const name of enabled) {
    for (const [key, value] of Object.entries(await storage.provision(name, options.services[name].storage))) {
      if (owners.has(key)) throw new Error(`Services ${owners.get(key)} and ${name} both declare storage named by ${key}; rename one.`);
      owners.set(key, name);
      env[key] = value;
    }
  }
  const mounted: MountedService[] = [];
  let openId: LocalOpenIdProvider | undefined;
  const serve = (only?: MountedService) => {
    const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
      const started = Date.now();
      if (!only && openId && isOpenIdPath(req.url)) {
        res.on('finish', () => options.log?.(`${req.method} ${loggedTarget(req.url)} ${res.statusCode} ${Date.now() - started}ms`));
        openId.listener(req, res);
        return;
      }
      handle(req, only ? [only] : mounted, tokens, apiKeyIds, only !== undefined)
        .then((result) => {
          const headers = { ...result.headers } as Record<string, string>;
          res.writeHead(result.statusCode, headers);
          res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
          options.log?.(
            `${req.method} ${only ? `[${only.name}] ` : ''}${loggedTarget(req.url)} ${result.statusCode} ${Date.now() - started}ms`,
          );
        })
        .catch((err: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('local server error');
          options.log?.(`${req.method} ${loggedTarget(req.url)} 500 ${err.message}`);
        });
    });
    return server;
  };
  const listen = async (server: http.Server, port: number) => {
    server.listen(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const port = options.port ?? 3000;
  const servers: http.Server[] = [serve()];
  // The shared server listens first: the OpenID provider's issuer is its address.
  const url = await listen(servers[0], port);
  if (enabled.includes('identity')) {
    const people = new DynamoPeople();
    openId = await createLocalOpenIdProvider({
      issuer: `${url}${OPENID_PATH}`,
      clients: LOCAL_OPENID_CLIENTS,
      onSignIn: (subject, clientId) => void people.recordSignIn(subject, clientId, new Date().toISOString()).catch(() => undefined),
    });
    const provider = openId;
    useLocalSignInGrants({ revoke: async (subject, clientId) => void provider.revoke(subject, clientId) });
    const audiences = LOCAL_OPENID_CLIENTS.map((c) => c.clientId);
    tokens.useCitizenAuthority({
      issuer: provider.issuer,
      mint: (subject, assurance) =>
        provider.mintIdToken({
          subject,
          audience: LOCAL_OPENID_CLIENTS[0].clientId,
          acr: assurance,
          amr: methodsFor(assurance),
          claims: { email: 'citizen@example.hk' },
        }),
      verify: (token) => provider.verify(token, audiences),
    });
    env[PLATFORM_ENVIRONMENT.citizenTokenIssuer] = provider.issuer;
  }
  Object.assign(process.env, env);

  for (const name of enabled) mounted.push(await mount(name, options.services[name]));

  const seedNotes: string[] = [];
  const credentials: Record<string, string> = {};
  if (options.seed ?? true) {
    const context: SeedContext = {
      departments: config.departments.map((d) => d.code),
      staffToken: (subject, department, roles) => tokens.staff(subject, department, roles),
      citizenToken: (subject, assurance) => tokens.citizen(subject, assurance),
    };
    for (const name of enabled) {
      const seedFile = path.join(REPO_ROOT, 'lambda', name, 'seed.ts');
      if (!fs.existsSync(seedFile)) continue;
      const seed = (await import(seedFile)) as { seedLocal?: SeedLocal };
      const result = await seed.seedLocal?.(context);
      seedNotes.push(...(result?.notes ?? []));
      Object.assign(credentials, result?.credentials);
    }
  }

  const serviceUrls: Record<string, string> = {};
  for (const [i, service] of mounted.entries()) {
    const server = serve(service);
    servers.push(server);
    serviceUrls[service.name] = await listen(server, options.servicePorts?.[service.name] ?? (port === 0 ? 0 : port + 1 + i));
  }
  const officers: Record<string, string> = {};
  for (const d of config.departments) officers[d.code] = await tokens.officer(d.code);

  return {
    url,
    serviceUrls,
    tokens: {
      citizen: await tokens.citizen(),
      citizens: Object.fromEntries(
        await Promise.all(ASSURANCE_LEVELS.map(async (level) => [level, await tokens.citizen('citizen-demo', level)])),
      ) as Record<AssuranceLevel, string>,
      admin: await tokens.admin(),
      analyst: await tokens.analyst(),
      officers,
    },
    apiKeys,
    seedNotes,
    credentials,
    localTokens: tokens,
    openIdIssuer: openId?.issuer,
    async stop() {
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      await storage.stop();
    },
  };
}

async function mount(name: string, registered: RegisteredService): Promise<MountedService> {
  const functions: Record<string, LambdaHandler> = {};
  for (const [fn, entry] of Object.entries(registered.definition.functions)) {
    functions[fn] = ((await import(path.join(REPO_ROOT, entry))) as { handler: LambdaHandler }).handler;
  }
  const authorizers: Record<string, AuthorizerHandler> = {};
  for (const [scheme, def] of Object.entries(registered.definition.authorizers ?? {})) {
    authorizers[scheme] = ((await import(path.join(REPO_ROOT, def.entry))) as { handler: AuthorizerHandler }).handler;
  }
  return { name, registered, functions, authorizers, openApi: openApiDocument(registered.definition) };
}

/**
 * The request target as it is logged: the path, and the names of the query parameters with
 * their values left out (a search may carry an e-mail address), as the access log does in AWS.
 */
export function loggedTarget(target = '/'): string {
  const url = new URL(target, 'http://localhost');
  const names = [...url.searchParams.keys()];
  return names.length === 0 ? url.pathname : `${url.pathname}?${names.map((n) => `${encodeURIComponent(n)}=…`).join('&')}`;
}

/** The request body; one over the cap is read to its end and discarded, so the answer still reaches the caller. */
function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size <= MAX_REQUEST_BYTES) return resolve(Buffer.concat(chunks));
      reject(
        new HttpError(413, 'payload_too_large', `The request body is larger than ${MAX_REQUEST_BYTES} bytes.`, {
          limitBytes: MAX_REQUEST_BYTES,
        }),
      );
    });
    req.on('error', reject);
  });
}

function gatewayError(service: MountedService, error: HttpError): APIGatewayProxyResult {
  const requestId = randomUUID();
  return {
    statusCode: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, ...error.headers },
    body: JSON.stringify(service.registered.definition.formatError(error, requestId)),
  };
}

function poolFor(auth: AuthMode): Pool | undefined {
  const mode = poolMode(auth);
  if (mode === 'public' || mode === 'scheme') return undefined;
  return mode === 'citizen' ? 'citizen' : 'staff';
}

/** What API Gateway's authorizer would put in the request context, or the error it would answer with. */
async function authorizerContext(
  service: MountedService,
  route: RouteDefinition,
  event: APIGatewayProxyEvent,
  tokens: LocalTokens,
  apiKeys: ReadonlyMap<string, string>,
): Promise<Record<string, unknown> | HttpError | null> {
  const auth = route.auth;
  if (auth === 'public') return null;
  const scheme = authScheme(auth);
  if (scheme !== undefined) {
    const authorize = service.authorizers[scheme];
    try {
      const result = await authorize({
        type: 'REQUEST',
        methodArn: `local:${event.httpMethod}${event.resource}`,
        headers: event.headers,
        path: event.path,
        httpMethod: event.httpMethod,
        requestContext: event.requestContext,
      });
      if (result.policyDocument?.Statement.some((s) => s.Effect === 'Deny'))
        return new HttpError(403, 'forbidden', 'The credential does not allow this request.');
      return { principalId: result.principalId, ...result.context };
    } catch {
      return new HttpError(401, 'unauthorized', 'Send a valid credential for this service.');
    }
  }
  // API Gateway runs the Cognito authorizer before it checks the API key: no token is a 401 whatever the key.
  const header = event.headers.authorization ?? '';
  const token = /^Bearer (.+)$/i.exec(header)?.[1];
  const claims = token ? await tokens.verify(token, poolFor(auth) as Pool) : undefined;
  if (!claims) return new HttpError(401, 'unauthorized', 'Send a valid bearer token of the right user pool in the Authorization header.');
  if (auth === 'department-officer') {
    const keyId = apiKeys.get(event.headers['x-api-key'] ?? '');
    if (!keyId) return new HttpError(403, 'forbidden', "Send your department's API key for this service in the x-api-key header.");
    (event.requestContext.identity as { apiKeyId: string | null }).apiKeyId = keyId;
  }
  return { claims };
}

/**
 * Answers one request as API Gateway would: on the shared server the service is found by its base
 * path (a custom domain's base path mapping), on a service's own server its paths start at the root.
 */
async function handle(
  req: http.IncomingMessage,
  services: MountedService[],
  tokens: LocalTokens,
  apiKeys: ReadonlyMap<string, string>,
  atRoot: boolean,
): Promise<APIGatewayProxyResult> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // The baseline of the latency benchmark: the same server, doing nothing.
  if (url.pathname === NOOP_PATH) return { statusCode: 204, headers: {}, body: '' };
  const service = atRoot ? services[0] : services.find((s) => within(url.pathname, s.registered.definition.basePath));
  if (!service) {
    return {
      statusCode: 404,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'No service at this path', services: services.map((s) => s.registered.definition.basePath) }),
    };
  }
  const { basePath } = service.registered.definition;
  // The path within the service's API, as API Gateway's resources name it.
  const own = atRoot ? url.pathname : url.pathname.slice(basePath.length) || '/';
  if (req.method === 'GET' && own === '/openapi.json') {
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(service.openApi) };
  }
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (err) {
    if (err instanceof HttpError) return gatewayError(service, err);
    throw err;
  }
  const routes = Object.values(service.registered.definition.routes);
  // API Gateway routes a request to one resource, the most specific that matches (a literal segment
  // before a path parameter), whichever methods it has: GET /v2/notifications/email is not /{id}.
  const candidates = routes
    .map((route) => ({ route, params: matchPath(relativePath(route.path, basePath), own) }))
    .filter((m) => m.params !== undefined);
  const resource = candidates.map((m) => m.route.path).sort(bySpecificity)[0];
  const matches = candidates.filter((m) => m.route.path === resource);
  const exact = matches.find((m) => m.route.method === req.method);
  // Unmatched requests go to the service's function as API Gateway would route them nowhere:
  // the handler answers 404 or 405 in the service's own error shape.
  const chosen = exact ?? matches[0];
  const route = chosen?.route;
  const event = proxyEvent(
    req,
    url,
    body,
    {
      // A path no route declares reaches the function as API Gateway's catch-all would name it.
      resource: route ? relativePath(route.path, basePath) : '/{proxy+}',
      pathParameters: chosen?.params && Object.keys(chosen.params).length ? chosen.params : null,
    },
    null,
  );
  if (exact) {
    const authorizer = await authorizerContext(service, exact.route, event, tokens, apiKeys);
    if (authorizer instanceof HttpError) return gatewayError(service, authorizer);
    (event.requestContext as { authorizer: unknown }).authorizer = authorizer;
  }
  const fn = service.functions[route ? routeFunction(route) : 'api'] ?? Object.values(service.functions)[0];
  return fn(event, { awsRequestId: event.requestContext.requestId });
}

/** Orders route templates most specific first: at the first segment they differ, a literal beats a parameter. */
function bySpecificity(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const param = (segment: string) => /^\{\w+\}$/.test(segment);
    if (param(left[i]) !== param(right[i])) return param(left[i]) ? 1 : -1;
  }
  return 0;
}

/** Where the OpenID provider answers: under `/identity`, except the identity service's own API and document. */
const OPENID_PATH = '/identity';

function isOpenIdPath(target = '/'): boolean {
  const { pathname } = new URL(target, 'http://localhost');
  return within(pathname, OPENID_PATH) && !within(pathname, `${OPENID_PATH}/v1`) && pathname !== `${OPENID_PATH}/openapi.json`;
}

/**
 * The relying parties local mode's provider knows: a public client for demos and tests, signing
 * in with PKCE and redirected to a local address (a test reads the code from the redirect).
 */
export const LOCAL_OPENID_CLIENTS = [
  { clientId: 'egov-demo', redirectUris: ['http://127.0.0.1:8400/callback'], postLogoutRedirectUris: ['http://127.0.0.1:8400/'] },
];

const within = (pathname: string, basePath: string) => pathname === basePath || pathname.startsWith(`${basePath}/`);

/** A declared route path within its service's API: `/notify/v2/notifications` is `/v2/notifications`. */
export function relativePath(routePath: string, basePath: string): string {
  return routePath.slice(basePath.length) || '/';
}

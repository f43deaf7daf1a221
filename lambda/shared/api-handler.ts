import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod';
import { meetsAssurance } from './assurance';
import { type DepartmentKeyLookup, departmentKeyLookup } from './department-api-keys';
import {
  forbidden,
  HttpError,
  insufficientAssurance,
  methodNotAllowed,
  notFound,
  payloadTooLarge,
  unauthorized,
  unsupportedMediaType,
  validationFailed,
} from './errors';
import type { HttpResponse, RequestOf } from './http';
import { type Caller, callerFromContext, identityEnvironment, isPlatformAdmin, officerDepartment } from './identity';
import { logger, metrics } from './observability';
import {
  type AuthMode,
  authScheme,
  poolMode,
  type RequestProblem,
  type RouteDefinition,
  type Routes,
  requiredAssurance,
  routeFunction,
  type ServiceDefinition,
} from './route';

export type RouteHandler<R extends RouteDefinition> = (request: RequestOf<R>) => Promise<HttpResponse>;

/** The handlers of the routes one function serves. */
export type Handlers<R extends Routes> = { readonly [K in keyof R]?: RouteHandler<R[K]> };

export type ApiHandler = (event: APIGatewayProxyEvent, context?: Partial<Context>) => Promise<APIGatewayProxyResult>;

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** Deepest nesting of arrays and objects a JSON body may have: deeper input is refused before it is parsed. */
export const MAX_JSON_DEPTH = 32;
/** Longest error message, and longest string in its details, an answer carries: never more than an excerpt of input. */
const MAX_MESSAGE_CHARS = 500;
const MAX_DETAIL_CHARS = 300;

const BASE_HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/**
 * The Lambda entry of one function of a service: finds the route API Gateway matched, checks
 * the caller against the route's auth mode, validates path, query and body with the route's
 * schemas (unknown fields rejected, size capped), calls the handler, and shapes errors the way
 * the service's standard does. Local mode calls exactly this function.
 */
export function createApiHandler<R extends Routes>(service: ServiceDefinition<R>, handlers: Handlers<R>, functionName = 'api'): ApiHandler {
  const identityEnv = identityEnvironment();
  const departmentKeys = departmentKeyLookup();
  const table = Object.entries(service.routes)
    .filter(([, route]) => routeFunction(route) === functionName)
    .map(([id, route]) => {
      const handler = handlers[id as keyof R];
      if (!handler) throw new Error(`Function '${functionName}' of ${service.name} has no handler for route ${id}.`);
      return { id, route, handler: handler as RouteHandler<RouteDefinition> };
    });

  return async (event, context) => {
    const started = Date.now();
    const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? 'local';
    logger.appendKeys({ requestId });
    let status = 500;
    let routeLabel = 'unmatched';
    try {
      const resource = declaredPath(service, event.resource);
      const candidates = table.filter((r) => r.route.path === resource);
      const entry = candidates.find((r) => r.route.method === event.httpMethod);
      if (!entry) {
        throw candidates.length > 0
          ? methodNotAllowed(candidates.map((c) => c.route.method))
          : notFound(`No route ${event.httpMethod} ${event.path}.`);
      }
      routeLabel = `${entry.route.method} ${entry.route.path}`;
      const caller = callerFromContext(event.requestContext ?? {}, identityEnv);
      authorize(entry.route.auth, caller);
      if (entry.route.auth === 'department-officer' && departmentKeys) await checkDepartmentKey(caller, event, departmentKeys);
      const refusal = service.refuseCaller?.(caller);
      if (refusal) throw refusal;
      const request = parseRequest(service, entry, event, caller, requestId);
      const response = await entry.handler(request);
      status = response.status;
      return toResult(response, requestId);
    } catch (err) {
      const error = clamped(err instanceof HttpError ? err : internalError(err));
      status = error.status;
      return toResult({ status: error.status, body: service.formatError(error, requestId), headers: error.headers }, requestId);
    } finally {
      const durationMs = Date.now() - started;
      logger.info('request', { route: routeLabel, status, durationMs });
      metrics.addDimension('route', routeLabel);
      metrics.addMetric(status >= 500 ? 'ServerErrors' : status >= 400 ? 'ClientErrors' : 'Successes', 'Count', 1);
      metrics.addMetric('Latency', 'Milliseconds', durationMs);
      metrics.publishStoredMetrics();
      logger.removeKeys(['requestId']);
    }
  };
}

const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function clampDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return excerpt(value, MAX_DETAIL_CHARS);
  if (depth > 4 || value === null || typeof value !== 'object') return depth > 4 ? undefined : value;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => clampDetails(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clampDetails(v, depth + 1)]));
}

/** The error as answered: whatever a message or detail quotes of the input, only an excerpt. */
function clamped(error: HttpError): HttpError {
  const message = excerpt(error.message, MAX_MESSAGE_CHARS);
  if (message === error.message && JSON.stringify(error.details ?? null).length <= MAX_DETAIL_CHARS) return error;
  return new HttpError(error.status, error.code, message, clampDetails(error.details), error.headers);
}

/** How deep a JSON text nests arrays and objects, counted without parsing it; stops past `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      deepest = Math.max(deepest, depth);
      if (deepest > limit) return deepest;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

function internalError(err: unknown): HttpError {
  logger.error('unhandled error', err as Error);
  return new HttpError(500, 'internal_error', 'Something went wrong on our side; the request changed nothing. Try again later.');
}

/** Enforces the route's auth mode; API Gateway has already verified the credential itself. */
export function authorize(mode: AuthMode, caller: Caller): void {
  if (mode === 'public') return;
  const scheme = authScheme(mode);
  if (scheme !== undefined) {
    if (caller.kind === 'client' && caller.scheme === scheme) return;
    throw unauthorized();
  }
  if (caller.kind === 'anonymous') throw unauthorized();
  const level = requiredAssurance(mode);
  switch (poolMode(mode)) {
    case 'citizen':
      if (caller.kind !== 'citizen') throw forbidden('This route is for citizens signed in with their citizen account.');
      if (level && !meetsAssurance(caller.assurance, level)) throw insufficientAssurance(caller.assurance, level);
      return;
    case 'staff':
      if (caller.kind !== 'staff') throw forbidden('This route is for government staff.');
      return;
    case 'department-officer':
      if (!officerDepartment(caller) && !isPlatformAdmin(caller)) throw forbidden('This route is for department officers.');
      return;
    case 'platform-admin':
      if (!isPlatformAdmin(caller)) throw forbidden('This route is for platform administrators.');
      return;
  }
}

/**
 * A department route is metered by the department's own API key: API Gateway checks that the key
 * is one of a usage plan; this checks it is the caller's department's, so an officer cannot spend
 * another department's quota. Platform administrators act for no department and use any.
 */
async function checkDepartmentKey(caller: Caller, event: APIGatewayProxyEvent, keys: DepartmentKeyLookup): Promise<void> {
  const department = officerDepartment(caller);
  if (!department) return;
  const presented = event.requestContext?.identity?.apiKeyId;
  if (!presented || presented !== (await keys(department))) {
    throw forbidden(`Send the API key of ${department} in the x-api-key header: this one is not your department's.`);
  }
}

function lowerCaseHeaders(headers: APIGatewayProxyEvent['headers'] | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

/**
 * Adds a field as an own property, as JSON.parse does, so that a field named `__proto__` or
 * `constructor` is a field like any other (refused where unknown), not a member of
 * Object.prototype; a field given again becomes a list.
 */
function addField(out: Record<string, string | string[]>, key: string, value: string | string[], repeat = false): void {
  const seen = repeat && Object.hasOwn(out, key) ? out[key] : undefined;
  const next = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), ...(Array.isArray(value) ? value : [value])];
  Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
}

function queryObject(event: APIGatewayProxyEvent): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const multi = event.multiValueQueryStringParameters ?? {};
  for (const [k, v] of Object.entries(event.queryStringParameters ?? {})) {
    const all = Object.hasOwn(multi, k) ? multi[k] : undefined;
    addField(out, k, all && all.length > 1 ? all : (v ?? ''));
  }
  return out;
}

function fieldErrors(error: z.ZodError, where: string): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message:
      issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` : issue.message,
  }));
}

/** The service's own error for the problem when it words these itself, else the platform's. */
type ProblemReporter = (problem: Omit<RequestProblem, 'routeId' | 'baseUrl'>, fallback: () => HttpError) => HttpError;

function problemReporter(service: ServiceDefinition, routeId: string, requestBaseUrl?: string): ProblemReporter {
  return (problem, fallback) =>
    service.requestError?.({ routeId, ...problem, ...(requestBaseUrl ? { baseUrl: requestBaseUrl } : {}) }) ?? fallback();
}

function validate<S extends z.ZodType>(
  schema: S | undefined,
  value: unknown,
  where: 'path' | 'query' | 'body',
  report: ProblemReporter,
): unknown {
  if (!schema) return where === 'body' ? undefined : {};
  const result = schema.safeParse(value);
  if (!result.success) {
    throw report({ where, error: result.error, input: value }, () => {
      const errors = fieldErrors(result.error, where);
      return validationFailed(`The request ${where} is not valid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`, errors);
    });
  }
  return result.data;
}

/** JSON, or a JSON-based type with the `+json` suffix (RFC 6839), like FHIR's `application/fhir+json`. */
export const isJsonMediaType = (type: string) => type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);

const mediaType = (headers: Record<string, string>) => (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

/** An HTML form's fields; a field given more than once becomes a list, as in the query string. */
function formObject(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(text)) addField(out, k, v, true);
  return out;
}

function parseBody(route: RouteDefinition, event: APIGatewayProxyEvent, headers: Record<string, string>, report: ProblemReporter): unknown {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (bytes.length > limit) throw payloadTooLarge(limit);
  if (!route.body) {
    if (bytes.length > 0) throw validationFailed('This route takes no request body.', [{ field: 'body', message: 'remove the body' }]);
    return undefined;
  }
  if (route.bodyFormat === 'form') {
    // A form without fields posts an empty body; it is an empty form, not a missing one.
    if (bytes.length === 0) return {};
    if (mediaType(headers) !== 'application/x-www-form-urlencoded') throw unsupportedMediaType('application/x-www-form-urlencoded');
    return formObject(bytes.toString('utf8'));
  }
  if (bytes.length === 0) {
    throw report({ where: 'body', input: undefined, reason: 'missing' }, () =>
      validationFailed('The request body is missing: send a JSON object.', [{ field: 'body', message: 'required' }]),
    );
  }
  if (!isJsonMediaType(mediaType(headers))) throw unsupportedMediaType('application/json');
  const text = bytes.toString('utf8');
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw report({ where: 'body', input: undefined, reason: 'too-deep' }, () =>
      validationFailed(`The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`, [
        { field: 'body', message: `at most ${MAX_JSON_DEPTH} levels of nesting` },
      ]),
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw report({ where: 'body', input: text, reason: 'malformed' }, () =>
      validationFailed(`The request body is not valid JSON: ${(err as Error).message}.`, [{ field: 'body', message: 'malformed JSON' }]),
    );
  }
}

/**
 * The declared path of the resource API Gateway matched. A service's API is built relative to its
 * base path (so that a host of its own can map its root to it, as Notify's clients expect), and
 * so names `/v2/notifications`; tests and tools may give the declared `/notify/v2/notifications`.
 */
export function declaredPath(service: ServiceDefinition, resource: string): string {
  if (resource === service.basePath || resource.startsWith(`${service.basePath}/`)) return resource;
  return resource === '/' ? service.basePath : `${service.basePath}${resource}`;
}

/**
 * The service's public root as the caller reached it: scheme and host, and whatever came before
 * the service's own path (a stage, a custom domain's base path mapping, local mode's base path),
 * like `https://notify.example.gov.hk` or `https://api.example.gov.hk/notify`: for links.
 */
function baseUrl(event: APIGatewayProxyEvent, headers: Record<string, string>, basePath: string): string {
  const scheme = (headers['x-forwarded-proto'] ?? 'http').split(',')[0].trim();
  const host = headers.host ?? 'localhost';
  const requested = (event.requestContext?.path ?? event.path ?? '').split('/').filter(Boolean);
  const resource = event.resource ?? '';
  const declared = resource === basePath || resource.startsWith(`${basePath}/`);
  // The route's own segments end the requested path (a path parameter is one segment);
  // what comes before them is the prefix the caller's URL has over the API's root.
  const own = resource.split('/').filter(Boolean).length;
  const prefix = requested.slice(0, Math.max(0, requested.length - own));
  return `${scheme}://${host}${prefix.map((segment) => `/${segment}`).join('')}${declared ? basePath : ''}`;
}

function parseRequest(
  service: ServiceDefinition,
  entry: { readonly id: string; readonly route: RouteDefinition },
  event: APIGatewayProxyEvent,
  caller: Caller,
  requestId: string,
): RequestOf<RouteDefinition> {
  const { route } = entry;
  const headers = lowerCaseHeaders(event.headers);
  const requestBaseUrl = baseUrl(event, headers, service.basePath);
  const report = problemReporter(service, entry.id, requestBaseUrl);
  const body = parseBody(route, event, headers, report);
  return {
    params: validate(route.params, event.pathParameters ?? {}, 'path', report) as Record<string, never>,
    query: validate(route.query, queryObject(event), 'query', report) as Record<string, never>,
    body: validate(route.body, body, 'body', report) as undefined,
    headers,
    caller,
    requestId,
    sourceIp: event.requestContext?.identity?.sourceIp ?? '',
    path: event.path,
    baseUrl: requestBaseUrl,
  };
}

function toResult(response: HttpResponse, requestId: string): APIGatewayProxyResult {
  const headers: Record<string, string> = { ...BASE_HEADERS, 'x-request-id': requestId, ...response.headers };
  if (response.base64 !== undefined) return { statusCode: response.status, headers, body: response.base64, isBase64Encoded: true };
  if (response.text !== undefined) return { statusCode: response.status, headers, body: response.text };
  if (response.body === undefined) return { statusCode: response.status, headers, body: '' };
  return {
    statusCode: response.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(response.body),
  };
}

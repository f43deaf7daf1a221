import type * as z from 'zod';
import type { AssuranceLevel } from './assurance';
import type { HttpError } from './errors';
import type { Caller } from './identity';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route. The platform modes are checked by API Gateway's Cognito authorizers
 * (and by local mode the same way); `{ scheme }` names an authorizer the service supplies
 * for its standard's own credentials (GOV.UK Notify's JWT, GOV.UK Pay's API keys);
 * `{ citizen: level }` is a citizen signed in at that assurance level or higher (a lower one
 * is asked to step up, RFC 9470).
 */
export type AuthMode =
  | 'public'
  | 'citizen'
  | 'staff'
  | 'department-officer'
  | 'platform-admin'
  | { readonly scheme: string }
  | { readonly citizen: AssuranceLevel };

/** A route's auth mode as the platform's user pools see it; `scheme` for a service's own authorizer. */
export function poolMode(auth: AuthMode): Exclude<AuthMode, object> | 'scheme' {
  if (typeof auth === 'string') return auth;
  return 'scheme' in auth ? 'scheme' : 'citizen';
}

/** The scheme of a route's own authorizer, if it has one. */
export function authScheme(auth: AuthMode): string | undefined {
  return typeof auth === 'object' && 'scheme' in auth ? auth.scheme : undefined;
}

/** The assurance level a route requires of its citizen, if any. */
export function requiredAssurance(auth: AuthMode): AssuranceLevel | undefined {
  return typeof auth === 'object' && 'citizen' in auth ? auth.citizen : undefined;
}

/** One route of a service, as data: the CDK API, local mode and OpenAPI all read it. */
export interface RouteDefinition {
  readonly method: HttpMethod;
  /** Full path template including the service's base path, like `/platform/departments/{code}`. */
  readonly path: string;
  readonly auth: AuthMode;
  readonly summary: string;
  readonly description?: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /**
   * How the body is sent: a JSON document, or an HTML form (`application/x-www-form-urlencoded`,
   * read into an object of strings, a repeated field into a list).
   * @default 'json'
   */
  readonly bodyFormat?: 'json' | 'form';
  /** Schema of the success response body, for the OpenAPI document. */
  readonly response?: z.ZodType;
  /** @default 200 */
  readonly successStatus?: number;
  /**
   * Body size cap in bytes.
   * @default 65536
   */
  readonly maxBodyBytes?: number;
  /** Request headers the route reads, like `idempotency-key` or `if-match`, for OpenAPI. */
  readonly headers?: readonly string[];
  /** What the route accepts in the headers it reads, by name, for OpenAPI. @default - any string */
  readonly headerSchemas?: Readonly<Record<string, z.ZodType>>;
  /** Of `headers`, those the route refuses to act without (If-Match: 428), for OpenAPI. @default - none */
  readonly requiredHeaders?: readonly string[];
  /**
   * Statuses the route answers beyond success and those the runtime gives every route (400; 401
   * and 403 unless public; 404; 413; 415 with a body; 429; those the service's `requestError`
   * answers), each with what it means, for OpenAPI: another 2xx carries the success body, a 4xx
   * the service's error body.
   * @default - none
   */
  readonly responses?: Readonly<Record<number, string>>;
  /**
   * Media type of the success body, or each it can take (the first is the default; `response`
   * describes the JSON ones, any other is text).
   * @default 'application/json'
   */
  readonly responseType?: string | readonly string[];
  /** Headers the success response carries, by name, for OpenAPI, like the `etag` a later If-Match names. @default - none */
  readonly responseHeaders?: Readonly<Record<string, z.ZodType>>;
  /**
   * Routes of the service a success answer leads to, for OpenAPI links (a client or test tool
   * follows them): by link name, the route's id and where each of its parameters comes from, as
   * runtime expressions like `$response.body#/id` or `$response.header.etag`, a header's name
   * written `header.if-match`.
   * @default - none
   */
  readonly links?: Readonly<Record<string, RouteLink>>;
  /**
   * Name of the function serving the route. Routes share the service's one function unless
   * their permissions or scaling differ.
   * @default 'api'
   */
  readonly function?: string;
}

/** Where a success answer of one route leads: another route, with the values it takes from the answer. */
export interface RouteLink {
  /** Id of the route, a key of the service's `routes`. */
  readonly route: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly description?: string;
}

export type Routes = Readonly<Record<string, RouteDefinition>>;

/** Shapes the body of an error response the way the service's standard does. */
export type ErrorFormatter = (error: HttpError, requestId: string) => unknown;

/**
 * A request the route's schemas refuse, or whose body cannot be read (`error` undefined: missing,
 * malformed JSON or form), for services whose standard words these errors itself.
 */
export interface RequestProblem {
  readonly routeId: string;
  readonly where: 'path' | 'query' | 'body';
  readonly error?: z.ZodError;
  /**
   * Why a body could not be read, when `error` is undefined.
   * @default - 'malformed' for a body given, 'missing' for none
   */
  readonly reason?: 'missing' | 'malformed' | 'too-deep';
  /** The value as received. */
  readonly input: unknown;
  /**
   * The address the request was sent to, as the handlers' `request.baseUrl` gives it, for a
   * standard whose errors link to the site (CKAN's `help`).
   * @default - not known (the request is refused before it is read)
   */
  readonly baseUrl?: string;
}

/** Runs a service's function on a schedule (EventBridge in AWS). */
export interface ScheduleDefinition {
  /** The function to invoke, one of the service's `functions`. */
  readonly function: string;
  /** An EventBridge schedule expression, like `rate(1 minute)` or `cron(30 16 * * ? *)` (UTC). */
  readonly expression: string;
  readonly description: string;
  /** The event the function receives. @default - EventBridge's scheduled event */
  readonly input?: Readonly<Record<string, unknown>>;
}

/** A Lambda authorizer the service supplies for its own credentials. */
export interface AuthorizerDefinition {
  /** Handler file, relative to the repository root. */
  readonly entry: string;
  /** Request header carrying the credential, like `authorization`. */
  readonly header: string;
}

/** How one of a service's functions runs, where it differs from the defaults. */
export interface FunctionSettings {
  /** Memory in MB (CPU grows with it). @default 512 */
  readonly memorySize?: number;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** Concurrent executions reserved for, and capped at, the function. @default 25 */
  readonly reservedConcurrency?: number;
  /**
   * What the function may do with the service's tables and buckets: `none` for a function whose
   * few item actions are granted where it is wired (the CERT's finding filer).
   * @default 'read-write'
   */
  readonly storageAccess?: 'read-write' | 'read' | 'none';
}

/** Names of environment variables, by what they mean. */
export type EnvironmentNames = Readonly<Record<string, string>>;

export interface ServiceDefinition<R extends Routes = Routes, E extends EnvironmentNames = EnvironmentNames> {
  /** Name in the config and the SSM paths, like `platform`. */
  readonly name: string;
  readonly title: string;
  readonly version: string;
  /** Path prefix of every route, like `/platform`. */
  readonly basePath: string;
  readonly routes: R;
  readonly formatError: ErrorFormatter;
  /**
   * Schema of the body `formatError` writes, for OpenAPI.
   * @default - the platform's error body for services answering in it, otherwise undeclared
   */
  readonly errorBody?: z.ZodType;
  /**
   * The service's own error for a request its route schemas refuse, where its standard words
   * these errors (GOV.UK Pay's P0102, Notify's ValidationError).
   * @default - 400 validation_failed with the field errors
   */
  readonly requestError?: (problem: RequestProblem) => HttpError | undefined;
  /**
   * Refuses a caller whose credential the service's authorizer let through marked as refused
   * (Notify's authorizer does, to answer a bad token in Notify's words). Asked before the
   * request is read, so a bad credential is answered as such whatever else is wrong with it.
   * @default - every caller the route's auth mode admits is served
   */
  readonly refuseCaller?: (caller: Caller) => HttpError | undefined;
  /** Authorizers for `{ scheme }` auth modes, by scheme. @default - none */
  readonly authorizers?: Readonly<Record<string, AuthorizerDefinition>>;
  /** Handler file of each function, relative to the repository root. */
  readonly functions: Readonly<Record<string, string>>;
  /** Settings of the functions that differ from the defaults, by function name. @default - the defaults of FunctionSettings */
  readonly functionSettings?: Readonly<Record<string, FunctionSettings>>;
  /** Functions run on a schedule rather than (or as well as) by routes, by name. @default - none */
  readonly schedules?: Readonly<Record<string, ScheduleDefinition>>;
  /**
   * The environment variables the service's functions read beyond the platform's (which
   * `lib/contract` names), by what they mean: its stack writes them, its `compose.ts` reads them.
   * @default - none
   */
  readonly environment?: E;
}

/** Declares a service; checks the declaration is coherent so mistakes fail at load. */
export function defineService<R extends Routes, E extends EnvironmentNames = Record<never, string>>(
  service: ServiceDefinition<R, E>,
): ServiceDefinition<R, E> & { readonly environment: E } {
  const seen = new Set<string>();
  for (const [id, route] of Object.entries(service.routes)) {
    if (!route.path.startsWith(`${service.basePath}/`) && route.path !== service.basePath) {
      throw new Error(`Route ${id} (${route.path}) is outside the service's base path ${service.basePath}.`);
    }
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`Route ${id} repeats ${key}.`);
    seen.add(key);
    const fn = route.function ?? 'api';
    if (!service.functions[fn]) throw new Error(`Route ${id} names function '${fn}', which the service does not declare.`);
    const scheme = authScheme(route.auth);
    if (scheme !== undefined && !service.authorizers?.[scheme]) {
      throw new Error(`Route ${id} uses auth scheme '${scheme}', which has no authorizer.`);
    }
    for (const [name, link] of Object.entries(route.links ?? {})) {
      if (!service.routes[link.route])
        throw new Error(`Route ${id}: link ${name} names route '${link.route}', which the service does not declare.`);
    }
    const templateParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const declared = Object.keys(route.params?.shape ?? {}).sort();
    if (templateParams.join() !== declared.join()) {
      throw new Error(`Route ${id}: path parameters {${templateParams.join(', ')}} and params schema (${declared.join(', ')}) differ.`);
    }
  }
  for (const [id, schedule] of Object.entries(service.schedules ?? {})) {
    if (!service.functions[schedule.function]) {
      throw new Error(`Schedule ${id} names function '${schedule.function}', which the service does not declare.`);
    }
  }
  const names = Object.values(service.environment ?? {});
  for (const name of names) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name))
      throw new Error(`Environment name ${name} of ${service.name}: use upper case letters, digits and _.`);
  }
  if (new Set(names).size !== names.length) throw new Error(`${service.name} names one environment variable twice.`);
  for (const [fn, settings] of Object.entries(service.functionSettings ?? {})) {
    if (!service.functions[fn]) throw new Error(`functionSettings names function '${fn}', which the service does not declare.`);
    const { memorySize: mb, timeoutSeconds: seconds, reservedConcurrency: reserved } = settings;
    if (mb !== undefined && (!Number.isInteger(mb) || mb < 128 || mb > 10240))
      throw new Error(`memorySize of '${fn}' is ${mb} MB: give a whole number from 128 to 10240.`);
    if (seconds !== undefined && (!Number.isInteger(seconds) || seconds < 1 || seconds > 900))
      throw new Error(`timeoutSeconds of '${fn}' is ${seconds}: give a whole number of seconds from 1 to 900.`);
    if (reserved !== undefined && (!Number.isInteger(reserved) || reserved < 1))
      throw new Error(`reservedConcurrency of '${fn}' is ${reserved}: give a whole number of at least 1.`);
  }
  return { ...service, environment: service.environment ?? ({} as E) };
}

export function routeFunction(route: RouteDefinition): string {
  return route.function ?? 'api';
}

/** Matches a concrete path against a route template; returns the path parameters or undefined. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      names.push(param[1]);
      return '([^/]+)';
    })
    .join('/');
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return undefined;
  try {
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
  } catch {
    return undefined;
  }
}

/**
 * A function of a service's code that runs as a trigger of a resource in another stack (a user
 * pool's), declared in the service's `triggers.ts`: CDK bundles it and builds it where the
 * resource is.
 */
export interface TriggerDeclaration {
  readonly entry: string;
  readonly description: string;
  /** Names of the environment variables its stack sets, by what they hold. */
  readonly environment: Readonly<Record<string, string>>;
}

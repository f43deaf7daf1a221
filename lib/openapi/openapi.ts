import * as z from 'zod';
import { platformErrorFormat } from '../../lambda/shared/error-format';
import {
  type AuthMode,
  authScheme,
  type RequestProblem,
  type RouteDefinition,
  requiredAssurance,
  type ServiceDefinition,
} from '../../lambda/shared/route';

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(type, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return schema;
}

/** The platform's error body, as `platformErrorFormat` writes it. */
export const platformErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string().describe('Stable machine-readable name of the error, like validation_failed'),
    message: z.string().describe('What went wrong and how to fix it'),
    details: z.unknown().describe('Field errors or limits, or null'),
    requestId: z.string().describe('The request id, also in the x-request-id header'),
  }),
});

/** The body of the service's error answers, where it is known. */
function errorBodyOf(service: ServiceDefinition): z.ZodType | undefined {
  return service.errorBody ?? (service.formatError === platformErrorFormat ? platformErrorBody : undefined);
}

/**
 * Roles the platform's tokens carry: OpenAPI 3.1 lets a requirement of any scheme name the roles
 * it needs, so a client (and a test tool) sees which credential each operation takes.
 */
const ROLES = {
  departmentOfficer: 'department-officer',
  platformAdmin: 'platform-admin',
} as const;

const SECURITY_SCHEMES: Record<string, JsonSchema> = {
  citizenToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'ID token of the citizen user pool' },
  staffToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: `ID token of the government staff user pool. Roles an operation may name: ${ROLES.departmentOfficer} (an officer of a department, or a platform administrator), ${ROLES.platformAdmin} (a member of the platform administrators' group).`,
  },
  departmentApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: "The department's API key for this service" },
};

function security(auth: AuthMode): Record<string, string[]>[] {
  if (auth === 'public') return [];
  const scheme = authScheme(auth);
  if (scheme !== undefined) return [{ [scheme]: [] }];
  const level = requiredAssurance(auth);
  if (level) return [{ citizenToken: [`acr:${level}`] }];
  if (auth === 'citizen') return [{ citizenToken: [] }];
  if (auth === 'department-officer') return [{ staffToken: [ROLES.departmentOfficer], departmentApiKey: [] }];
  if (auth === 'platform-admin') return [{ staffToken: [ROLES.platformAdmin] }];
  return [{ staffToken: [] }];
}

function parameters(route: RouteDefinition): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, shape] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!shape) continue;
    const schema = schemaOf(shape, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const { description, ...rest } = property;
      out.push({
        name,
        in: where,
        required: where === 'path' || (schema.required ?? []).includes(name),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  }
  for (const header of route.headers ?? []) {
    const declared = route.headerSchemas?.[header];
    out.push({
      name: header,
      in: 'header',
      required: route.requiredHeaders?.includes(header) ?? false,
      schema: declared ? schemaOf(declared, 'input') : { type: 'string' },
    });
  }
  return out;
}

const BODY_MEDIA_TYPES = { json: 'application/json', form: 'application/x-www-form-urlencoded' } as const;

/** What the runtime answers for any route (a body over the cap is refused before the route is read). */
const ERROR_STATUSES: Record<string, string> = {
  '400': 'The request is not valid; the body says what to change',
  '401': 'No valid credential',
  '403': 'The caller may not do this',
  '404': 'Not found',
  '413': 'The body is larger than the route accepts',
  '429': 'Too many requests',
};

const REFUSED_REQUEST = 'The request is not valid, in the words of the standard the service follows; the body says what to change';

const BODY_ERROR_STATUSES: Record<string, string> = {
  '415': 'The body is not of the media type the route reads',
};

/** Every answer carries its request id, the function's and API Gateway's alike. */
const REQUEST_ID_HEADER = { 'x-request-id': { $ref: '#/components/headers/RequestId' } };
const REQUEST_ID_COMPONENT = {
  description: 'Id of the request, as logged; quote it when reporting a problem',
  required: true,
  schema: { type: 'string', minLength: 1 },
};

const isJson = (mediaType: string) => mediaType === 'application/json' || /^application\/[^;]+\+json$/.test(mediaType);

/** The success body in each media type the route answers in; none for a route that sends no body. */
function successContent(route: RouteDefinition, status: number): JsonSchema | undefined {
  if (status === 204 || (status >= 300 && status < 400)) return undefined;
  if (!route.response && route.responseType === undefined) return undefined;
  const json = route.response ? schemaOf(route.response, 'output') : {};
  const types = typeof route.responseType === 'string' ? [route.responseType] : (route.responseType ?? ['application/json']);
  return Object.fromEntries(types.map((type) => [type, { schema: isJson(type) ? json : { type: 'string' } }]));
}

function successHeaders(route: RouteDefinition): JsonSchema {
  const headers: JsonSchema = { ...REQUEST_ID_HEADER };
  for (const [name, schema] of Object.entries(route.responseHeaders ?? {})) {
    headers[name] = { required: true, schema: schemaOf(schema, 'output') };
  }
  return headers;
}

/** Inputs each of a schema's kinds of refusal meets: not an object, nothing, an unknown field, a wrong value for each field. */
function refusedInputs(schema: z.ZodType): unknown[] {
  const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const wrong = [{ wrong: [null] }, ['a', 'b'], '', '\u0000'];
  return [null, [], {}, { 'x-unknown-field': '1' }, ...shape.flatMap((field) => wrong.map((value) => ({ [field]: value })))];
}

/**
 * The statuses a service that words its standard's request errors itself (`requestError`) gives
 * for what the runtime refuses on a route: its schemas' refusals in path, query and body, and a
 * body missing, malformed or nested too deep. The runtime's own answer to each is 400.
 */
function requestErrorStatuses(service: ServiceDefinition, routeId: string, route: RouteDefinition): Set<number> {
  const statuses = new Set<number>();
  if (!service.requestError) return statuses;
  const answer = (problem: Omit<RequestProblem, 'routeId'>) => statuses.add(service.requestError?.({ routeId, ...problem })?.status ?? 400);
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
    ['body', route.body],
  ] as const) {
    if (!schema) continue;
    for (const input of refusedInputs(schema)) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) answer({ where, error: parsed.error, input });
    }
  }
  if (route.body) {
    if (route.bodyFormat !== 'form') answer({ where: 'body', input: undefined, reason: 'missing' });
    answer({ where: 'body', input: '{"unterminated', reason: 'malformed' });
    answer({ where: 'body', input: undefined, reason: 'too-deep' });
  }
  return statuses;
}

function responses(route: RouteDefinition, hasErrorBody: boolean, refusals: ReadonlySet<number>): Record<string, JsonSchema> {
  const errorResponse = (description: string): JsonSchema => ({
    description,
    headers: REQUEST_ID_HEADER,
    ...(hasErrorBody ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } : {}),
  });
  const links = Object.fromEntries(
    Object.entries(route.links ?? {}).map(([name, link]) => [
      name,
      { operationId: link.route, parameters: link.parameters, ...(link.description ? { description: link.description } : {}) },
    ]),
  );
  const successResponse = (status: number, description: string): JsonSchema => {
    const content = successContent(route, status);
    return {
      description,
      headers: successHeaders(route),
      ...(content ? { content } : {}),
      ...(Object.keys(links).length > 0 ? { links } : {}),
    };
  };
  const success = route.successStatus ?? 200;
  const out: Record<string, JsonSchema> = { [String(success)]: successResponse(success, 'Success') };
  for (const [status, description] of Object.entries(ERROR_STATUSES)) {
    if ((status === '401' || status === '403') && route.auth === 'public') continue;
    out[status] = errorResponse(description);
  }
  if (route.body) for (const [status, description] of Object.entries(BODY_ERROR_STATUSES)) out[status] = errorResponse(description);
  for (const status of refusals) out[String(status)] ??= errorResponse(REFUSED_REQUEST);
  for (const [key, description] of Object.entries(route.responses ?? {})) {
    const status = Number(key);
    out[key] =
      status >= 400
        ? errorResponse(description)
        : status < 300
          ? successResponse(status, description)
          : { description, headers: REQUEST_ID_HEADER };
  }
  return out;
}

/**
 * An OpenAPI 3.1 document of one service, generated from its route declarations: every status
 * the runtime itself answers (405, for a method a path lacks, is not an operation's), the
 * service's error body where it is known, and the roles each operation's credential needs.
 */
export function openApiDocument(service: ServiceDefinition, serverUrl = '/'): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const schemes = new Set<string>();
  const errorBody = errorBodyOf(service);
  for (const [operationId, route] of Object.entries(service.routes)) {
    const sec = security(route.auth);
    for (const requirement of sec) for (const name of Object.keys(requirement)) schemes.add(name);
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = {
      operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      parameters: parameters(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { [BODY_MEDIA_TYPES[route.bodyFormat ?? 'json']]: { schema: schemaOf(route.body, 'input') } },
            },
          }
        : {}),
      responses: responses(route, errorBody !== undefined, requestErrorStatuses(service, operationId, route)),
      security: sec,
    };
  }
  const securitySchemes: Record<string, JsonSchema> = {};
  for (const name of schemes) {
    securitySchemes[name] = SECURITY_SCHEMES[name] ?? {
      type: 'apiKey',
      in: 'header',
      name: service.authorizers?.[name]?.header ?? 'authorization',
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: service.title, version: service.version },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes,
      headers: { RequestId: REQUEST_ID_COMPONENT },
      ...(errorBody ? { schemas: { Error: schemaOf(errorBody, 'output') } } : {}),
    },
  };
}

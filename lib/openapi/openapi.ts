import * as z from 'zod';
import type { AuthMode, RouteDefinition, ServiceDefinition } from '../../lambda/shared/route';

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(type, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return schema;
}

const SECURITY_SCHEMES: Record<string, JsonSchema> = {
  citizenToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'ID token of the citizen user pool' },
  staffToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'ID token of the government staff user pool' },
  departmentApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: "The department's API key for this service" },
};

function security(auth: AuthMode): Record<string, string[]>[] | undefined {
  if (auth === 'public') return [];
  if (typeof auth === 'object') return [{ [auth.scheme]: [] }];
  if (auth === 'citizen') return [{ citizenToken: [] }];
  if (auth === 'department-officer') return [{ staffToken: [], departmentApiKey: [] }];
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
    out.push({ name: header, in: 'header', required: false, schema: declared ? schemaOf(declared, 'input') : { type: 'string' } });
  }
  return out;
}

const BODY_MEDIA_TYPES = { json: 'application/json', form: 'application/x-www-form-urlencoded' } as const;

const ERROR_STATUSES: Record<string, string> = {
  '400': 'The request is not valid; the body says what to change',
  '401': 'No valid credential',
  '403': 'The caller may not do this',
  '404': 'Not found',
  '429': 'Too many requests',
};

const BODY_ERROR_STATUSES: Record<string, JsonSchema> = {
  '413': { description: 'The body is larger than the route accepts' },
  '415': { description: 'The body is not of the media type the route reads' },
};

/** An OpenAPI 3.1 document of one service, generated from its route declarations. */
export function openApiDocument(service: ServiceDefinition, serverUrl = '/'): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const schemes = new Set<string>();
  for (const [operationId, route] of Object.entries(service.routes)) {
    const sec = security(route.auth);
    for (const requirement of sec ?? []) for (const name of Object.keys(requirement)) schemes.add(name);
    const responses: Record<string, JsonSchema> = {
      [String(route.successStatus ?? 200)]: {
        description: 'Success',
        ...(route.response
          ? { content: { [route.responseType ?? 'application/json']: { schema: schemaOf(route.response, 'output') } } }
          : {}),
      },
    };
    for (const [status, description] of Object.entries(ERROR_STATUSES)) {
      if ((status === '401' || status === '403') && route.auth === 'public') continue;
      responses[status] = { description };
    }
    if (route.body) Object.assign(responses, BODY_ERROR_STATUSES);
    for (const [status, description] of Object.entries(route.responses ?? {})) responses[status] = { description };
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
      responses,
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
    components: { securitySchemes },
  };
}

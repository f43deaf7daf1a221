import * as z from 'zod';
import { defineService } from '../shared/route';
import {
  bundleSchema,
  capabilityStatementSchema,
  instanceParams,
  resourceSchema,
  searchQuery,
  storedResourceSchema,
  typeParams,
  versionParams,
} from './domain/schemas';
import { formatError, operationOutcomeSchema } from './errors';

const FHIR_JSON = 'application/fhir+json';
const STAFF = 'staff' as const;
const etag = { etag: z.string().describe('W/"<versionId>": send it as If-Match to update this version') };

/**
 * Hong Kong's electronic health record sharing, as an HL7 FHIR R4 REST API under `/ehr/fhir`:
 * read, version read, create (conditionally), update against the version read, history and
 * search of each supported type, and the CapabilityStatement that says which.
 */
export const ehrService = defineService({
  name: 'ehr',
  title: 'Electronic health record sharing (HL7 FHIR R4)',
  version: '1.0.0',
  basePath: '/ehr',
  formatError,
  errorBody: operationOutcomeSchema,
  functions: { api: 'lambda/ehr/handlers/http.ts' },
  routes: {
    capabilities: {
      method: 'GET',
      path: '/ehr/fhir/metadata',
      auth: 'public',
      summary: 'The CapabilityStatement: the types, interactions and search parameters supported',
      response: capabilityStatementSchema,
      responseType: FHIR_JSON,
    },
    search: {
      method: 'GET',
      path: '/ehr/fhir/{type}',
      auth: STAFF,
      summary: 'Search a type; a searchset Bundle, paged by its next link',
      params: typeParams,
      query: searchQuery,
      response: bundleSchema,
      responseType: FHIR_JSON,
    },
    create: {
      method: 'POST',
      path: '/ehr/fhir/{type}',
      auth: STAFF,
      summary: 'Create a resource; with If-None-Exist, only if no resource matches the search',
      params: typeParams,
      body: resourceSchema,
      headers: ['if-none-exist'],
      successStatus: 201,
      response: storedResourceSchema,
      responseType: FHIR_JSON,
      responseHeaders: etag,
      responses: {
        200: 'If-None-Exist matched one resource, which is returned unchanged',
        405: 'The type is read-only (AuditEvent)',
        412: 'If-None-Exist matched more than one resource',
        422: 'The resource is not valid R4, or its HKID check digit is wrong',
      },
    },
    read: {
      method: 'GET',
      path: '/ehr/fhir/{type}/{id}',
      auth: STAFF,
      summary: 'Read the current version of a resource',
      params: instanceParams,
      response: storedResourceSchema,
      responseType: FHIR_JSON,
      responseHeaders: etag,
    },
    update: {
      method: 'PUT',
      path: '/ehr/fhir/{type}/{id}',
      auth: STAFF,
      summary: 'Update a resource; with If-Match, only if it is still the version read',
      params: instanceParams,
      body: resourceSchema,
      headers: ['if-match'],
      headerSchemas: { 'if-match': z.string().regex(/^W\/"[1-9][0-9]{0,8}"$/) },
      response: storedResourceSchema,
      responseType: FHIR_JSON,
      responseHeaders: etag,
      responses: {
        201: 'There was no such resource: it is created with the id given',
        405: 'The type is read-only (AuditEvent)',
        409: 'Another update won the race',
        412: 'If-Match names a version that is no longer current',
        422: 'The resource is not valid R4, or its HKID check digit is wrong',
      },
    },
    history: {
      method: 'GET',
      path: '/ehr/fhir/{type}/{id}/_history',
      auth: STAFF,
      summary: 'Every version of a resource, newest first, as a history Bundle',
      params: instanceParams,
      response: bundleSchema,
      responseType: FHIR_JSON,
    },
    vread: {
      method: 'GET',
      path: '/ehr/fhir/{type}/{id}/_history/{vid}',
      auth: STAFF,
      summary: 'Read one version of a resource',
      params: versionParams,
      response: storedResourceSchema,
      responseType: FHIR_JSON,
      responseHeaders: etag,
    },
  },
});

import * as z from 'zod';
import { defineService } from '../shared/route';
import {
  batchBundleSchema,
  batchResponseSchema,
  breakGlassParameters,
  bundleSchema,
  capabilityStatementSchema,
  instanceParams,
  patientParams,
  resourceSchema,
  searchQuery,
  storedResourceSchema,
  typeParams,
  versionParams,
} from './domain/schemas';
import { formatError, operationOutcomeSchema } from './errors';

const FHIR_JSON = 'application/fhir+json';
const STAFF = 'staff' as const;
/** A patient on their own record: a citizen signed in at the verified level. */
const PATIENT = { citizen: 'verified' } as const;
const etag = { etag: z.string().describe('W/"<versionId>": send it as If-Match to update this version') };

const CONSENT_REFUSED = { 403: "The consent rules refuse it: the OperationOutcome's details say which (consent_no_sharing_consent, ...)" };

/**
 * Hong Kong's electronic health record sharing, as an HL7 FHIR R4 REST API under `/ehr/fhir`:
 * read, version read, create (conditionally), update against the version read, history and
 * search of each supported type, and the CapabilityStatement that says which. Practitioners
 * see a patient's records under the patient's consent, or by breaking the glass; patients see
 * their own records and access log, and record and revoke consent, under `/ehr/me/fhir`.
 */
export const ehrService = defineService({
  name: 'ehr',
  title: 'Electronic health record sharing (HL7 FHIR R4)',
  version: '1.0.0',
  basePath: '/ehr',
  formatError,
  errorBody: operationOutcomeSchema,
  functions: { api: 'lambda/ehr/handlers/http.ts' },
  environment: {
    /** The key identity card numbers are sealed and hashed with, base64, in local mode and tests. */
    identifierKey: 'EHR_IDENTIFIER_KEY',
    /** ARN of the secret holding that key, in AWS. */
    identifierKeySecretArn: 'EHR_IDENTIFIER_KEY_SECRET_ARN',
  } as const,
  routes: {
    capabilities: {
      method: 'GET',
      path: '/ehr/fhir/metadata',
      auth: 'public',
      summary: 'The CapabilityStatement: the types, interactions and search parameters supported',
      response: capabilityStatementSchema,
      responseType: FHIR_JSON,
    },
    batch: {
      method: 'POST',
      path: '/ehr/fhir',
      auth: STAFF,
      summary: 'A batch Bundle: each entry read, searched, created or updated on its own, answered in a batch-response in order',
      body: batchBundleSchema,
      response: batchResponseSchema,
      responseType: FHIR_JSON,
      responses: { 422: 'A transaction: not supported, since entries are not written atomically' },
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
      responses: CONSENT_REFUSED,
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
        ...CONSENT_REFUSED,
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
      responses: CONSENT_REFUSED,
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
        ...CONSENT_REFUSED,
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
      responses: CONSENT_REFUSED,
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
      responses: CONSENT_REFUSED,
    },
    breakGlass: {
      method: 'POST',
      path: '/ehr/fhir/Patient/{id}/$break-glass',
      auth: STAFF,
      summary: "Emergency access: the practitioner's declared reason grants them, at their provider, the patient's records for 4 hours",
      params: patientParams,
      body: breakGlassParameters,
      successStatus: 201,
      response: storedResourceSchema,
      responseType: FHIR_JSON,
      responses: { 403: "Only a provider's practitioner may break the glass" },
    },
    ownSearch: {
      method: 'GET',
      path: '/ehr/me/fhir/{type}',
      auth: PATIENT,
      summary: 'A patient searches their own records: AuditEvent is their access log, Consent their consents',
      params: typeParams,
      query: searchQuery,
      response: bundleSchema,
      responseType: FHIR_JSON,
      responses: { 403: 'Another patient, the directory, or no eHR registration linked to this account' },
    },
    ownRead: {
      method: 'GET',
      path: '/ehr/me/fhir/{type}/{id}',
      auth: PATIENT,
      summary: 'A patient reads one of their own records',
      params: instanceParams,
      response: storedResourceSchema,
      responseType: FHIR_JSON,
      responseHeaders: etag,
      responses: { 403: 'Not one of their own records' },
    },
    ownCreate: {
      method: 'POST',
      path: '/ehr/me/fhir/{type}',
      auth: PATIENT,
      summary: 'A patient records a consent: joining, or sharing with a provider (indefinite or up to 12 months)',
      params: typeParams,
      body: resourceSchema,
      successStatus: 201,
      response: storedResourceSchema,
      responseType: FHIR_JSON,
      responseHeaders: etag,
      responses: {
        403: 'Not a Consent, or not about themselves',
        405: 'The type is read-only (AuditEvent)',
        422: 'Not a consent the rules accept',
      },
    },
    ownUpdate: {
      method: 'PUT',
      path: '/ehr/me/fhir/{type}/{id}',
      auth: PATIENT,
      summary: 'A patient changes their consent: status inactive revokes it at once, and for good',
      params: instanceParams,
      body: resourceSchema,
      headers: ['if-match'],
      headerSchemas: { 'if-match': z.string().regex(/^W\/"[1-9][0-9]{0,8}"$/) },
      response: storedResourceSchema,
      responseType: FHIR_JSON,
      responseHeaders: etag,
      responses: {
        201: 'There was no such consent: it is created with the id given',
        403: 'Not a Consent, or not about themselves',
        405: 'The type is read-only (AuditEvent)',
        409: 'Another update won the race',
        412: 'If-Match names a version that is no longer current',
        422: 'Not a consent the rules accept, or a revoked consent made active again',
      },
    },
  },
});

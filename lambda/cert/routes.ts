import { defineService } from '../shared/route';
import {
  addKnownExploitedSchema,
  advisoryListSchema,
  advisorySchema,
  etagHeader,
  idempotencyKeyHeader,
  ifMatchHeader,
  incidentIdParams,
  incidentListSchema,
  incidentSchema,
  kevCatalogueSchema,
  kevEntrySchema,
  listAdvisoriesQuerySchema,
  listIncidentsQuerySchema,
  publishAdvisorySchema,
  reportIncidentSchema,
  triagePatchSchema,
} from './domain/schemas';
import { formatError } from './errors';

/** An incident answer leads to reading and triaging it, with the ETag it carries. */
const incidentLinks = {
  getIncident: { route: 'getIncident', parameters: { id: '$response.body#/id' } },
  triageIncident: {
    route: 'triageIncident',
    parameters: { id: '$response.body#/id', 'header.if-match': '$response.header.etag' },
    description: 'Triage the incident as it was answered: its ETag is the If-Match',
  },
} as const;

/** The government CERT: incident reports from departments, triage by analysts, advisories and the KEV catalogue. */
export const certService = defineService({
  name: 'cert',
  title: 'Government CERT',
  version: '1.0.0',
  basePath: '/cert',
  formatError,
  functions: { api: 'lambda/cert/handlers/http.ts', findings: 'lambda/cert/handlers/finding-event.ts' },
  // One event may carry several findings, each filed with a few single-item writes, five at once at most
  // (the rest wait in Lambda's asynchronous queue); the filer's item actions are granted by the incident pipeline.
  functionSettings: { findings: { memorySize: 256, timeoutSeconds: 30, reservedConcurrency: 5, storageAccess: 'none' } },
  environment: {
    /** Lowest finding severity the incident pipeline files as an incident. */
    threshold: 'INCIDENT_SEVERITY_THRESHOLD',
    /** Resource tag naming the department that owns a finding's resource. */
    departmentTagKey: 'DEPARTMENT_TAG_KEY',
    /** JSON object of account id to department code, for resources without the tag. */
    departmentAccounts: 'DEPARTMENT_ACCOUNTS',
  } as const,
  routes: {
    reportIncident: {
      method: 'POST',
      path: '/cert/incidents',
      auth: 'staff',
      summary: 'Report an incident (a department officer for its department, or an analyst for any); returns its case number',
      description: 'An analyst names the department in `department`; an officer reports for its own.',
      body: reportIncidentSchema,
      headers: ['idempotency-key'],
      headerSchemas: { 'idempotency-key': idempotencyKeyHeader },
      successStatus: 201,
      response: incidentSchema,
      responseHeaders: { etag: etagHeader },
      responses: {
        200: 'An earlier report with this Idempotency-Key made the incident: it is answered again',
        409: 'Another report with this Idempotency-Key is in progress; retry shortly',
        422: 'This Idempotency-Key was used for a different report',
      },
      links: incidentLinks,
    },
    listIncidents: {
      method: 'GET',
      path: '/cert/incidents',
      auth: 'staff',
      summary: "Incidents: all to CERT analysts, the department's own to an officer",
      query: listIncidentsQuerySchema,
      response: incidentListSchema,
    },
    getIncident: {
      method: 'GET',
      path: '/cert/incidents/{id}',
      auth: 'staff',
      summary: 'One incident, with its ETag',
      params: incidentIdParams,
      response: incidentSchema,
      responseHeaders: { etag: etagHeader },
      links: { triageIncident: incidentLinks.triageIncident },
    },
    triageIncident: {
      method: 'PATCH',
      path: '/cert/incidents/{id}',
      auth: 'staff',
      summary: 'Triage an incident (analysts): status along the allowed transitions, severity, assignee, notes; needs If-Match',
      params: incidentIdParams,
      body: triagePatchSchema,
      headers: ['if-match'],
      headerSchemas: { 'if-match': ifMatchHeader },
      requiredHeaders: ['if-match'],
      response: incidentSchema,
      responseHeaders: { etag: etagHeader },
      responses: {
        409: 'The incident cannot move to that status from where it is; the message says where it can',
        412: 'The incident has changed since the ETag in If-Match: read it again and reapply the change',
        428: 'If-Match is missing: send the ETag of the incident as last read',
      },
      links: incidentLinks,
    },
    listAdvisories: {
      method: 'GET',
      path: '/cert/advisories',
      auth: 'public',
      summary: 'Security advisories, newest first, as JSON or Atom (format=atom)',
      query: listAdvisoriesQuerySchema,
      response: advisoryListSchema,
      responseType: ['application/json', 'application/atom+xml'],
    },
    publishAdvisory: {
      method: 'POST',
      path: '/cert/advisories',
      auth: 'staff',
      summary: 'Publish an advisory (analysts)',
      body: publishAdvisorySchema,
      successStatus: 201,
      response: advisorySchema,
      responses: { 409: 'No advisory id was free this time; retry' },
    },
    knownExploited: {
      method: 'GET',
      path: '/cert/kev.json',
      auth: 'public',
      summary: 'The known-exploited-vulnerabilities catalogue, in CISA KEV format',
      response: kevCatalogueSchema,
    },
    addKnownExploited: {
      method: 'POST',
      path: '/cert/kev',
      auth: 'staff',
      summary: 'Add a vulnerability to the known-exploited catalogue (analysts)',
      body: addKnownExploitedSchema,
      successStatus: 201,
      response: kevEntrySchema,
      responses: { 409: 'The vulnerability is in the catalogue already' },
    },
  },
});

import * as z from 'zod';
import { defineService } from '../shared/route';
import {
  addKnownExploitedSchema,
  listAdvisoriesQuerySchema,
  listIncidentsQuerySchema,
  publishAdvisorySchema,
  reportIncidentSchema,
  triagePatchSchema,
} from './domain/schemas';
import { formatError } from './errors';

const incidentId = z.strictObject({ id: z.string().regex(/^[A-Z]+-\d{4}-\d{6}$/, 'an incident id looks like GCERT-2026-000123') });

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
      body: reportIncidentSchema,
      headers: ['idempotency-key'],
      successStatus: 201,
    },
    listIncidents: {
      method: 'GET',
      path: '/cert/incidents',
      auth: 'staff',
      summary: "Incidents: all to CERT analysts, the department's own to an officer",
      query: listIncidentsQuerySchema,
    },
    getIncident: { method: 'GET', path: '/cert/incidents/{id}', auth: 'staff', summary: 'One incident, with its ETag', params: incidentId },
    triageIncident: {
      method: 'PATCH',
      path: '/cert/incidents/{id}',
      auth: 'staff',
      summary: 'Triage an incident (analysts): status along the allowed transitions, severity, assignee, notes; needs If-Match',
      params: incidentId,
      body: triagePatchSchema,
      headers: ['if-match'],
    },
    listAdvisories: {
      method: 'GET',
      path: '/cert/advisories',
      auth: 'public',
      summary: 'Security advisories, newest first, as JSON or Atom (format=atom)',
      query: listAdvisoriesQuerySchema,
    },
    publishAdvisory: {
      method: 'POST',
      path: '/cert/advisories',
      auth: 'staff',
      summary: 'Publish an advisory (analysts)',
      body: publishAdvisorySchema,
      successStatus: 201,
    },
    knownExploited: {
      method: 'GET',
      path: '/cert/kev.json',
      auth: 'public',
      summary: 'The known-exploited-vulnerabilities catalogue, in CISA KEV format',
    },
    addKnownExploited: {
      method: 'POST',
      path: '/cert/kev',
      auth: 'staff',
      summary: 'Add a vulnerability to the known-exploited catalogue (analysts)',
      body: addKnownExploitedSchema,
      successStatus: 201,
    },
  },
});

import { defineService } from '../shared/route';
import {
  accessRequestInputSchema,
  accessRequestSchema,
  dataServiceSchema,
  decisionSchema,
  logListSchema,
  pageQuerySchema,
  publishSchema,
  queryResultSchema,
  querySchema,
  requestParams,
  serviceListSchema,
  serviceParams,
  verificationSchema,
} from './domain/schemas';
import { formatError } from './errors';

const OFFICER = 'An officer of a department.';

/**
 * Data exchange between departments, after X-Road: a registry of data services, access granted
 * by the owning department for a purpose and period, bounded queries under a grant in force,
 * and a hash-chained message log of every exchange and refusal.
 */
export const exchangeService = defineService({
  name: 'exchange',
  title: 'Data exchange between departments',
  version: '1.0.0',
  basePath: '/exchange',
  formatError,
  functions: { api: 'lambda/exchange/handlers/http.ts' },
  environment: {
    /** The config's `exchange` section as JSON. */
    settings: 'EXCHANGE_SETTINGS',
    /** Each department's classification, `{code: level}`, as JSON. */
    departments: 'EXCHANGE_DEPARTMENTS',
  } as const,
  routes: {
    publishService: {
      method: 'POST',
      path: '/exchange/v1/services',
      auth: 'department-officer',
      summary: "Publish a dataset of the department's lake as a data service: its schema, purpose and classification",
      description: OFFICER,
      body: publishSchema,
      successStatus: 201,
      response: dataServiceSchema,
      responses: { 409: 'The department publishes this table already' },
    },
    listServices: {
      method: 'GET',
      path: '/exchange/v1/services',
      auth: 'department-officer',
      summary: 'The registry of data services, paged',
      query: pageQuerySchema,
      response: serviceListSchema,
    },
    getService: {
      method: 'GET',
      path: '/exchange/v1/services/{id}',
      auth: 'department-officer',
      summary: 'One data service',
      params: serviceParams,
      response: dataServiceSchema,
    },
    requestAccess: {
      method: 'POST',
      path: '/exchange/v1/services/{id}/requests',
      auth: 'department-officer',
      summary: 'Ask for access to a data service for a purpose and period; the owning department decides',
      description: `${OFFICER} A service above the department's classification is refused and the refusal logged.`,
      params: serviceParams,
      body: accessRequestInputSchema,
      successStatus: 201,
      response: accessRequestSchema,
      responses: { 422: 'Above the classification, an unknown column, the own service, or a period too long or backwards' },
    },
    getRequest: {
      method: 'GET',
      path: '/exchange/v1/requests/{id}',
      auth: 'department-officer',
      summary: 'An access request of the department, as requester or owner',
      params: requestParams,
      response: accessRequestSchema,
    },
    decideRequest: {
      method: 'POST',
      path: '/exchange/v1/requests/{id}/decision',
      auth: 'department-officer',
      summary: 'Approve or refuse an access request: an officer of the owning department who did not ask',
      params: requestParams,
      body: decisionSchema,
      response: accessRequestSchema,
      responses: { 403: 'Not an officer of the owner, or the officer who asked', 409: 'Decided already', 422: 'Above the classification' },
    },
    queryGrant: {
      method: 'POST',
      path: '/exchange/v1/requests/{id}/query',
      auth: 'department-officer',
      summary: 'A bounded query under a grant in force: shared columns, equality and range filters, a limit; no SQL',
      params: requestParams,
      body: querySchema,
      response: queryResultSchema,
      responses: {
        403: 'Not the requesting department',
        422: 'Not granted, expired, not started, a column not shared, or a filter of the wrong type',
      },
    },
    ownerLog: {
      method: 'GET',
      path: '/exchange/v1/log',
      auth: 'department-officer',
      summary: "The message log entries about the department's data, oldest first: every use and refusal",
      query: pageQuerySchema,
      response: logListSchema,
    },
    verifyLog: {
      method: 'GET',
      path: '/exchange/v1/log/verification',
      auth: 'department-officer',
      summary: "The message log's hash chain checked end to end: where it breaks, if it does",
      response: verificationSchema,
    },
  },
});

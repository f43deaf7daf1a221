import { defineService } from '../shared/route';
import {
  adviceInputSchema,
  aggregationResultSchema,
  aggregationSchema,
  beaconAcceptedSchema,
  beaconSchema,
  dayParams,
  dictionarySchema,
  figuresListSchema,
  figuresQuerySchema,
  MAX_BEACON_EVENTS,
  measuredServiceSchema,
  pageQuerySchema,
  registerSchema,
  reportsSchema,
  reportsStoredSchema,
  reviewInputSchema,
  reviewListSchema,
  reviewSchema,
  reviewStateQuerySchema,
  serviceListSchema,
  serviceParams,
} from './domain/schemas';
import { formatError } from './errors';

const OWNER = 'An officer of the department that registered the service.';

/**
 * Usage of every e-service, government app and website, measured once for the whole government
 * (after WOGAA and analytics.usa.gov): a registry with launch dates, a beacon that keeps nothing
 * personal, the department's own reports, daily figures published openly, and the
 * post-implementation review each service owes six months after launch.
 */
export const usageService = defineService({
  name: 'usage',
  title: 'Usage of e-services, apps and websites',
  version: '1.0.0',
  basePath: '/usage',
  formatError,
  functions: { api: 'lambda/usage/handlers/http.ts', scheduled: 'lambda/usage/handlers/scheduled.ts' },
  environment: {
    /** Name of the Firehose stream that takes beacon events to the events bucket: AWS. */
    eventStream: 'USAGE_EVENT_STREAM',
  } as const,
  schedules: {
    aggregation: {
      function: 'scheduled',
      // 01:00 in Hong Kong: the day before is complete and Firehose has delivered it.
      expression: 'cron(0 17 * * ? *)',
      description: "Counts the day before's figures of every measured service",
      input: { task: 'aggregation' },
    },
  },
  routes: {
    registerService: {
      method: 'POST',
      path: '/usage/v1/services',
      auth: 'department-officer',
      summary: 'Register an e-service, app or website of the department for measurement, with its launch date',
      body: registerSchema,
      successStatus: 201,
      response: measuredServiceSchema,
      responses: { 409: 'The id is registered already' },
    },
    listServices: {
      method: 'GET',
      path: '/usage/v1/services',
      auth: 'public',
      summary: 'Every measured e-service, app and website, paged',
      query: pageQuerySchema,
      response: serviceListSchema,
    },
    getService: {
      method: 'GET',
      path: '/usage/v1/services/{id}',
      auth: 'public',
      summary: 'One measured service',
      params: serviceParams,
      response: measuredServiceSchema,
    },
    beacon: {
      method: 'POST',
      path: '/usage/v1/beacon',
      auth: 'public',
      summary: `Up to ${MAX_BEACON_EVENTS} events of a page or app: views, starts and completions, app sessions`,
      description:
        'No address or identifier is stored: each visitor is counted by a hash under a salt of the day, deleted after two days. A batch with an event of an unregistered service is refused whole.',
      body: beaconSchema,
      maxBodyBytes: 8192,
      successStatus: 202,
      response: beaconAcceptedSchema,
      responses: { 422: 'A service that is not registered' },
    },
    report: {
      method: 'POST',
      path: '/usage/v1/reports',
      auth: 'department-officer',
      summary: "The department's figures of its services for a day: store downloads, transactions done offline",
      description: `${OWNER} A report of the same service, day, kind and platform replaces the one before.`,
      body: reportsSchema,
      response: reportsStoredSchema,
      responses: { 403: 'A service of another department', 422: 'A service that is not registered, or a day before its launch' },
    },
    serviceFigures: {
      method: 'GET',
      path: '/usage/v1/services/{id}/figures',
      auth: 'public',
      summary: "A service's daily figures over a span of at most 366 days",
      params: serviceParams,
      query: figuresQuerySchema,
      response: figuresListSchema,
      responses: { 422: 'A span backwards or longer than 366 days' },
    },
    dayFigures: {
      method: 'GET',
      path: '/usage/v1/days/{date}/figures',
      auth: 'public',
      summary: 'Every measured service’s figures for one day, as published',
      params: dayParams,
      response: figuresListSchema,
    },
    dictionary: {
      method: 'GET',
      path: '/usage/v1/dictionary',
      auth: 'public',
      summary: 'The data dictionary of the daily figures',
      response: dictionarySchema,
    },
    aggregate: {
      method: 'POST',
      path: '/usage/v1/aggregations',
      auth: 'platform-admin',
      summary: 'Count a finished day again, as the nightly run does: its figures replace the ones before',
      body: aggregationSchema,
      response: aggregationResultSchema,
      responses: { 422: 'A day that has not ended yet' },
    },
    listReviews: {
      method: 'GET',
      path: '/usage/v1/reviews',
      auth: 'platform-admin',
      summary: 'The post-implementation review of every measured service and where it stands',
      query: reviewStateQuerySchema,
      response: reviewListSchema,
    },
    getReview: {
      method: 'GET',
      path: '/usage/v1/services/{id}/review',
      auth: 'staff',
      summary: "A service's post-implementation review: its due date, the return filed and the advice given",
      description: `${OWNER} Or a platform admin.`,
      params: serviceParams,
      response: reviewSchema,
    },
    fileReview: {
      method: 'PUT',
      path: '/usage/v1/services/{id}/review',
      auth: 'department-officer',
      summary: 'File the post-implementation return: objectives, take-up measured, cost, issues and the decision',
      description: `${OWNER} A return is filed once.`,
      params: serviceParams,
      body: reviewInputSchema,
      response: reviewSchema,
      responses: { 403: 'A service of another department', 409: 'Filed already' },
    },
    adviseReview: {
      method: 'POST',
      path: '/usage/v1/services/{id}/review/advice',
      auth: 'platform-admin',
      summary: "Attach the platform's advice to a service's review",
      params: serviceParams,
      body: adviceInputSchema,
      successStatus: 201,
      response: reviewSchema,
    },
  },
});

import * as z from 'zod';
import { defineService } from '../shared/route';
import { formatError } from './errors';

// What the catalogue answers, exactly: a field it does not list is not in the answer.
const serviceEntry = z.strictObject({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  basePath: z.string(),
  access: z.enum(['public', 'internal']),
  status: z.enum(['available']),
  openApi: z.string(),
});

const provisioned = z.strictObject({ purpose: z.string(), parameter: z.string() });

const departmentSummary = z.strictObject({
  code: z.string(),
  name: z.strictObject({ en: z.string(), zh: z.string() }),
  classification: z.string(),
  costCentre: z.string(),
  entitlements: z.array(z.string()),
});

const department = departmentSummary.omit({ entitlements: true }).extend({
  network: z.strictObject({ cidr: z.string(), availabilityZones: z.array(z.string()), parameters: z.array(provisioned) }),
  keys: z.array(provisioned),
  buckets: z.array(provisioned),
  logGroups: z.array(provisioned),
  apiKey: provisioned.optional(),
  roles: z.array(provisioned.extend({ role: z.string(), name: z.string() })),
  entitlements: z.array(z.strictObject({ service: z.string(), basePath: z.string() })),
  quotas: z.strictObject({ requestsPerSecond: z.number(), burst: z.number(), requestsPerMonth: z.number() }),
  monthlyBudgetUsd: z.number(),
});

/** Department codes as the config writes them; lower case is accepted and normalised. */
const departmentCode = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]{1,7}$/, 'a department code is 2 to 8 letters or digits, like DPO')
  .transform((c) => c.toUpperCase());

export const platformService = defineService({
  name: 'platform',
  title: 'Platform catalogue',
  version: '1.0.0',
  basePath: '/platform',
  formatError,
  functions: { api: 'lambda/platform/handlers/http.ts' },
  environment: {
    /** The catalogue as JSON, in local mode; in AWS it is bundled with the function as CATALOGUE_FILE. */
    catalogue: 'PLATFORM_CATALOGUE',
  } as const,
  routes: {
    listServices: {
      method: 'GET',
      path: '/platform/services',
      auth: 'public',
      summary: 'The shared services of the platform, their base paths and status',
      query: z.strictObject({}),
      response: z.strictObject({ platform: z.strictObject({ name: z.string(), region: z.string() }), services: z.array(serviceEntry) }),
    },
    listDepartments: {
      method: 'GET',
      path: '/platform/departments',
      auth: 'platform-admin',
      summary: 'Every department on the platform',
      query: z.strictObject({}),
      response: z.strictObject({ departments: z.array(departmentSummary) }),
      links: { getDepartment: { route: 'getDepartment', parameters: { code: '$response.body#/departments/0/code' } } },
    },
    getDepartment: {
      method: 'GET',
      path: '/platform/departments/{code}',
      auth: 'department-officer',
      summary: 'What was provisioned for one department (its officers and platform admins only)',
      params: z.strictObject({ code: departmentCode }),
      query: z.strictObject({}),
      response: department,
    },
  },
});

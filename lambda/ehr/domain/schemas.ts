import * as z from 'zod';
import { cursorParameter } from '../../shared/sort-key-cursor';
import { RESOURCE_TYPES } from './resource-types';

/** A FHIR id: 1 to 64 letters, digits, `-` and `.`. */
export const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'a FHIR id: 1 to 64 letters, digits, - and .');

export const typeParams = z.object({ type: z.enum(RESOURCE_TYPES) });
export const instanceParams = z.object({ type: z.enum(RESOURCE_TYPES), id: fhirId });
export const versionParams = z.object({ type: z.enum(RESOURCE_TYPES), id: fhirId, vid: z.string().regex(/^[1-9][0-9]{0,8}$/) });

/** A resource as a client sends it: its type and any other elements, checked further against R4 by the app. */
export const resourceSchema = z.looseObject({
  resourceType: z.enum(RESOURCE_TYPES),
  id: fhirId.optional(),
});

export type ResourceInput = z.output<typeof resourceSchema>;

/** A stored resource: the client's elements with the id and `meta` the server gives it. */
export const storedResourceSchema = resourceSchema.extend({
  id: fhirId,
  meta: z.object({ versionId: z.string(), lastUpdated: z.string() }),
});

const token = z.string().min(1).max(256).describe('A token: `system|code`, or `code` alone');
const reference = z.string().min(1).max(128).describe('A reference, like `Patient/p1`, or the id alone');
const datePrefix = /^(eq|ne|gt|lt|ge|le)?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const dateSearch = z.string().regex(datePrefix, 'a date with an optional prefix, like ge2026-01-01');

export const searchQuery = z.object({
  identifier: token.optional(),
  patient: reference.optional(),
  subject: reference.optional(),
  status: z.string().min(1).max(64).optional(),
  code: token.optional(),
  date: dateSearch.optional(),
  _lastUpdated: dateSearch.optional(),
  _count: z.coerce.number().int().min(1).max(100).default(20),
  _page: cursorParameter,
});

export type SearchQuery = z.output<typeof searchQuery>;

export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.enum(['searchset', 'history']),
  link: z.array(z.object({ relation: z.string(), url: z.string() })),
  entry: z.array(z.looseObject({ fullUrl: z.string(), resource: storedResourceSchema })),
});

export const capabilityStatementSchema = z.looseObject({ resourceType: z.literal('CapabilityStatement'), fhirVersion: z.literal('4.0.1') });

/** The break-glass operation's input: a FHIR Parameters resource with the declared reason. */
export const breakGlassParameters = z.object({
  resourceType: z.literal('Parameters'),
  parameter: z
    .array(z.object({ name: z.literal('reason'), valueString: z.string().trim().min(10).max(500) }))
    .length(1)
    .describe('One parameter, reason: why this is an emergency (10 to 500 characters)'),
});

export const patientParams = z.object({ id: fhirId });

/** A batch Bundle: each entry a request of its own (read, search, create, update), answered in order. */
export const batchBundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.enum(['batch', 'transaction']).describe('batch; a transaction is refused (422): entries are not written atomically'),
  entry: z
    .array(
      z.looseObject({
        fullUrl: z.string().max(256).optional(),
        resource: z.looseObject({}).optional(),
        request: z.looseObject({
          method: z.enum(['GET', 'POST', 'PUT']),
          url: z.string().min(1).max(1024).describe('Relative to the base: Patient, Patient/p1, Observation?patient=p1'),
          ifMatch: z.string().max(32).optional(),
          ifNoneExist: z.string().max(512).optional(),
        }),
      }),
    )
    .max(50)
    .default([]),
});

export type BatchBundle = z.output<typeof batchBundleSchema>;

export const batchResponseSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('batch-response'),
  entry: z.array(z.looseObject({ response: z.looseObject({ status: z.string() }) })),
});

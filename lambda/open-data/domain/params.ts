import * as z from 'zod';
import { DEFAULT_FACET_LIMIT, DEFAULT_FACET_MIN_COUNT } from './facets';
import { ckanBoolean, ckanInteger, listOfStrings, MESSAGES, naturalNumber, requiredString } from './validation';

/**
 * Parameters of the read actions, as CKAN's schemas accept them (ckan/logic/schema.py): from a
 * GET query string, where every value is text, or from a POST body. Unknown fields are refused
 * with a message naming them.
 */

/** The most rows package_search returns at once (CKAN's ckan.search.rows_max). */
export const MAX_ROWS = 1000;
export const DEFAULT_ROWS = 10;

const text = (max = 2000) => z.string({ error: MESSAGES.string }).max(max, { error: `Must be at most ${max} characters long` });

export const packageListParams = z.strictObject({
  limit: naturalNumber().optional(),
  offset: naturalNumber().optional(),
});

const showParams = {
  id: requiredString(200),
  use_default_schema: ckanBoolean().optional(),
  include_tracking: ckanBoolean().optional(),
};

export const packageShowParams = z.strictObject(showParams);

export const resourceShowParams = z.strictObject({ id: requiredString(200), include_tracking: ckanBoolean().optional() });

export const packageSearchParams = z.strictObject({
  q: text().optional(),
  fq: text().optional(),
  sort: text(200).optional(),
  rows: naturalNumber()
    .pipe(z.int().max(MAX_ROWS, { error: `Must be ${MAX_ROWS} or less: page through larger results with start` }))
    .default(DEFAULT_ROWS),
  start: naturalNumber().default(0),
  facet: ckanBoolean().default(true),
  'facet.field': listOfStrings().default([]),
  'facet.limit': ckanInteger().default(DEFAULT_FACET_LIMIT),
  'facet.mincount': naturalNumber().default(DEFAULT_FACET_MIN_COUNT),
  include_private: ckanBoolean().default(false),
  include_drafts: ckanBoolean().default(false),
  use_default_schema: ckanBoolean().optional(),
});
export type PackageSearchParams = z.output<typeof packageSearchParams>;

const listParams = {
  all_fields: ckanBoolean().default(false),
  sort: text(100).optional(),
  limit: naturalNumber().optional(),
  offset: naturalNumber().default(0),
  include_dataset_count: ckanBoolean().default(true),
};

export const organizationListParams = z.strictObject(listParams);
export const groupListParams = z.strictObject(listParams);

export const organizationShowParams = z.strictObject({
  id: requiredString(200),
  include_datasets: ckanBoolean().default(false),
  include_dataset_count: ckanBoolean().default(true),
});
export const groupShowParams = organizationShowParams;

export const tagListParams = z.strictObject({
  query: text(100).optional(),
  all_fields: ckanBoolean().default(false),
});

export const statusShowParams = z.strictObject({});

export type PackageListParams = z.output<typeof packageListParams>;
export type PackageShowParams = z.output<typeof packageShowParams>;
export type ResourceShowParams = z.output<typeof resourceShowParams>;
export type OrganizationListParams = z.output<typeof organizationListParams>;
export type GroupListParams = z.output<typeof groupListParams>;
export type OrganizationShowParams = z.output<typeof organizationShowParams>;
export type GroupShowParams = z.output<typeof groupShowParams>;
export type TagListParams = z.output<typeof tagListParams>;

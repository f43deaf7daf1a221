import * as z from 'zod';
import { fieldName } from '../errors';
import { DEFAULT_FACET_LIMIT, DEFAULT_FACET_MIN_COUNT } from './facets';
import {
  blankAbsent,
  ckanBoolean,
  ckanInteger,
  listOfStrings,
  MESSAGES,
  naturalNumber,
  requiredString,
  SEARCH_QUERY_ISSUE,
} from './validation';

/**
 * Parameters of the read actions, as CKAN's logic layer reads them (ckan/logic/action/get.py and
 * ckan/logic/schema.py): from a GET query string, where every value is text, or from a POST body.
 * CKAN checks the parameters an action names and ignores every other one (its schemas put them
 * in `__extras`, which the actions never read), so these schemas drop unknown parameters too:
 * ckanapi sends `include_private`, `include_drafts` and `include_users` to actions that have
 * no use for them. The one exception is CKAN's: package_search hands its parameters to Solr,
 * and refuses those Solr does not take with a Search Query Error.
 */

/** The most rows package_search returns at once (CKAN's ckan.search.rows_max). */
export const MAX_ROWS = 1000;
export const DEFAULT_ROWS = 10;

/** The most organizations or groups a list answers at once: CKAN's ckan.group_and_organization_list_max. */
export const MAX_LISTED = 1000;
/** The same with all_fields: CKAN's ckan.group_and_organization_list_all_fields_max. */
export const MAX_LISTED_WITH_ALL_FIELDS = 25;

const text = (max = 2000) => z.string({ error: MESSAGES.string }).max(max, { error: `Must be at most ${max} characters long` });

export const packageListParams = z.object({
  limit: blankAbsent(naturalNumber().optional()),
  offset: blankAbsent(naturalNumber().optional()),
});

export const packageShowParams = z.object({
  id: requiredString(200),
  use_default_schema: ckanBoolean().optional(),
  include_tracking: ckanBoolean().optional(),
  include_plugin_data: ckanBoolean().optional(),
});

export const resourceShowParams = z.object({ id: requiredString(200), include_tracking: ckanBoolean().optional() });

/**
 * Parameters package_search passes on to Solr that tune its query or its answer's format
 * (ckan/lib/search/query.py VALID_SOLR_PARAMETERS): accepted, as CKAN accepts them, and not used
 * by this search engine. `ext_` parameters, for extensions, are accepted and ignored too.
 */
const solrTuning = z.unknown().optional().describe('Solr tuning CKAN passes on; accepted and not used');

const searchFields = {
  q: text().optional(),
  fq: text().optional(),
  /** More filters, each as fq. */
  fq_list: listOfStrings()
    .pipe(z.array(text()).max(20, { error: 'Must be 20 filters or fewer' }))
    .optional(),
  sort: text(200).optional(),
  rows: blankAbsent(
    naturalNumber()
      .pipe(z.int().max(MAX_ROWS, { error: `Must be ${MAX_ROWS} or less: page through larger results with start` }))
      .default(DEFAULT_ROWS),
  ),
  start: blankAbsent(naturalNumber().default(0)),
  facet: ckanBoolean().default(true),
  'facet.field': listOfStrings().default([]),
  'facet.limit': blankAbsent(ckanInteger().default(DEFAULT_FACET_LIMIT)),
  'facet.mincount': blankAbsent(naturalNumber().default(DEFAULT_FACET_MIN_COUNT)),
  /** Fields of each result, instead of whole datasets: names separated by spaces or commas. */
  fl: listOfStrings()
    .transform((items) => items.flatMap((item) => item.split(/[\s,]+/)).filter(Boolean))
    .optional(),
  include_private: ckanBoolean().default(false),
  include_drafts: ckanBoolean().default(false),
  /** Accepted as CKAN does; deleted datasets are never searched (CKAN's default ckan.search.remove_deleted_packages). */
  include_deleted: ckanBoolean().optional(),
  use_default_schema: ckanBoolean().optional(),
  wt: solrTuning,
  qf: solrTuning,
  bf: solrTuning,
  boost: solrTuning,
  tie: solrTuning,
  defType: solrTuning,
  mm: solrTuning,
  df: solrTuning,
  extras: solrTuning,
};

const SEARCH_PARAMETERS = new Set(Object.keys(searchFields));
/** The most unknown parameter names a refusal names. */
const NAMED_UNKNOWN = 5;

export const packageSearchParams = z.looseObject(searchFields).check((ctx) => {
  const unknown = Object.keys(ctx.value).filter((key) => !SEARCH_PARAMETERS.has(key) && !key.startsWith('ext_'));
  if (unknown.length === 0) return;
  const named = unknown.slice(0, NAMED_UNKNOWN).map((key) => JSON.stringify(fieldName(key)));
  const more = unknown.length > NAMED_UNKNOWN ? ` and ${unknown.length - NAMED_UNKNOWN} more` : '';
  ctx.issues.push({
    code: 'custom',
    message: `Invalid search parameters: [${named.join(', ')}]${more}`,
    input: unknown,
    params: { [SEARCH_QUERY_ISSUE]: true },
  });
});
export type PackageSearchParams = z.output<z.ZodObject<typeof searchFields>>;

/**
 * A sort as the search engine reads it: clauses `<field> asc` or `<field> desc`, separated by
 * commas; blank for the default. Anything else is CKAN's Search Query Error (400) for the sort.
 */
const SORT_CLAUSE = '[ \\t]*[A-Za-z_]+[ \\t]+([aA][sS][cC]|[dD][eE][sS][cC])[ \\t]*';
export const SORT_PATTERN = new RegExp(`^([ \\t]*|${SORT_CLAUSE}(,${SORT_CLAUSE})*)$`);
export const SORT_REFUSED = 'Invalid "sort" parameter: write each clause as "<field> asc" or "<field> desc"';

/** Whole numbers as a query string writes them (empty is as if not given), by pattern so that the document states the check. */
const ROWS_TEXT = /^0*(1000|[0-9]{0,3})$/;
const NATURAL_TEXT = /^[0-9]{0,15}$/;
const INTEGER_TEXT = /^(-?[0-9]{1,15})?$/;

const searchText = (max: number) => z.string({ error: MESSAGES.string }).max(max, { error: `Must be at most ${max} characters long` });
const ROWS_LIMIT = `Must be ${MAX_ROWS} or less: page through larger results with start`;
/** One value, or a list (a query string repeats the parameter; a body gives a JSON list). */
const oneOrMany = (item: z.ZodString, most?: number) => {
  const list = z.array(item, { error: MESSAGES.list });
  return z.union([item, most === undefined ? list : list.max(most, { error: `Must be ${most} or fewer` })], {
    error: 'Must be a string or a list of strings',
  });
};
const FQ_LIST_MOST = 20;

const describedSearch = {
  q: 'Search terms, in Solr’s syntax (title:rain, "exact phrase"); blank for every dataset',
  fq: 'Filters, like organization:hk-td tags:traffic res_format:CSV; one Solr cannot parse is a 409 Search Error',
  fq_list: `More filters, each as fq; at most ${FQ_LIST_MOST}`,
  sort: 'Like "score desc, metadata_modified desc": clauses <field> asc|desc separated by commas',
  rows: `Results per page, 0 to ${MAX_ROWS}; ${DEFAULT_ROWS} if not given`,
  start: 'Results to skip',
  facet: 'Whether to count values per facet.field (true, yes, t, y or 1; anything else is false)',
  'facet.field': 'Fields to count values of: a JSON list like ["organization","tags"], one name, or repeated',
  'facet.limit': `Values per facet, most frequent first; ${DEFAULT_FACET_LIMIT} if not given, negative for all`,
  'facet.mincount': `Values counted fewer times are left out; ${DEFAULT_FACET_MIN_COUNT} if not given`,
  fl: 'Fields of each result instead of whole datasets, separated by spaces or commas',
  include_private: 'On the publishers’ site: the department’s private datasets too',
  include_drafts: 'On the publishers’ site: the department’s drafts too',
  include_deleted: 'Accepted as CKAN does; deleted datasets are never searched',
  use_default_schema: 'Accepted as CKAN does; there is one schema',
} as const;

const solrTuningNames = ['wt', 'qf', 'bf', 'boost', 'tie', 'defType', 'mm', 'df', 'extras'] as const;

/**
 * package_search's parameters in a GET query string, as its own routes declare them (routes.ts):
 * exactly those the action takes, each written as text. The route checks them before the action
 * runs; a parameter it does not declare reaches the action, which refuses it with CKAN's Search
 * Query Error (400) unless it is an extension's `ext_` parameter.
 */
export const packageSearchQuery = z.looseObject({
  q: searchText(2000).optional().describe(describedSearch.q),
  fq: searchText(2000).optional().describe(describedSearch.fq),
  fq_list: oneOrMany(searchText(2000), FQ_LIST_MOST).optional().describe(describedSearch.fq_list),
  sort: searchText(200).regex(SORT_PATTERN, { error: SORT_REFUSED }).optional().describe(describedSearch.sort),
  rows: z
    .string()
    .regex(NATURAL_TEXT, { error: MESSAGES.natural, abort: true })
    .regex(ROWS_TEXT, { error: ROWS_LIMIT })
    .optional()
    .describe(describedSearch.rows),
  start: z.string().regex(NATURAL_TEXT, { error: MESSAGES.natural }).optional().describe(describedSearch.start),
  facet: z.string().optional().describe(describedSearch.facet),
  'facet.field': oneOrMany(z.string()).optional().describe(describedSearch['facet.field']),
  'facet.limit': z.string().regex(INTEGER_TEXT, { error: MESSAGES.integer }).optional().describe(describedSearch['facet.limit']),
  'facet.mincount': z.string().regex(NATURAL_TEXT, { error: MESSAGES.natural }).optional().describe(describedSearch['facet.mincount']),
  fl: oneOrMany(z.string()).optional().describe(describedSearch.fl),
  include_private: z.string().optional().describe(describedSearch.include_private),
  include_drafts: z.string().optional().describe(describedSearch.include_drafts),
  include_deleted: z.string().optional().describe(describedSearch.include_deleted),
  use_default_schema: z.string().optional().describe(describedSearch.use_default_schema),
  ...Object.fromEntries(
    solrTuningNames.map((name) => [name, z.string().optional().describe('Solr tuning CKAN passes on; accepted and not used')]),
  ),
});

const bodyBoolean = (description: string) =>
  z.union([z.boolean(), z.string()], { error: 'Must be true or false, or text like "true"' }).optional().describe(description);
const solrTuningBody = z.unknown().optional().describe('Solr tuning CKAN passes on; accepted and not used');

/**
 * package_search's parameters as a POST body, as its own routes declare them: a JSON object of
 * exactly the parameters the action takes (numbers as numbers or as text, flags as booleans or as
 * text, lists as lists or as one value), checked before the action runs. Any other member is
 * CKAN's Search Query Error (400), but for extensions' `ext_` parameters, which are accepted.
 */
export const packageSearchBody = z
  .looseObject({
    q: searchText(2000).optional().describe(describedSearch.q),
    fq: searchText(2000).optional().describe(describedSearch.fq),
    fq_list: oneOrMany(searchText(2000), FQ_LIST_MOST).optional().describe(describedSearch.fq_list),
    sort: searchText(200).regex(SORT_PATTERN, { error: SORT_REFUSED }).optional().describe(describedSearch.sort),
    rows: z
      .union(
        [
          z.int({ error: MESSAGES.natural }).min(0, { error: MESSAGES.natural }).max(MAX_ROWS, { error: ROWS_LIMIT }),
          z.string().regex(NATURAL_TEXT, { error: MESSAGES.natural, abort: true }).regex(ROWS_TEXT, { error: ROWS_LIMIT }),
        ],
        { error: MESSAGES.natural },
      )
      .optional()
      .describe(describedSearch.rows),
    start: z
      .union(
        [
          z.int({ error: MESSAGES.natural }).min(0, { error: MESSAGES.natural }),
          z.string().regex(NATURAL_TEXT, { error: MESSAGES.natural }),
        ],
        { error: MESSAGES.natural },
      )
      .optional()
      .describe(describedSearch.start),
    facet: bodyBoolean(describedSearch.facet),
    'facet.field': oneOrMany(z.string()).optional().describe(describedSearch['facet.field']),
    'facet.limit': z
      .union([z.int({ error: MESSAGES.integer }), z.string().regex(INTEGER_TEXT, { error: MESSAGES.integer })], {
        error: MESSAGES.integer,
      })
      .optional()
      .describe(describedSearch['facet.limit']),
    'facet.mincount': z
      .union(
        [
          z.int({ error: MESSAGES.natural }).min(0, { error: MESSAGES.natural }),
          z.string().regex(NATURAL_TEXT, { error: MESSAGES.natural }),
        ],
        { error: MESSAGES.natural },
      )
      .optional()
      .describe(describedSearch['facet.mincount']),
    fl: oneOrMany(z.string()).optional().describe(describedSearch.fl),
    include_private: bodyBoolean(describedSearch.include_private),
    include_drafts: bodyBoolean(describedSearch.include_drafts),
    include_deleted: bodyBoolean(describedSearch.include_deleted),
    use_default_schema: bodyBoolean(describedSearch.use_default_schema),
    ...Object.fromEntries(solrTuningNames.map((name) => [name, solrTuningBody])),
  })
  .describe('package_search’s parameters as a JSON object, {} for every dataset; ext_ parameters of extensions are accepted too')
  // What the document states: no other member (the action refuses one), but extensions' ext_ parameters.
  .meta({ additionalProperties: false, patternProperties: { '^ext_': {} } });

const listParams = {
  all_fields: ckanBoolean().default(false),
  sort: text(100).optional(),
  /** Words the name, title or description contains. */
  q: text(200).optional(),
  limit: blankAbsent(naturalNumber().optional()),
  offset: blankAbsent(naturalNumber().default(0)),
  include_dataset_count: ckanBoolean().default(true),
};

/** Only these, by name; none named, all of them. */
const named = () =>
  listOfStrings()
    .pipe(z.array(text(200)).max(1000))
    .optional();

export const organizationListParams = z.object({ ...listParams, organizations: named() });
export const groupListParams = z.object({ ...listParams, groups: named() });

export const organizationShowParams = z.object({
  id: requiredString(200),
  include_datasets: ckanBoolean().default(false),
  include_dataset_count: ckanBoolean().default(true),
});
export const groupShowParams = organizationShowParams;

export const tagListParams = z.object({
  query: text(100).optional(),
  /** CKAN reads `q` when `query` is not given. */
  q: text(100).optional(),
  /** Tags here are free tags: naming a vocabulary finds none. */
  vocabulary_id: text(200).optional(),
  all_fields: ckanBoolean().default(false),
});

export const statusShowParams = z.object({});

export type PackageListParams = z.output<typeof packageListParams>;
export type PackageShowParams = z.output<typeof packageShowParams>;
export type ResourceShowParams = z.output<typeof resourceShowParams>;
export type OrganizationListParams = z.output<typeof organizationListParams>;
export type GroupListParams = z.output<typeof groupListParams>;
export type OrganizationShowParams = z.output<typeof organizationShowParams>;
export type GroupShowParams = z.output<typeof groupShowParams>;
export type TagListParams = z.output<typeof tagListParams>;

/** Actions that take no parameters. */
export const noParams = z.object({});

export const helpShowParams = z.object({ name: requiredString(100) });

/** current_package_list_with_resources: the newest datasets, paged (CKAN's default_package_list_schema). */
export const currentPackageListParams = z.object({
  limit: blankAbsent(
    naturalNumber()
      .pipe(z.int().max(MAX_ROWS, { error: `Must be ${MAX_ROWS} or less: page through with offset` }))
      .optional(),
  ),
  offset: blankAbsent(naturalNumber().optional()),
  /** Deprecated in CKAN for offset: page `page` of `limit`. */
  page: blankAbsent(
    ckanInteger()
      .pipe(z.int().min(1, { error: MESSAGES.positive }))
      .optional(),
  ),
});

const autocomplete = (defaultLimit: number) =>
  z.object({
    q: z.string({ error: (issue) => (issue.input === undefined ? MESSAGES.missing : MESSAGES.string) }).max(200),
    limit: blankAbsent(
      naturalNumber()
        .pipe(z.int().max(MAX_ROWS, { error: `Must be ${MAX_ROWS} or less` }))
        .default(defaultLimit),
    ),
  });

/** package_autocomplete: datasets whose name or title contains q; 10 by default. */
export const packageAutocompleteParams = autocomplete(10);
/** format_autocomplete: resource formats containing q, commonest first; 5 by default. */
export const formatAutocompleteParams = autocomplete(5);
/** organization_autocomplete and group_autocomplete: by name or title; 20 by default. */
export const groupAutocompleteParams = autocomplete(20);

export const tagShowParams = z.object({
  id: requiredString(200),
  vocabulary_id: text(200).optional(),
  include_datasets: ckanBoolean().default(false),
});

/** tag_search and tag_autocomplete: tags containing every term of `query` (or `q`). */
export const tagSearchParams = z.object({
  query: listOfStrings()
    .pipe(z.array(text(200)).max(20))
    .optional(),
  q: listOfStrings()
    .pipe(z.array(text(200)).max(20))
    .optional(),
  /** Deprecated in CKAN: `{ tags: "term" }` adds a term. */
  fields: z.record(z.string(), z.unknown(), { error: 'Must be a dict' }).optional(),
  vocabulary_id: text(200).optional(),
  limit: blankAbsent(naturalNumber().optional()),
  offset: blankAbsent(naturalNumber().optional()),
});

/** resource_search: resources of published datasets whose fields hold every `field:term` of `query`. */
export const resourceSearchParams = z.object({
  query: listOfStrings()
    .pipe(z.array(text(500)).max(20))
    .optional(),
  order_by: text(100).optional(),
  offset: blankAbsent(naturalNumber().optional()),
  limit: blankAbsent(naturalNumber().optional()),
});

export const groupPackageShowParams = z.object({
  id: requiredString(200),
  limit: blankAbsent(
    naturalNumber()
      .pipe(z.int().max(MAX_ROWS, { error: `Must be ${MAX_ROWS} or less` }))
      .optional(),
  ),
});

/** organization_list_for_user: the departments the caller may do `permission` for. */
export const organizationListForUserParams = z.object({
  id: text(200).optional(),
  permission: text(100).default('manage_group'),
  include_dataset_count: ckanBoolean().default(false),
});

export type HelpShowParams = z.output<typeof helpShowParams>;
export type CurrentPackageListParams = z.output<typeof currentPackageListParams>;
export type AutocompleteParams = z.output<typeof packageAutocompleteParams>;
export type TagShowParams = z.output<typeof tagShowParams>;
export type TagSearchParams = z.output<typeof tagSearchParams>;
export type ResourceSearchParams = z.output<typeof resourceSearchParams>;
export type GroupPackageShowParams = z.output<typeof groupPackageShowParams>;
export type OrganizationListForUserParams = z.output<typeof organizationListForUserParams>;

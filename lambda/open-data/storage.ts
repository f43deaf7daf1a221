import type { StorageDefinition } from '../shared/storage-definition';

/**
 * The open data service's tables and bucket; STORE.md explains the design. The CDK stack and
 * local mode both build them from this declaration, and the adapters in store/ find them by
 * the environment variables tableEnvName()/bucketEnvName() name.
 */
export const OPEN_DATA_TABLES = {
  /** Datasets, name and resource claims, organizations and groups. */
  catalog: 'catalog',
  /** Archived file versions and per-month activity of each file. */
  archive: 'archive',
  /** Download counts per dataset, resource and day. */
  downloads: 'downloads',
  /** Pending uploads, refused once expired. */
  uploads: 'uploads',
  /** Who changed which dataset, when, from where. */
  audit: 'audit',
} as const;

export const OPEN_DATA_BUCKETS = {
  /** Uploaded files, one immutable key per upload; served through CloudFront. */
  resources: 'resources',
} as const;

/** GSI names, used by the adapters. */
export const OPEN_DATA_INDEXES = {
  /** Sparse: datasets only, by write time; the search index's cold load and refresh. */
  byModified: 'byModified',
  /** Sparse: organizations and groups, by name. */
  byKind: 'byKind',
  /** Archive month items by month: which files had versions in it. */
  byMonth: 'byMonth',
} as const;

const pk = { name: 'pk', type: 'S' } as const;
const sk = { name: 'sk', type: 'S' } as const;

export const storage: StorageDefinition = {
  tables: [
    {
      name: OPEN_DATA_TABLES.catalog,
      partitionKey: pk,
      sortKey: sk,
      indexes: [
        {
          name: OPEN_DATA_INDEXES.byModified,
          partitionKey: { name: 'catalogPartition', type: 'S' },
          sortKey: { name: 'modifiedKey', type: 'S' },
        },
        { name: OPEN_DATA_INDEXES.byKind, partitionKey: { name: 'listKind', type: 'S' }, sortKey: { name: 'name', type: 'S' } },
      ],
    },
    {
      name: OPEN_DATA_TABLES.archive,
      partitionKey: pk,
      sortKey: sk,
      indexes: [{ name: OPEN_DATA_INDEXES.byMonth, partitionKey: { name: 'month', type: 'S' }, sortKey: pk }],
    },
    { name: OPEN_DATA_TABLES.downloads, partitionKey: pk, sortKey: sk },
    // Expired intents are refused by the service; a TTL on `expiresAt` would also remove them,
    // once embedded storage tolerates dynalite's missing UpdateTimeToLive.
    { name: OPEN_DATA_TABLES.uploads, partitionKey: { name: 'uploadId', type: 'S' } },
    { name: OPEN_DATA_TABLES.audit, partitionKey: pk, sortKey: sk },
  ],
  buckets: [{ name: OPEN_DATA_BUCKETS.resources, browserUploads: true }],
};

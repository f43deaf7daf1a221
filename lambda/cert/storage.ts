import type { StorageDefinition } from '../shared/storage-definition';

/** Logical names of the CERT's tables and indexes. */
export const CERT_TABLES = { incidents: 'incidents', advisories: 'advisories' } as const;
export const CERT_INDEXES = { byDepartment: 'byDepartment', byCreation: 'byCreation', byFeed: 'byFeed' } as const;

/**
 * The CERT's storage. `incidents` holds incidents (restricted), with the case counters and the
 * idempotency and finding claims beside them; both indexes are sparse, holding incidents only.
 * `advisories` holds what the CERT publishes: advisories and the known-exploited catalogue.
 */
export const storage: StorageDefinition = {
  tables: [
    {
      name: CERT_TABLES.incidents,
      partitionKey: { name: 'pk', type: 'S' },
      indexes: [
        { name: CERT_INDEXES.byDepartment, partitionKey: { name: 'department', type: 'S' }, sortKey: { name: 'createdKey', type: 'S' } },
        { name: CERT_INDEXES.byCreation, partitionKey: { name: 'listKey', type: 'S' }, sortKey: { name: 'createdKey', type: 'S' } },
      ],
      ttlAttribute: 'expiresAt',
      // New incidents are announced on the on-call topic from this stream.
      stream: true,
    },
    {
      name: CERT_TABLES.advisories,
      partitionKey: { name: 'pk', type: 'S' },
      indexes: [{ name: CERT_INDEXES.byFeed, partitionKey: { name: 'feed', type: 'S' }, sortKey: { name: 'feedKey', type: 'S' } }],
    },
  ],
  buckets: [],
};

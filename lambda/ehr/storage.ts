import type { StorageDefinition } from '../shared/storage-definition';

export const EHR_TABLES = { resources: 'resources' } as const;
export const EHR_INDEXES = { byType: 'byType' } as const;

/**
 * The eHR's storage: one table. Each version of a resource under `RES#<type>#<id>` (sort key
 * `V#<version>`, never changed once written) and its current version (`CURRENT`), which alone
 * carries the index keys, so the type index lists each resource once, by last update.
 */
export const storage: StorageDefinition = {
  tables: [
    {
      name: EHR_TABLES.resources,
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [{ name: EHR_INDEXES.byType, partitionKey: { name: 'listing', type: 'S' }, sortKey: { name: 'listingKey', type: 'S' } }],
    },
  ],
  buckets: [],
};

import type { StorageDefinition } from '../shared/storage-definition';

export const PROCUREMENT_TABLES = { procurement: 'procurement' } as const;
export const PROCUREMENT_INDEXES = { releasesByDate: 'releasesByDate', tendersByStatus: 'tendersByStatus' } as const;

/**
 * The procurement service's storage: one table. Each supplier (`SUPPLIER#<id>`) with the claims
 * of its business registration number and its officers; each tender (`TENDER#<id>`) with its
 * clarifications, sealed bids, opening and audit log under the same key; each OCDS release
 * under its ocid (`OCID#<ocid>`). The indexes list releases by date for the release packages
 * and published tenders by publication date.
 */
export const storage: StorageDefinition = {
  tables: [
    {
      name: PROCUREMENT_TABLES.procurement,
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [
        { name: PROCUREMENT_INDEXES.releasesByDate, partitionKey: { name: 'feed', type: 'S' }, sortKey: { name: 'feedKey', type: 'S' } },
        {
          name: PROCUREMENT_INDEXES.tendersByStatus,
          partitionKey: { name: 'listing', type: 'S' },
          sortKey: { name: 'listingKey', type: 'S' },
        },
      ],
    },
  ],
  buckets: [],
};

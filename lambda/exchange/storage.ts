import type { StorageDefinition } from '../shared/storage-definition';

export const EXCHANGE_TABLES = { exchange: 'exchange' } as const;
export const EXCHANGE_INDEXES = { logByOwner: 'logByOwner' } as const;

/**
 * The exchange's storage: one table. Each data service (`SERVICE#<id>`), each access request
 * (`REQUEST#<id>`), the message log as one chain (`LOG` / `ENTRY#<sequence>`, each entry written
 * only if its place is free), indexed by the owning department so it sees every use of its data;
 * in local mode, the rows of each dataset (`ROWS#<service id>`), which Athena holds in AWS.
 */
export const storage: StorageDefinition = {
  tables: [
    {
      name: EXCHANGE_TABLES.exchange,
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [{ name: EXCHANGE_INDEXES.logByOwner, partitionKey: { name: 'ownerKey', type: 'S' }, sortKey: { name: 'sk', type: 'S' } }],
    },
  ],
  buckets: [],
};

import type { StorageDefinition } from '../shared/storage-definition';

export const USAGE_TABLES = { usage: 'usage' } as const;
export const USAGE_INDEXES = { figuresByDay: 'figuresByDay' } as const;
export const USAGE_BUCKETS = { events: 'usage-events' } as const;

/**
 * The usage service's storage. One table holds the registry (`SERVICES` / `SERVICE#<id>`), the
 * departments' reports (`REPORTS#<day>` / `<service>#<kind>#<platform>`), the daily figures
 * (`FIGURES#<service>` / `<day>`, indexed by day for the dataset of a day), each service's
 * review (`REVIEW#<service>`) and the visitor salt of each day (`SALT` / `<day>`, expiring).
 * The events bucket takes the beacon's events as JSON lines, partitioned by kind, day and
 * service: Firehose writes them in AWS, the handler itself in local mode.
 */
export const storage: StorageDefinition = {
  tables: [
    {
      name: USAGE_TABLES.usage,
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [{ name: USAGE_INDEXES.figuresByDay, partitionKey: { name: 'dayKey', type: 'S' }, sortKey: { name: 'service', type: 'S' } }],
      ttlAttribute: 'expiresAt',
    },
  ],
  buckets: [{ name: USAGE_BUCKETS.events }],
};

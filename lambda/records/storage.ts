import type { StorageDefinition } from '../shared/storage-definition';

export const RECORDS_TABLES = { records: 'records' } as const;
export const RECORDS_INDEXES = { byDepartment: 'byDepartment', byClass: 'byClass', bySchedule: 'bySchedule' } as const;
export const RECORDS_BUCKETS = { content: 'records-content' } as const;

/**
 * The records service's storage. One table holds each department's file plan and schedules
 * (`PLAN#<department>`), each record (`RECORD#<id>`) with its event history under the same key,
 * and Idempotency-Key claims; the indexes list records by department, class and schedule. The
 * content bucket has Object Lock (as every bucket of the platform), and each object is written
 * with its own retention.
 */
export const storage: StorageDefinition = {
  tables: [
    {
      name: RECORDS_TABLES.records,
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [
        {
          name: RECORDS_INDEXES.byDepartment,
          partitionKey: { name: 'department', type: 'S' },
          sortKey: { name: 'declaredKey', type: 'S' },
        },
        { name: RECORDS_INDEXES.byClass, partitionKey: { name: 'classKey', type: 'S' }, sortKey: { name: 'declaredKey', type: 'S' } },
        { name: RECORDS_INDEXES.bySchedule, partitionKey: { name: 'scheduleKey', type: 'S' }, sortKey: { name: 'declaredKey', type: 'S' } },
      ],
      ttlAttribute: 'expiresAt',
    },
  ],
  buckets: [{ name: RECORDS_BUCKETS.content, browserUploads: true }],
};

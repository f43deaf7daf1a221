import type { IndexDefinition, StorageDefinition } from '../shared/storage-definition';

/** Logical names, prefixed where a plain word could clash with another service's in one environment. */
export const NOTIFY_TABLES = { directory: 'notify-directory', notifications: 'notifications', work: 'notify-work' } as const;

/**
 * The indexes: `byService` lists a service's notifications newest first (its sort key is
 * `createdAt#id`); `due` is sparse, holding only the pending callback deliveries by the time of
 * their next attempt.
 */
export const NOTIFY_INDEXES = {
  byService: { name: 'byService', partitionKey: { name: 'serviceId', type: 'S' }, sortKey: { name: 'listKey', type: 'S' } },
  due: { name: 'due', partitionKey: { name: 'queue', type: 'S' }, sortKey: { name: 'nextAttemptAt', type: 'S' } },
} as const satisfies Record<string, IndexDefinition>;

/**
 * The notifications service's tables. `directory` holds what departments configure (services,
 * API keys, template versions); `notifications` the messages, readable for the service's
 * retention period; `work` short-lived state (rate and daily counters, idempotency claims,
 * callback deliveries), all expiring by TTL.
 */
export const storage: StorageDefinition = {
  tables: [
    {
      name: NOTIFY_TABLES.directory,
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
    },
    {
      name: NOTIFY_TABLES.notifications,
      partitionKey: { name: 'id', type: 'S' },
      indexes: [NOTIFY_INDEXES.byService],
      ttlAttribute: 'expiresAt',
    },
    {
      name: NOTIFY_TABLES.work,
      partitionKey: { name: 'pk', type: 'S' },
      indexes: [NOTIFY_INDEXES.due],
      ttlAttribute: 'expiresAt',
    },
  ],
  buckets: [],
};

import type { StorageDefinition } from '../shared/storage-definition';

export const PAY_TABLE = 'payments';
export const PAY_INDEXES = { byAccount: 'byAccount', reconciliation: 'reconciliation', dueWebhooks: 'dueWebhooks' } as const;
/** Prefixed: a plain `reports` could clash with another service's bucket in one environment. */
export const PAY_REPORTS_BUCKET = 'payment-reports';

/**
 * The payments service's storage. One table: accounts, hashed API keys, payments (with their
 * refunds and events inside, so a refund and the refunded total change in one conditional
 * write), charge tokens, idempotency claims and webhook deliveries. Indexes list an account's
 * payments by date, gather a department's day for reconciliation, and queue due webhooks.
 * Reconciliation reports are written to the `payment-reports` bucket.
 */
export const storage: StorageDefinition = {
  tables: [
    {
      name: PAY_TABLE,
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [
        { name: PAY_INDEXES.byAccount, partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
        { name: PAY_INDEXES.reconciliation, partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
        { name: PAY_INDEXES.dueWebhooks, partitionKey: { name: 'gsi3pk', type: 'S' }, sortKey: { name: 'gsi3sk', type: 'S' } },
      ],
      ttlAttribute: 'expiresAt',
    },
  ],
  buckets: [{ name: PAY_REPORTS_BUCKET }],
};

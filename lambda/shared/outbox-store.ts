import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from './aws-clients';
import { type Item, queryPage, withoutAttributes } from './dynamo';
import type { Delivery, OutboxStore } from './outbox';

export interface DynamoOutboxOptions {
  /** Physical table name, read when first used. */
  readonly table: () => string;
  /** The item key of a delivery, like `{ pk: 'CALLBACK#' + id }`. */
  readonly keyOf: (id: string) => Item;
  /**
   * The sparse index holding the pending deliveries: its partition key holds `queue` and its sort
   * key the time of the next attempt (the delivery's own `nextAttemptAt`, or a copy of it).
   */
  readonly dueIndex: { readonly name: string; readonly partitionKey: string; readonly sortKey: string };
  /** The partition value of this outbox's pending deliveries, like `callbacks`. */
  readonly queue: string;
  /** How long a delivery is kept after it was made, in seconds (TTL `expiresAt`). */
  readonly keepSeconds: number;
  /** Attributes of the storage, not of the delivery, removed when one is read back. */
  readonly storageAttributes: readonly string[];
}

/** An outbox in a service's table: pending deliveries carry the due index's keys and so sit in it. */
export function dynamoOutbox<D extends Delivery>(options: DynamoOutboxOptions): OutboxStore<D> {
  const index = options.dueIndex;
  const indexAttributes = [index.partitionKey, index.sortKey].filter((name) => name !== 'nextAttemptAt');
  return {
    async save(delivery) {
      const expiresAt = Math.floor(Date.parse(delivery.createdAt) / 1000) + options.keepSeconds;
      const due = delivery.state === 'pending' ? { [index.partitionKey]: options.queue, [index.sortKey]: delivery.nextAttemptAt } : {};
      await dynamo().send(
        new PutCommand({ TableName: options.table(), Item: { ...delivery, ...options.keyOf(delivery.id), expiresAt, ...due } }),
      );
    },
    async due(now, limit) {
      const page = await queryPage(
        {
          TableName: options.table(),
          IndexName: index.name,
          KeyConditionExpression: '#queue = :queue AND #due <= :now',
          ExpressionAttributeNames: { '#queue': index.partitionKey, '#due': index.sortKey },
          ExpressionAttributeValues: { ':queue': options.queue, ':now': now.toISOString() },
        },
        { limit, maxQueries: 1 },
      );
      return page.items.map((item) => withoutAttributes<D>(item, ...options.storageAttributes, ...indexAttributes, 'expiresAt') as D);
    },
  };
}

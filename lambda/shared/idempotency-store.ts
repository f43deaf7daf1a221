import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from './aws-clients';
import { conditionalDelete, conditionalPut, type Item } from './dynamo';
import type { IdempotencyClaim, IdempotencyStore } from './idempotency';

export interface DynamoIdempotencyStoreOptions {
  /** Physical table name, read when first used. */
  readonly table: () => string;
  /** The item key of a scoped idempotency key, like `{ pk: 'IDEMPOTENCY#' + scope }`. */
  readonly keyOf: (scope: string) => Item;
  /** Attribute that must be absent for a key never claimed, like `pk`. */
  readonly partitionKey: string;
  /**
   * Attribute holding the claimed result's id, in the service's words (`notificationId`, `paymentId`).
   * @default 'resultId'
   */
  readonly resultAttribute?: string;
  /** Further attributes written on each claim, like a `kind`. @default - none */
  readonly extra?: Item;
}

/**
 * Claims as items of the service's own table, expiring by its TTL attribute `expiresAt`. TTL
 * deletes lazily, so a claim past its expiry may still be there: it no longer counts.
 */
export function dynamoIdempotencyStore(options: DynamoIdempotencyStoreOptions): IdempotencyStore {
  const result = options.resultAttribute ?? 'resultId';
  return {
    async get(scope) {
      const { Item } = await dynamo().send(new GetCommand({ TableName: options.table(), Key: options.keyOf(scope), ConsistentRead: true }));
      if (!Item || typeof Item.fingerprint !== 'string') return undefined;
      return {
        fingerprint: Item.fingerprint,
        resultId: String(Item[result]),
        expiresAt: Number(Item.expiresAt),
      } satisfies IdempotencyClaim;
    },
    async claim(scope, claim, nowSeconds) {
      const outcome = await conditionalPut({
        TableName: options.table(),
        Item: {
          ...options.extra,
          ...options.keyOf(scope),
          fingerprint: claim.fingerprint,
          [result]: claim.resultId,
          expiresAt: claim.expiresAt,
        },
        ConditionExpression: 'attribute_not_exists(#pk) OR expiresAt <= :now',
        ExpressionAttributeNames: { '#pk': options.partitionKey },
        ExpressionAttributeValues: { ':now': nowSeconds },
      });
      return outcome.won;
    },
    async release(scope, resultId) {
      await conditionalDelete({
        TableName: options.table(),
        Key: options.keyOf(scope),
        ConditionExpression: '#result = :id',
        ExpressionAttributeNames: { '#result': result },
        ExpressionAttributeValues: { ':id': resultId },
      });
    },
  };
}

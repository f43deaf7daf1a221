import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../shared/aws-clients';
import { tableEnvName } from '../../shared/storage-definition';
import type { CallbackDelivery } from '../domain/callbacks';
import type { IdempotencyClaim } from '../domain/idempotency';
import type { WorkStore } from '../ports';
import { NOTIFY_TABLES } from '../storage';
import { conditionally, withoutKeys } from './conditional';

/**
 * Counters, idempotency claims and callback deliveries, each an item expiring by TTL. Counters
 * are atomic `ADD`s; a claim is a conditional put, so two requests with one key cannot both win;
 * pending callbacks sit in the sparse `due` index until delivered or abandoned.
 */
const table = () => tableName(tableEnvName(NOTIFY_TABLES.work));
const CALLBACK_QUEUE = 'callbacks';
const CALLBACK_KEEP_SECONDS = 7 * 24 * 3600;

export class DynamoWorkStore implements WorkStore {
  async incrementCounter(name: string, expiresAt: number): Promise<number> {
    const updated = await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: `COUNTER#${name}` },
        UpdateExpression: 'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':expiresAt': expiresAt },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(updated.Attributes?.count ?? 0);
  }

  async readCounter(name: string): Promise<number> {
    const got = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: `COUNTER#${name}` } }));
    return Number(got.Item?.count ?? 0);
  }

  async getIdempotencyClaim(scope: string): Promise<IdempotencyClaim | undefined> {
    const got = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: `IDEMPOTENCY#${scope}` }, ConsistentRead: true }));
    return withoutKeys<IdempotencyClaim>(got.Item, 'pk');
  }

  async claimIdempotencyKey(scope: string, claim: IdempotencyClaim, nowSeconds: number): Promise<boolean> {
    return conditionally(
      dynamo().send(
        new PutCommand({
          TableName: table(),
          Item: { ...claim, pk: `IDEMPOTENCY#${scope}` },
          // TTL deletes lazily, so an expired claim may still be there: it no longer counts.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
      ),
    );
  }

  async releaseIdempotencyKey(scope: string, notificationId: string): Promise<void> {
    await conditionally(
      dynamo().send(
        new DeleteCommand({
          TableName: table(),
          Key: { pk: `IDEMPOTENCY#${scope}` },
          ConditionExpression: 'notificationId = :id',
          ExpressionAttributeValues: { ':id': notificationId },
        }),
      ),
    );
  }

  async saveCallback(delivery: CallbackDelivery): Promise<void> {
    const expiresAt = Math.floor(new Date(delivery.createdAt).getTime() / 1000) + CALLBACK_KEEP_SECONDS;
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...delivery, pk: `CALLBACK#${delivery.id}`, expiresAt, ...(delivery.state === 'pending' ? { queue: CALLBACK_QUEUE } : {}) },
      }),
    );
  }

  async dueCallbacks(now: Date, limit: number): Promise<CallbackDelivery[]> {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'due',
        KeyConditionExpression: '#queue = :queue AND nextAttemptAt <= :now',
        ExpressionAttributeNames: { '#queue': 'queue' },
        ExpressionAttributeValues: { ':queue': CALLBACK_QUEUE, ':now': now.toISOString() },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => withoutKeys<CallbackDelivery>(item, 'pk', 'queue', 'expiresAt') as CallbackDelivery);
  }
}

import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { tableOf } from '../../shared/dynamo';
import type { IdempotencyStore } from '../../shared/idempotency';
import { dynamoIdempotencyStore } from '../../shared/idempotency-store';
import type { OutboxStore } from '../../shared/outbox';
import { dynamoOutbox } from '../../shared/outbox-store';
import type { CallbackDelivery } from '../domain/callbacks';
import type { CounterStore } from '../ports';
import { NOTIFY_INDEXES, NOTIFY_TABLES } from '../storage';

/**
 * The work table: counters, idempotency claims and callback deliveries, each an item expiring
 * by TTL. Counters are atomic `ADD`s; a claim is a conditional put, so two requests with one
 * key cannot both win; pending callbacks sit in the sparse `due` index until delivered or
 * abandoned.
 */
const table = () => tableOf(NOTIFY_TABLES.work);
const CALLBACK_KEEP_SECONDS = 7 * 24 * 3600;

export class DynamoCounterStore implements CounterStore {
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
}

/** Claims `IDEMPOTENCY#<service id>#<key>`, naming the notification the claiming request creates. */
export function workIdempotencyStore(): IdempotencyStore {
  return dynamoIdempotencyStore({
    table,
    keyOf: (scope) => ({ pk: `IDEMPOTENCY#${scope}` }),
    partitionKey: 'pk',
    resultAttribute: 'notificationId',
  });
}

/** Delivery receipts as `CALLBACK#<id>`, kept a week; pending ones in the `due` index under `callbacks`. */
export function callbackOutbox(): OutboxStore<CallbackDelivery> {
  const due = NOTIFY_INDEXES.due;
  return dynamoOutbox<CallbackDelivery>({
    table,
    keyOf: (id) => ({ pk: `CALLBACK#${id}` }),
    dueIndex: { name: due.name, partitionKey: due.partitionKey.name, sortKey: due.sortKey.name },
    queue: 'callbacks',
    keepSeconds: CALLBACK_KEEP_SECONDS,
    storageAttributes: ['pk'],
  });
}

import { tableOf } from '../../shared/dynamo';
import type { IdempotencyStore } from '../../shared/idempotency';
import { dynamoIdempotencyStore } from '../../shared/idempotency-store';
import { PAY_TABLE } from '../storage';

/** Claims on `Idempotency-Key`s: `IDEMPOTENCY#<account>#<key>` items of the payments table, naming the payment each created. */
export function paymentIdempotencyStore(): IdempotencyStore {
  return dynamoIdempotencyStore({
    table: () => tableOf(PAY_TABLE),
    keyOf: (scope) => ({ pk: `IDEMPOTENCY#${scope}`, sk: 'IDEMPOTENCY' }),
    partitionKey: 'pk',
    resultAttribute: 'paymentId',
  });
}

import { conditionalPut } from '../../shared/dynamo';
import type { AccessRequest } from '../domain/grant';
import type { RequestStore } from '../ports';
import { getItem, table } from './table';

/** Access requests under `REQUEST#<id>`; a decision is written only over a pending request. */
export class DynamoRequestStore implements RequestStore {
  async create(request: AccessRequest): Promise<void> {
    const item = { ...request, pk: `REQUEST#${request.id}`, sk: 'REQUEST', kind: 'access-request' };
    const written = await conditionalPut({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' });
    if (!written.won) throw new Error(`Access request ${request.id} exists already.`);
  }

  get(id: string): Promise<AccessRequest | undefined> {
    return getItem<AccessRequest>(`REQUEST#${id}`, 'REQUEST', 'access-request');
  }

  async decide(decided: AccessRequest): Promise<boolean> {
    const item = { ...decided, pk: `REQUEST#${decided.id}`, sk: 'REQUEST', kind: 'access-request' };
    const written = await conditionalPut({
      TableName: table(),
      Item: item,
      ConditionExpression: '#state = :pending',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':pending': 'pending' },
    });
    return written.won;
  }
}

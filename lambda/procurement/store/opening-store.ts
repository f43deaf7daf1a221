import { conditionalDelete, conditionalPut } from '../../shared/dynamo';
import type { Opening, OpeningRequest } from '../domain/opening';
import type { OpeningStore } from '../ports';
import { getItem, table } from './table';

const pk = (tenderId: string) => `TENDER#${tenderId}`;
const REQUEST = 'OPENING-REQUEST';
const OPENING = 'OPENING';

/** A tender's pending opening request and, once confirmed, its opening, under the tender. */
export class DynamoOpeningStore implements OpeningStore {
  pending(tenderId: string): Promise<OpeningRequest | undefined> {
    return getItem<OpeningRequest>(pk(tenderId), REQUEST, 'opening-request');
  }

  async request(request: OpeningRequest, at: string): Promise<boolean> {
    const written = await conditionalPut({
      TableName: table(),
      Item: { ...request, pk: pk(request.tenderId), sk: REQUEST, kind: 'opening-request' },
      // A lapsed request may be replaced; a live one only confirmed.
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :at',
      ExpressionAttributeValues: { ':at': at },
    });
    return written.won;
  }

  async record(opening: Opening): Promise<boolean> {
    const written = await conditionalPut({
      TableName: table(),
      Item: { ...opening, pk: pk(opening.tenderId), sk: OPENING, kind: 'opening' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (!written.won) return false;
    await conditionalDelete({
      TableName: table(),
      Key: { pk: pk(opening.tenderId), sk: REQUEST },
      ConditionExpression: 'attribute_exists(pk)',
    });
    return true;
  }

  get(tenderId: string): Promise<Opening | undefined> {
    return getItem<Opening>(pk(tenderId), OPENING, 'opening');
  }
}

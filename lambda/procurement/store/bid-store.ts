import { conditionalPut, putAtVersion } from '../../shared/dynamo';
import type { Bid } from '../domain/sealed-bid';
import type { BidStore } from '../ports';
import { allOfPartition, getItem, table } from './table';

const pk = (tenderId: string) => `TENDER#${tenderId}`;
const sk = (supplierId: string) => `BID#${supplierId}`;

/** Sealed bids under their tender, one item per supplier (`BID#<supplier>`), versioned. */
export class DynamoBidStore implements BidStore {
  get(tenderId: string, supplierId: string): Promise<Bid | undefined> {
    return getItem<Bid>(pk(tenderId), sk(supplierId), 'bid');
  }

  async put(bid: Bid, expectedVersion: number): Promise<boolean> {
    const item = { ...bid, pk: pk(bid.tenderId), sk: sk(bid.supplierId), kind: 'bid' };
    if (expectedVersion === 0)
      return (await conditionalPut({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' })).won;
    return putAtVersion(table(), item, expectedVersion);
  }

  ofTender(tenderId: string): Promise<readonly Bid[]> {
    return allOfPartition<Bid>(pk(tenderId), 'BID#');
  }
}

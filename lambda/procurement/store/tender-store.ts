import { conditionalPut, putAtVersion, queryPage } from '../../shared/dynamo';
import type { Tender } from '../domain/tender';
import type { PageOf, PageRequest, TenderStore } from '../ports';
import { PROCUREMENT_INDEXES } from '../storage';
import { getItem, strip, table } from './table';

const PUBLISHED = 'published';
const key = (id: string) => ({ pk: `TENDER#${id}`, sk: 'TENDER' });

/** A tender's item; once published it is listed by its publication time. */
const toItem = (t: Tender) => ({
  ...t,
  ...key(t.id),
  kind: 'tender',
  ...(t.publishedAt ? { listing: PUBLISHED, listingKey: `${t.publishedAt}#${t.id}` } : {}),
});

/** Tenders as `TENDER#<id>` / `TENDER`, versioned; published ones in the tendersByStatus index. */
export class DynamoTenderStore implements TenderStore {
  get(id: string): Promise<Tender | undefined> {
    return getItem<Tender>(key(id).pk, 'TENDER', 'tender');
  }

  async create(tender: Tender): Promise<boolean> {
    return (await conditionalPut({ TableName: table(), Item: toItem(tender), ConditionExpression: 'attribute_not_exists(pk)' })).won;
  }

  update(next: Tender, expectedVersion: number): Promise<boolean> {
    return putAtVersion(table(), toItem(next), expectedVersion);
  }

  async listPublished(page: PageRequest): Promise<PageOf<Tender>> {
    const after = page.after?.match(/^(.+)#(T-[0-9]{4}-[0-9A-Z]{8})$/);
    const result = await queryPage(
      {
        TableName: table(),
        IndexName: PROCUREMENT_INDEXES.tendersByStatus,
        KeyConditionExpression: 'listing = :listing',
        ExpressionAttributeValues: { ':listing': PUBLISHED },
        ScanIndexForward: false,
      },
      {
        limit: page.limit,
        startKey: after ? { listing: PUBLISHED, listingKey: page.after, ...key(after[2]) } : undefined,
      },
    );
    return { items: result.items.map((i) => strip<Tender>(i)), next: result.lastKey ? String(result.lastKey.listingKey) : undefined };
  }
}

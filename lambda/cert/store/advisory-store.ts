import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalPut, queryPage, tableOf, withoutAttributes } from '../../shared/dynamo';
import type { Advisory } from '../domain/advisory';
import type { CursorPosition } from '../domain/paging';
import type { AdvisoryStore, PageOf } from '../ports';
import { CERT_INDEXES, CERT_TABLES } from '../storage';
import { nextSequence } from './sequence';

const ADVISORY = 'ADVISORY#';
/** The `byFeed` partition of advisories; the known-exploited catalogue has its own. */
const FEED = 'advisory';
/** What an advisory item holds beyond the advisory. */
export const FEED_ATTRIBUTES = ['pk', 'kind', 'feed', 'feedKey'] as const;

const table = () => tableOf(CERT_TABLES.advisories);

/** Advisories and their monthly counters in the `advisories` table. */
export class DynamoAdvisoryStore implements AdvisoryStore {
  nextAdvisorySequence(year: number, month: number): Promise<number> {
    return nextSequence(table(), `ADVISORY#${year}-${String(month).padStart(2, '0')}`);
  }

  async create(advisory: Advisory): Promise<boolean> {
    const item = {
      ...advisory,
      pk: ADVISORY + advisory.id,
      kind: 'advisory',
      feed: FEED,
      feedKey: `${advisory.publishedAt}#${advisory.id}`,
    };
    return (await conditionalPut({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' })).won;
  }

  async get(id: string): Promise<Advisory | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: ADVISORY + id } }));
    return Item?.kind === 'advisory' ? withoutAttributes<Advisory>(Item, ...FEED_ATTRIBUTES) : undefined;
  }

  async list(query: { readonly after?: CursorPosition; readonly limit: number }): Promise<PageOf<Advisory>> {
    const page = await queryPage(
      {
        TableName: table(),
        IndexName: CERT_INDEXES.byFeed,
        KeyConditionExpression: 'feed = :feed',
        ExpressionAttributeValues: { ':feed': FEED },
        ScanIndexForward: false,
      },
      { limit: query.limit, startKey: query.after && { pk: ADVISORY + query.after.id, feed: FEED, feedKey: query.after.sort } },
    );
    const last = page.lastKey;
    return {
      items: page.items.map((item) => withoutAttributes<Advisory>(item, ...FEED_ATTRIBUTES) as Advisory),
      next: last ? { sort: String(last.feedKey), id: String(last.pk).slice(ADVISORY.length) } : undefined,
    };
  }
}

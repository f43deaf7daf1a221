import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../shared/aws-clients';
import { tableEnvName } from '../../shared/storage-definition';
import type { Advisory } from '../domain/advisory';
import type { CursorPosition } from '../domain/cursor';
import type { StoredKevEntry } from '../domain/kev';
import type { AdvisoryStore, PageOf } from '../ports';
import { CERT_INDEXES, CERT_TABLES } from '../storage';
import { conditionally, nextSequence } from './dynamo';

const ADVISORY = 'ADVISORY#';
const KEV = 'KEV#';
const FEEDS = { advisories: 'advisory', kev: 'kev' } as const;

function strip<T>(item: Record<string, unknown>): T {
  const { pk, kind, feed, feedKey, ...rest } = item;
  return rest as T;
}

/** Advisories, their monthly counters and the known-exploited catalogue in the `advisories` table. */
export class DynamoAdvisoryStore implements AdvisoryStore {
  private readonly table = tableName(tableEnvName(CERT_TABLES.advisories));

  nextAdvisorySequence(year: number, month: number): Promise<number> {
    return nextSequence(this.table, `ADVISORY#${year}-${String(month).padStart(2, '0')}`);
  }

  create(advisory: Advisory): Promise<boolean> {
    const item = {
      ...advisory,
      pk: ADVISORY + advisory.id,
      kind: 'advisory',
      feed: FEEDS.advisories,
      feedKey: `${advisory.publishedAt}#${advisory.id}`,
    };
    return conditionally(() =>
      dynamo().send(new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  }

  async get(id: string): Promise<Advisory | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: { pk: ADVISORY + id } }));
    return Item?.kind === 'advisory' ? strip<Advisory>(Item) : undefined;
  }

  async list(query: { readonly after?: CursorPosition; readonly limit: number }): Promise<PageOf<Advisory>> {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: this.table,
        IndexName: CERT_INDEXES.byFeed,
        KeyConditionExpression: 'feed = :feed',
        ExpressionAttributeValues: { ':feed': FEEDS.advisories },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: query.after ? { pk: ADVISORY + query.after.id, feed: FEEDS.advisories, feedKey: query.after.sort } : undefined,
      }),
    );
    const last = out.LastEvaluatedKey;
    return {
      items: (out.Items ?? []).map((i) => strip<Advisory>(i)),
      next: last ? { sort: String(last.feedKey), id: String(last.pk).slice(ADVISORY.length) } : undefined,
    };
  }

  addKnownExploited(entry: StoredKevEntry): Promise<boolean> {
    const item = { ...entry, pk: KEV + entry.cveID, kind: 'kev', feed: FEEDS.kev, feedKey: `${entry.addedAt}#${entry.cveID}` };
    return conditionally(() =>
      dynamo().send(new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  }

  async listKnownExploited(): Promise<readonly StoredKevEntry[]> {
    const entries: StoredKevEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await dynamo().send(
        new QueryCommand({
          TableName: this.table,
          IndexName: CERT_INDEXES.byFeed,
          KeyConditionExpression: 'feed = :feed',
          ExpressionAttributeValues: { ':feed': FEEDS.kev },
          ScanIndexForward: false,
          ExclusiveStartKey: start,
        }),
      );
      entries.push(...(out.Items ?? []).map((i) => strip<StoredKevEntry>(i)));
      start = out.LastEvaluatedKey;
    } while (start);
    return entries;
  }
}

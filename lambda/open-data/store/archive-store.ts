import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalPut, queryAll, tableOf } from '../../shared/dynamo';
import { type ArchiveVersion, type FileActivity, hongKongTime } from '../domain/archive';
import type { ArchiveRepository } from '../ports';
import { OPEN_DATA_INDEXES, OPEN_DATA_TABLES } from '../storage';

/**
 * The historical archive. S3 keeps each upload at its own immutable key (embedded S3 has no
 * object versions, and none are needed); DynamoDB keeps, per file URL:
 * - `V#<Hong Kong time>#<object key>`: one item per version, written once;
 * - `M#<YYYYMM>`: the month's version count per day (attributes `dYYYYMMDD`), indexed by month
 *   so list-files reads only the months it asks about.
 */
const fileKey = (url: string) => `FILE#${url}`;

/** How many months list-files reads at once: a period's months are read a few at a time, never all together. */
export const MONTH_READS_AT_ONCE = 4;

/** `read` of every item, at most `limit` at a time, the results in the items' order. */
async function inTurns<T, R>(items: readonly T[], limit: number, read: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await read(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export class DynamoArchiveRepository implements ArchiveRepository {
  private get tableName(): string {
    return tableOf(OPEN_DATA_TABLES.archive);
  }

  async record(version: ArchiveVersion): Promise<void> {
    const time = hongKongTime(version.archivedAt);
    const first = await conditionalPut({
      TableName: this.tableName,
      Item: { pk: fileKey(version.url), sk: `V#${time.precise}#${version.objectKey}`, ...version },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    // The same version recorded again (a repeated completion): already counted.
    if (!first.won) return;
    await dynamo().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: fileKey(version.url), sk: `M#${time.day.slice(0, 6)}` },
        UpdateExpression: 'SET #month = :month, #url = :url, packageId = :packageId, resourceId = :resourceId ADD #day :one',
        ExpressionAttributeNames: { '#month': 'month', '#url': 'url', '#day': `d${time.day}` },
        ExpressionAttributeValues: {
          ':month': time.day.slice(0, 6),
          ':url': version.url,
          ':packageId': version.packageId,
          ':resourceId': version.resourceId,
          ':one': 1,
        },
      }),
    );
  }

  async versions(url: string, startDay: string, endDay: string): Promise<ArchiveVersion[]> {
    const items = await queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': fileKey(url), ':from': `V#${startDay}`, ':to': `V#${endDay}~` },
    });
    return items.map((item) => ({
      url: item.url,
      packageId: item.packageId,
      resourceId: item.resourceId,
      archivedAt: item.archivedAt,
      objectKey: item.objectKey,
      size: item.size,
      sha256: item.sha256,
      mimetype: item.mimetype,
    }));
  }

  async activity(months: readonly string[]): Promise<FileActivity[]> {
    const pages = await inTurns(months, MONTH_READS_AT_ONCE, (month) =>
      queryAll({
        TableName: this.tableName,
        IndexName: OPEN_DATA_INDEXES.byMonth,
        KeyConditionExpression: '#month = :month',
        ExpressionAttributeNames: { '#month': 'month' },
        ExpressionAttributeValues: { ':month': month },
      }),
    );
    const byUrl = new Map<string, { url: string; packageId: string; resourceId: string; days: Record<string, number> }>();
    for (const item of pages.flat()) {
      const url = item.url as string;
      const entry = byUrl.get(url) ?? { url, packageId: item.packageId as string, resourceId: item.resourceId as string, days: {} };
      for (const [attribute, value] of Object.entries(item)) {
        if (/^d\d{8}$/.test(attribute)) entry.days[attribute.slice(1)] = (entry.days[attribute.slice(1)] ?? 0) + Number(value);
      }
      byUrl.set(url, entry);
    }
    return [...byUrl.values()];
  }
}

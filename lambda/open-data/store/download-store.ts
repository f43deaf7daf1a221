import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { queryAll, scanAll, tableOf } from '../../shared/dynamo';
import { type DownloadCount, type DownloadEvent, downloadDay } from '../domain/downloads';
import type { DownloadRepository } from '../ports';
import { OPEN_DATA_TABLES } from '../storage';

/** One counter per dataset, resource and Hong Kong day, incremented atomically per download. */
export class DynamoDownloadRepository implements DownloadRepository {
  private get tableName(): string {
    return tableOf(OPEN_DATA_TABLES.downloads);
  }

  async record(event: DownloadEvent): Promise<void> {
    const day = downloadDay(event.at);
    await dynamo().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `PKG#${event.packageId}`, sk: `D#${day}#${event.resourceId}` },
        UpdateExpression: 'SET packageId = :packageId, resourceId = :resourceId, #day = :day ADD #count :one',
        ExpressionAttributeNames: { '#day': 'day', '#count': 'count' },
        ExpressionAttributeValues: { ':packageId': event.packageId, ':resourceId': event.resourceId, ':day': day, ':one': 1 },
      }),
    );
  }

  async counts(packageId?: string): Promise<DownloadCount[]> {
    const items = packageId
      ? await queryAll({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `PKG#${packageId}` },
        })
      : await scanAll({ TableName: this.tableName }, 2);
    return items.map((item) => ({ packageId: item.packageId, resourceId: item.resourceId, day: item.day, count: Number(item.count) }));
  }
}

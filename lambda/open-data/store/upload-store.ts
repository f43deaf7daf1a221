import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalUpdate, tableOf } from '../../shared/dynamo';
import type { UploadIntent, UploadRepository } from '../ports';
import { OPEN_DATA_TABLES } from '../storage';

/** Pending uploads; the service refuses them after `expiresAt`. */
export class DynamoUploadRepository implements UploadRepository {
  private get tableName(): string {
    return tableOf(OPEN_DATA_TABLES.uploads);
  }

  async put(intent: UploadIntent): Promise<void> {
    await dynamo().send(
      new PutCommand({ TableName: this.tableName, Item: { ...intent }, ConditionExpression: 'attribute_not_exists(uploadId)' }),
    );
  }

  async get(uploadId: string): Promise<UploadIntent | undefined> {
    const got = await dynamo().send(new GetCommand({ TableName: this.tableName, Key: { uploadId }, ConsistentRead: true }));
    if (!got.Item) return undefined;
    const { completedAt: _completedAt, ...intent } = got.Item;
    return intent as UploadIntent;
  }

  async complete(uploadId: string, at: string): Promise<boolean> {
    const completed = await conditionalUpdate({
      TableName: this.tableName,
      Key: { uploadId },
      UpdateExpression: 'SET completedAt = :at',
      ConditionExpression: 'attribute_exists(uploadId) AND attribute_not_exists(completedAt)',
      ExpressionAttributeValues: { ':at': at },
    });
    return completed.won;
  }
}

import { conditionalPut, conditionalUpdate, tableOf } from '../../shared/dynamo';
import type { AuditEntry, AuditLog } from '../ports';
import { IDENTITY_TABLES } from '../storage';

const table = () => tableOf(IDENTITY_TABLES.audit);

/** The audit in DynamoDB: entries per department in time order, and the per-minute query counters. */
export class DynamoAuditLog implements AuditLog {
  async append(entry: AuditEntry): Promise<void> {
    const result = await conditionalPut({
      TableName: table(),
      Item: { pk: `DEPT#${entry.department}`, sk: `${entry.at}#${entry.requestId}#${entry.kind}`, ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (!result.won) throw new Error(`Audit entry ${entry.requestId} exists: an entry is written once.`);
  }

  async countQuery(department: string, window: { key: string; endsAt: Date }, limit: number): Promise<boolean> {
    const result = await conditionalUpdate({
      TableName: table(),
      Key: { pk: `RATE#${department}`, sk: window.key },
      UpdateExpression: 'ADD queries :one SET expiresAt = :expires',
      ConditionExpression: 'attribute_not_exists(queries) OR queries < :limit',
      ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expires': Math.floor(window.endsAt.getTime() / 1000) + 3600 },
    });
    return result.won;
  }
}

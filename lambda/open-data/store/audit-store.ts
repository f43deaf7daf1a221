import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { queryAll, tableOf } from '../../shared/dynamo';
import type { AuditEntry, AuditLog } from '../ports';
import { OPEN_DATA_TABLES } from '../storage';

/** Audit records per dataset, in time order; never updated. */
export class DynamoAuditLog implements AuditLog {
  private get tableName(): string {
    return tableOf(OPEN_DATA_TABLES.audit);
  }

  async record(entry: AuditEntry): Promise<void> {
    await dynamo().send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `PKG#${entry.packageId}`, sk: `${entry.at}#${randomUUID()}`, ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** A dataset's audit trail, oldest first. */
  async forPackage(packageId: string): Promise<AuditEntry[]> {
    const items = await queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `PKG#${packageId}` },
    });
    return items.map(({ pk: _pk, sk: _sk, ...entry }) => entry as AuditEntry);
  }
}

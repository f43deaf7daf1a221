import { conditionalPut } from '../../shared/dynamo';
import type { AuditEvent } from '../domain/audit';
import type { AuditLog, PageOf, PageRequest } from '../ports';
import { pageOfPartition, table } from './table';

/** The audit log: `AUDIT#<subject>` / `<at>#<id>`, appended only, never overwritten. */
export class DynamoAuditLog implements AuditLog {
  async append(event: AuditEvent): Promise<void> {
    const item = { ...event, pk: `AUDIT#${event.subject}`, sk: `EVENT#${event.at}#${event.id}`, kind: 'audit' };
    const written = await conditionalPut({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' });
    if (!written.won) throw new Error(`Audit event ${event.id} exists already: the log is never overwritten.`);
  }

  list(subject: string, page: PageRequest): Promise<PageOf<AuditEvent>> {
    return pageOfPartition<AuditEvent>(`AUDIT#${subject}`, 'EVENT#', page);
  }
}

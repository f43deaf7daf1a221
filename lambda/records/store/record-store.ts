import { conditionalPut, type Item, putAtVersion, queryAll, queryPage, withoutAttributes } from '../../shared/dynamo';
import type { DisposalCertificate } from '../domain/disposal';
import type { RecordEvent } from '../domain/events';
import type { RecordItem } from '../domain/record';
import type { EventLog, PageOf, PageRequest, RecordStore } from '../ports';
import { RECORDS_INDEXES } from '../storage';
import { getItem, pageOfPartition, STORAGE_ATTRIBUTES, table } from './table';

const RECORD = 'RECORD#';
const EVENT = 'EVENT#';
const KEEP = ['department'];

function toItem(record: RecordItem): Item {
  return {
    ...record,
    pk: RECORD + record.id,
    sk: 'RECORD',
    kind: 'record',
    classKey: `${record.department}#${record.classCode}`,
    scheduleKey: `${record.department}#${record.scheduleId}`,
    declaredKey: `${record.declaredAt}#${record.id}`,
  };
}

const fromItem = (item: Item) => withoutAttributes<RecordItem>(item, ...STORAGE_ATTRIBUTES.filter((a) => !KEEP.includes(a))) as RecordItem;

/** Records as items `RECORD#<id>` / `RECORD`, versioned, indexed by department, class and schedule. */
export class DynamoRecordStore implements RecordStore {
  get(id: string): Promise<RecordItem | undefined> {
    return getItem<RecordItem>(RECORD + id, 'RECORD', 'record', KEEP);
  }

  async create(record: RecordItem): Promise<boolean> {
    return (await conditionalPut({ TableName: table(), Item: toItem(record), ConditionExpression: 'attribute_not_exists(pk)' })).won;
  }

  update(next: RecordItem, expectedVersion: number): Promise<boolean> {
    return putAtVersion(table(), toItem(next), expectedVersion);
  }

  async list(department: string, query: PageRequest & { readonly classCode?: string }): Promise<PageOf<RecordItem>> {
    const byClass = query.classCode !== undefined;
    const partition = byClass ? { classKey: `${department}#${query.classCode}` } : { department };
    const [name, value] = Object.entries(partition)[0];
    const id = query.after?.split('#')[1];
    const page = await queryPage(
      {
        TableName: table(),
        IndexName: byClass ? RECORDS_INDEXES.byClass : RECORDS_INDEXES.byDepartment,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': name },
        ExpressionAttributeValues: { ':p': value },
        ScanIndexForward: false,
      },
      {
        limit: query.limit,
        startKey: query.after && id ? { pk: RECORD + id, sk: 'RECORD', declaredKey: query.after, ...partition } : undefined,
      },
    );
    return { items: page.items.map(fromItem), next: page.lastKey ? String(page.lastKey.declaredKey) : undefined };
  }

  async listDue(department: string, at: string, query: PageRequest): Promise<PageOf<RecordItem>> {
    const id = query.after?.split('#')[1];
    const page = await queryPage(
      {
        TableName: table(),
        IndexName: RECORDS_INDEXES.byDepartment,
        KeyConditionExpression: 'department = :d',
        FilterExpression: '#state = :kept AND dueAt <= :at AND attribute_not_exists(disposal.disposedAt)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':d': department, ':kept': 'kept', ':at': at },
        ScanIndexForward: false,
      },
      {
        limit: query.limit,
        startKey: query.after && id ? { pk: RECORD + id, sk: 'RECORD', declaredKey: query.after, department } : undefined,
      },
    );
    return { items: page.items.map(fromItem), next: page.lastKey ? String(page.lastKey.declaredKey) : undefined };
  }

  async putCertificate(certificate: DisposalCertificate): Promise<boolean> {
    const item = { ...certificate, pk: RECORD + certificate.recordId, sk: 'CERTIFICATE', kind: 'certificate' };
    return (await conditionalPut({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' })).won;
  }

  getCertificate(recordId: string): Promise<DisposalCertificate | undefined> {
    return getItem<DisposalCertificate>(RECORD + recordId, 'CERTIFICATE', 'certificate', KEEP);
  }

  async underSchedule(department: string, scheduleId: string): Promise<readonly RecordItem[]> {
    const items = await queryAll({
      TableName: table(),
      IndexName: RECORDS_INDEXES.bySchedule,
      KeyConditionExpression: 'scheduleKey = :s',
      ExpressionAttributeValues: { ':s': `${department}#${scheduleId}` },
    });
    return items.map(fromItem);
  }
}

/** Each record's events under its own key, `EVENT#<id>`, written only where none is. */
export class DynamoEventLog implements EventLog {
  async append(event: RecordEvent): Promise<void> {
    const written = await conditionalPut({
      TableName: table(),
      Item: { ...event, pk: RECORD + event.recordId, sk: EVENT + event.id, kind: 'event' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (!written.won) throw new Error(`Event ${event.id} of record ${event.recordId} exists: an event is never overwritten`);
  }

  list(recordId: string, page: PageRequest): Promise<PageOf<RecordEvent>> {
    return pageOfPartition<RecordEvent>(RECORD + recordId, EVENT, page, KEEP);
  }
}

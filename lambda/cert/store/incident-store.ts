import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalPut, conditionalUpdate, type Item, queryPage, tableOf, withoutAttributes } from '../../shared/dynamo';
import type { IdempotencyStore } from '../../shared/idempotency';
import { dynamoIdempotencyStore } from '../../shared/idempotency-store';
import type { Incident } from '../domain/incident';
import type { CursorPosition } from '../domain/paging';
import type { IncidentQuery, IncidentStore, PageOf } from '../ports';
import { CERT_INDEXES, CERT_TABLES } from '../storage';
import { nextSequence } from './sequence';

const INCIDENT = 'INCIDENT#';
/** Report and finding claims share one key space; `report/` and `finding/` keep them apart. */
const CLAIM = 'CLAIM#';
const LIST_KEY = 'incident';
/** Queries one page may make to fill itself when filters drop items. */
const MAX_QUERIES_PER_PAGE = 5;
/** Attributes the sighting counter owns; a triage write leaves them alone. */
const SIGHTING_FIELDS = new Set(['occurrences', 'lastSeenAt']);
/** What an incident item holds beyond the incident. */
const STORAGE_ATTRIBUTES = ['pk', 'kind', 'listKey', 'createdKey'] as const;

const table = () => tableOf(CERT_TABLES.incidents);

function toItem(incident: Incident): Item {
  return {
    ...incident,
    pk: INCIDENT + incident.id,
    kind: 'incident',
    listKey: LIST_KEY,
    createdKey: `${incident.createdAt}#${incident.id}`,
  };
}

const fromItem = (item: Item | undefined) => withoutAttributes<Incident>(item, ...STORAGE_ATTRIBUTES);

/**
 * Idempotency-Key claims of reports, as the items they have always been: `CLAIM#report/<department>/<key>`
 * with the case number they opened, expiring by the table's TTL.
 */
export function reportClaimStore(): IdempotencyStore {
  return dynamoIdempotencyStore({
    table,
    // The toolkit scopes a key as `<department>#<key>`; neither part can hold a `#`.
    keyOf: (scope) => ({ pk: `${CLAIM}report/${scope.replace('#', '/')}` }),
    partitionKey: 'pk',
    resultAttribute: 'caseNumber',
    extra: { kind: 'claim' },
  });
}

/** Incidents, case counters and finding claims in the CERT's `incidents` table. */
export class DynamoIncidentStore implements IncidentStore {
  nextCaseSequence(year: number): Promise<number> {
    return nextSequence(table(), `CASE#${year}`);
  }

  async findingCase(dedupKey: string): Promise<string | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: table(), Key: { pk: `${CLAIM}finding/${dedupKey}` }, ConsistentRead: true }),
    );
    return Item?.caseNumber;
  }

  async claimFinding(dedupKey: string, caseNumber: string, at: Date): Promise<boolean> {
    const written = await conditionalPut({
      TableName: table(),
      Item: { pk: `${CLAIM}finding/${dedupKey}`, kind: 'claim', caseNumber, createdAt: at.toISOString() },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    return written.won;
  }

  async create(incident: Incident): Promise<boolean> {
    const written = await conditionalPut({ TableName: table(), Item: toItem(incident), ConditionExpression: 'attribute_not_exists(pk)' });
    return written.won;
  }

  async get(id: string): Promise<Incident | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: INCIDENT + id }, ConsistentRead: true }));
    return Item?.kind === 'incident' ? fromItem(Item) : undefined;
  }

  async update(next: Incident, expectedVersion: number): Promise<'updated' | 'stale' | 'missing'> {
    const { pk, ...item } = toItem(next);
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':expected': expectedVersion };
    const sets: string[] = [];
    const removes: string[] = [];
    // Each attribute once: an assignee just cleared is in the item as undefined, and removed like one never set.
    const fields = new Set(Object.keys(item).filter((f) => !SIGHTING_FIELDS.has(f)));
    if (next.assignee === undefined) fields.add('assignee');
    for (const [i, field] of [...fields].entries()) {
      names[`#f${i}`] = field;
      const value = item[field];
      if (value === undefined) removes.push(`#f${i}`);
      else {
        values[`:v${i}`] = value;
        sets.push(`#f${i} = :v${i}`);
      }
    }
    const written = await conditionalUpdate({
      TableName: table(),
      Key: { pk },
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    });
    if (written.won) return 'updated';
    return (await this.get(next.id)) ? 'stale' : 'missing';
  }

  async recordSighting(id: string, lastSeenAt: string): Promise<Incident | undefined> {
    const written = await conditionalUpdate({
      TableName: table(),
      Key: { pk: INCIDENT + id },
      UpdateExpression: 'ADD occurrences :one SET lastSeenAt = :seen',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1, ':seen': lastSeenAt },
      ReturnValues: 'ALL_NEW',
    });
    return written.won ? fromItem(written.attributes) : undefined;
  }

  async list(query: IncidentQuery): Promise<PageOf<Incident>> {
    // Newest first, the page after a position older than `since` is empty; DynamoDB would refuse
    // that start key as outside the key condition (a cursor of another query, or forged).
    if (query.after && query.since && query.after.sort < query.since) return { items: [], next: undefined };
    const byDepartment = query.department !== undefined;
    const names: Record<string, string> = { '#p': byDepartment ? 'department' : 'listKey' };
    const values: Record<string, unknown> = { ':p': byDepartment ? query.department : LIST_KEY };
    let keyCondition = '#p = :p';
    if (query.since) {
      names['#c'] = 'createdKey';
      values[':since'] = query.since;
      keyCondition += ' AND #c >= :since';
    }
    const filters: string[] = [];
    for (const field of ['status', 'severity'] as const) {
      if (query[field] === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = query[field];
      filters.push(`#${field} = :${field}`);
    }
    const startKey = (after: CursorPosition) => ({
      pk: INCIDENT + after.id,
      createdKey: after.sort,
      ...(byDepartment ? { department: query.department } : { listKey: LIST_KEY }),
    });

    const page = await queryPage(
      {
        TableName: table(),
        IndexName: byDepartment ? CERT_INDEXES.byDepartment : CERT_INDEXES.byCreation,
        KeyConditionExpression: keyCondition,
        FilterExpression: filters.length ? filters.join(' AND ') : undefined,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
      },
      { limit: query.limit, startKey: query.after && startKey(query.after), maxQueries: MAX_QUERIES_PER_PAGE },
    );
    const last = page.lastKey;
    return {
      items: page.items.map((item) => fromItem(item) as Incident),
      next: last ? { sort: String(last.createdKey), id: String(last.pk).slice(INCIDENT.length) } : undefined,
    };
  }
}

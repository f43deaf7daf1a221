import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../shared/aws-clients';
import { tableEnvName } from '../../shared/storage-definition';
import type { CursorPosition } from '../domain/cursor';
import type { Incident } from '../domain/incident';
import type { Claim, IncidentQuery, IncidentStore, PageOf } from '../ports';
import { CERT_INDEXES, CERT_TABLES } from '../storage';
import { conditionally, nextSequence } from './dynamo';

const INCIDENT = 'INCIDENT#';
const CLAIM = 'CLAIM#';
const LIST_KEY = 'incident';
/** Queries one page may make to fill itself when filters drop items. */
const MAX_QUERIES_PER_PAGE = 5;
/** Attributes the sighting counter owns; a triage write leaves them alone. */
const SIGHTING_FIELDS = new Set(['occurrences', 'lastSeenAt']);

type IncidentItem = Incident & { pk: string; kind: 'incident'; listKey: string; createdKey: string };

function toItem(incident: Incident): IncidentItem {
  return {
    ...incident,
    pk: INCIDENT + incident.id,
    kind: 'incident',
    listKey: LIST_KEY,
    createdKey: `${incident.createdAt}#${incident.id}`,
  };
}

function fromItem(item: Record<string, unknown>): Incident {
  const { pk, kind, listKey, createdKey, ...incident } = item;
  return incident as unknown as Incident;
}

/** Incidents, case counters and claims in the CERT's `incidents` table. */
export class DynamoIncidentStore implements IncidentStore {
  private readonly table = tableName(tableEnvName(CERT_TABLES.incidents));

  nextCaseSequence(year: number): Promise<number> {
    return nextSequence(this.table, `CASE#${year}`);
  }

  async findClaim(key: string, now: Date): Promise<Claim | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: { pk: CLAIM + key }, ConsistentRead: true }));
    if (!Item || (typeof Item.expiresAt === 'number' && Item.expiresAt <= now.getTime() / 1000)) return undefined;
    return { key, caseNumber: Item.caseNumber, fingerprint: Item.fingerprint, createdAt: Item.createdAt };
  }

  claim(claim: Claim, now: Date, ttlSeconds?: number): Promise<boolean> {
    const expiresAt = ttlSeconds === undefined ? undefined : Math.floor(now.getTime() / 1000) + ttlSeconds;
    return conditionally(() =>
      dynamo().send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: CLAIM + claim.key,
            kind: 'claim',
            caseNumber: claim.caseNumber,
            fingerprint: claim.fingerprint,
            createdAt: claim.createdAt,
            expiresAt,
          },
          // Expired claims may linger until DynamoDB's TTL sweep removes them.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
        }),
      ),
    );
  }

  create(incident: Incident): Promise<boolean> {
    return conditionally(() =>
      dynamo().send(new PutCommand({ TableName: this.table, Item: toItem(incident), ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  }

  async get(id: string): Promise<Incident | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: { pk: INCIDENT + id }, ConsistentRead: true }));
    return Item?.kind === 'incident' ? fromItem(Item) : undefined;
  }

  async update(next: Incident, expectedVersion: number): Promise<'updated' | 'stale' | 'missing'> {
    const { pk, ...item } = toItem(next);
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':expected': expectedVersion };
    const sets: string[] = [];
    const removes: string[] = [];
    const fields = Object.keys(item).filter((f) => !SIGHTING_FIELDS.has(f));
    if (next.assignee === undefined) fields.push('assignee');
    for (const [i, field] of fields.entries()) {
      names[`#f${i}`] = field;
      const value = (item as Record<string, unknown>)[field];
      if (value === undefined) removes.push(`#f${i}`);
      else {
        values[`:v${i}`] = value;
        sets.push(`#f${i} = :v${i}`);
      }
    }
    const written = await conditionally(() =>
      dynamo().send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk },
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      ),
    );
    if (written) return 'updated';
    return (await this.get(next.id)) ? 'stale' : 'missing';
  }

  async recordSighting(id: string, lastSeenAt: string): Promise<Incident | undefined> {
    let attributes: Record<string, unknown> | undefined;
    const written = await conditionally(async () => {
      const out = await dynamo().send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: INCIDENT + id },
          UpdateExpression: 'ADD occurrences :one SET lastSeenAt = :seen',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1, ':seen': lastSeenAt },
          ReturnValues: 'ALL_NEW',
        }),
      );
      attributes = out.Attributes;
    });
    return written && attributes ? fromItem(attributes) : undefined;
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

    const items: Incident[] = [];
    let exclusiveStartKey: Record<string, unknown> | undefined = query.after ? startKey(query.after) : undefined;
    for (let i = 0; i < MAX_QUERIES_PER_PAGE && items.length < query.limit; i++) {
      const out = await dynamo().send(
        new QueryCommand({
          TableName: this.table,
          IndexName: byDepartment ? CERT_INDEXES.byDepartment : CERT_INDEXES.byCreation,
          KeyConditionExpression: keyCondition,
          FilterExpression: filters.length ? filters.join(' AND ') : undefined,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: query.limit - items.length,
          ExclusiveStartKey: exclusiveStartKey,
        }),
      );
      items.push(...(out.Items ?? []).map(fromItem));
      exclusiveStartKey = out.LastEvaluatedKey;
      if (!exclusiveStartKey) break;
    }
    const last = exclusiveStartKey;
    return {
      items,
      next: last ? { sort: String(last.createdKey), id: String(last.pk).slice(INCIDENT.length) } : undefined,
    };
  }
}

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { type Item, queryPage, tableOf, withoutAttributes } from '../../shared/dynamo';
import type { PageOf, PageRequest } from '../ports';
import { RECORDS_TABLES } from '../storage';

/** The records table, by its physical name. */
export const table = () => tableOf(RECORDS_TABLES.records);

/** Keys and index attributes a stored item carries beyond what it holds. */
export const STORAGE_ATTRIBUTES = [
  'pk',
  'sk',
  'kind',
  'department',
  'classKey',
  'scheduleKey',
  'declaredKey',
  'records',
  'children',
] as const;

export async function getItem<T>(pk: string, sk: string, kind: string, keep: readonly string[] = []): Promise<T | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk, sk }, ConsistentRead: true }));
  if (Item?.kind !== kind) return undefined;
  return withoutAttributes<T>(Item, ...STORAGE_ATTRIBUTES.filter((a) => !keep.includes(a)));
}

/** One page of the items of a partition whose sort keys start with `prefix`, in key order. */
export async function pageOfPartition<T>(pk: string, prefix: string, page: PageRequest, keep: readonly string[] = []): Promise<PageOf<T>> {
  const result = await queryPage(
    {
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ConsistentRead: true,
    },
    // A cursor positions the query only inside this partition and prefix; a forged one reads nothing else.
    { limit: page.limit, startKey: page.after?.startsWith(prefix) ? { pk, sk: page.after } : page.after ? { pk, sk: prefix } : undefined },
  );
  const strip = (item: Item) => withoutAttributes<T>(item, ...STORAGE_ATTRIBUTES.filter((a) => !keep.includes(a))) as T;
  return { items: result.items.map(strip), next: result.lastKey ? String(result.lastKey.sk) : undefined };
}

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { type Item, queryAll, queryPage, tableOf, withoutAttributes } from '../../shared/dynamo';
import type { PageOf, PageRequest } from '../ports';
import { PROCUREMENT_TABLES } from '../storage';

/** The procurement table, by its physical name. */
export const table = () => tableOf(PROCUREMENT_TABLES.procurement);

/** Keys and index attributes a stored item carries beyond what it holds. */
export const STORAGE_ATTRIBUTES = ['pk', 'sk', 'kind', 'feed', 'feedKey', 'listing', 'listingKey', 'sequence'] as const;

export const strip = <T>(item: Item) => withoutAttributes<T>(item, ...STORAGE_ATTRIBUTES) as T;

export async function getItem<T>(pk: string, sk: string, kind: string): Promise<T | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk, sk }, ConsistentRead: true }));
  if (Item?.kind !== kind) return undefined;
  return strip<T>(Item);
}

/** Every item of a partition whose sort keys start with `prefix`, in key order. */
export async function allOfPartition<T>(pk: string, prefix: string): Promise<T[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    ConsistentRead: true,
  });
  return items.map((i) => strip<T>(i));
}

/** One page of the items of a partition whose sort keys start with `prefix`, in key order. */
export async function pageOfPartition<T>(pk: string, prefix: string, page: PageRequest): Promise<PageOf<T>> {
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
  return { items: result.items.map((i) => strip<T>(i)), next: result.lastKey ? String(result.lastKey.sk) : undefined };
}

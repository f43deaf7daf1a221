import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { type Item, tableOf, withoutAttributes } from '../../shared/dynamo';
import { EXCHANGE_TABLES } from '../storage';

/** The exchange table, by its physical name. */
export const table = () => tableOf(EXCHANGE_TABLES.exchange);

const STORAGE_ATTRIBUTES = ['pk', 'sk', 'kind', 'ownerKey', 'listing', 'tableKey'] as const;
export const strip = <T>(item: Item) => withoutAttributes<T>(item, ...STORAGE_ATTRIBUTES) as T;

export async function getItem<T>(pk: string, sk: string, kind: string): Promise<T | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk, sk }, ConsistentRead: true }));
  if (Item?.kind !== kind) return undefined;
  return strip<T>(Item);
}

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { type Item, tableOf, withoutAttributes } from '../../shared/dynamo';
import { USAGE_TABLES } from '../storage';

/** The usage table, by its physical name. */
export const table = () => tableOf(USAGE_TABLES.usage);

const STORAGE_ATTRIBUTES = ['pk', 'sk', 'dayKey', 'expiresAt'] as const;
export const strip = <T>(item: Item) => withoutAttributes<T>(item, ...STORAGE_ATTRIBUTES) as T;

export async function getItem<T>(pk: string, sk: string): Promise<T | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk, sk }, ConsistentRead: true }));
  return Item ? strip<T>(Item) : undefined;
}

import {
  BatchWriteCommand,
  DeleteCommand,
  type DeleteCommandInput,
  type NativeAttributeValue,
  PutCommand,
  type PutCommandInput,
  paginateQuery,
  paginateScan,
  QueryCommand,
  type QueryCommandInput,
  type ScanCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './aws-clients';
import { tableEnvName } from './storage-definition';

/**
 * DynamoDB helpers every store uses: the physical name of a declared table, conditional writes
 * that answer "lost the race" as a value rather than an exception, and paging (whole results
 * through the SDK's paginators, one page of a filtered query by key position).
 */

export type Item = Record<string, NativeAttributeValue>;

/** Physical name of a table declared in a service's `storage.ts`, read when first used. */
export function tableOf(logicalName: string): string {
  return tableName(tableEnvName(logicalName));
}

/** Whether a DynamoDB call failed only because its condition did not hold. */
export function isConditionalFailure(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}

/** A conditional write whose condition did not hold: another writer got there first. */
export interface LostRace {
  readonly won: false;
}

/** A conditional write that took place, with the attributes it returned, if it asked for any. */
export interface Won<T = Item | undefined> {
  readonly won: true;
  readonly attributes: T;
}

export const LOST_RACE: LostRace = Object.freeze({ won: false });

async function conditionally<T>(write: () => Promise<T>): Promise<Won<T> | LostRace> {
  try {
    return { won: true, attributes: await write() };
  } catch (err) {
    if (isConditionalFailure(err)) return LOST_RACE;
    throw err;
  }
}

/** A put guarded by its `ConditionExpression`; `attributes` are the replaced item's if `ReturnValues` asked for them. */
export function conditionalPut(input: PutCommandInput & { ConditionExpression: string }): Promise<Won | LostRace> {
  return conditionally(async () => (await dynamo().send(new PutCommand(input))).Attributes);
}

/** Writes a whole item that is versioned in its `version` attribute, if the stored one is still at `expectedVersion`; false when it is not. */
export async function putAtVersion(tableName: string, item: Item, expectedVersion: number): Promise<boolean> {
  const written = await conditionalPut({
    TableName: tableName,
    Item: item,
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':expected': expectedVersion },
  });
  return written.won;
}

/** An update guarded by its `ConditionExpression`; `attributes` are what `ReturnValues` asked for. */
export function conditionalUpdate(input: UpdateCommandInput & { ConditionExpression: string }): Promise<Won | LostRace> {
  return conditionally(async () => (await dynamo().send(new UpdateCommand(input))).Attributes);
}

/** A delete guarded by its `ConditionExpression`. */
export function conditionalDelete(input: DeleteCommandInput & { ConditionExpression: string }): Promise<Won<undefined> | LostRace> {
  return conditionally(async () => {
    await dynamo().send(new DeleteCommand(input));
    return undefined;
  });
}

/** Every item a query matches, following its pages. */
export async function queryAll(input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of paginateQuery({ client: dynamo() }, input)) items.push(...(page.Items ?? []));
  return items;
}

/** Every item of a table, read in parallel segments, following their pages. */
export async function scanAll(input: ScanCommandInput, segments = 1): Promise<Item[]> {
  const segment = async (Segment: number) => {
    const items: Item[] = [];
    const segmented = segments > 1 ? { Segment, TotalSegments: segments } : {};
    for await (const page of paginateScan({ client: dynamo() }, { ...input, ...segmented })) items.push(...(page.Items ?? []));
    return items;
  };
  return (await Promise.all(Array.from({ length: segments }, (_, i) => segment(i)))).flat();
}

export interface QueryPageOptions {
  /** Most items the page holds. */
  readonly limit: number;
  /** Where the page starts: the `lastKey` of the page before. @default - the first item */
  readonly startKey?: Item;
  /**
   * Most queries one page may take; with a filter that matches few items a page can end short
   * of `limit`, still with a `lastKey` to go on from.
   * @default 10
   */
  readonly maxQueries?: number;
}

export interface QueryPage {
  readonly items: Item[];
  /** Key of the last item DynamoDB looked at, to start the next page from; undefined on the last page. */
  readonly lastKey?: Item;
}

/**
 * One page of a query, up to `limit` items after its filter. Each query asks for no more items
 * than the page still needs, so `lastKey` is exactly where this page stopped reading and the
 * next page neither repeats nor skips an item.
 */
export async function queryPage(input: QueryCommandInput, options: QueryPageOptions): Promise<QueryPage> {
  const items: Item[] = [];
  let startKey = options.startKey;
  for (let query = 0; query < (options.maxQueries ?? 10) && items.length < options.limit; query++) {
    const page = await dynamo().send(new QueryCommand({ ...input, Limit: options.limit - items.length, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
    if (!startKey) break;
  }
  return { items, lastKey: startKey };
}

/** An item read back without the storage attributes (keys, index keys, TTL) named. */
export function withoutAttributes<T>(item: Item | undefined, ...attributes: readonly string[]): T | undefined {
  if (!item) return undefined;
  const copy = { ...item };
  for (const attribute of attributes) delete copy[attribute];
  return copy as T;
}

/** Most items one BatchWriteItem takes. */
const BATCH_WRITE_MAX = 25;

/**
 * Puts every item, 25 to a BatchWriteItem, retrying what DynamoDB leaves unprocessed (throttled)
 * a few times before giving up with an error. Unconditional: for items no other writer races for.
 */
export async function batchPutAll(tableName: string, items: readonly Item[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH_WRITE_MAX) {
    let requests: { PutRequest: { Item: Item } }[] | undefined = items
      .slice(i, i + BATCH_WRITE_MAX)
      .map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests && requests.length > 0; attempt++) {
      if (attempt > 5) throw new Error(`DynamoDB kept ${requests.length} writes unprocessed: retry the write.`);
      const written = await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = written.UnprocessedItems?.[tableName] as typeof requests;
    }
  }
}

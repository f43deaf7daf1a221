import { type NativeAttributeValue, QueryCommand, type QueryCommandInput, ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../shared/aws-clients';
import { tableEnvName } from '../../shared/storage-definition';

type Item = Record<string, NativeAttributeValue>;

/** A declared table's physical name, looked up at use so an adapter can be built before the environment is set. */
export function table(logicalName: string): string {
  return tableName(tableEnvName(logicalName));
}

export function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string }).name === 'ConditionalCheckFailedException';
}

/** Every item of a query, following pages. */
export async function queryAll(input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Every item of a scan, read in parallel segments, following pages. */
export async function scanAll(input: ScanCommandInput, segments: number): Promise<Item[]> {
  const readSegment = async (Segment: number) => {
    const items: Item[] = [];
    let ExclusiveStartKey: Item | undefined;
    do {
      const page = await dynamo().send(new ScanCommand({ ...input, Segment, TotalSegments: segments, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  };
  return (await Promise.all(Array.from({ length: segments }, (_, i) => readSegment(i)))).flat();
}

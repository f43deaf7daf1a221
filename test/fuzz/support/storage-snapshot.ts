import { createHash } from 'node:crypto';
import { DynamoDBClient, ListTablesCommand, paginateScan } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';

/** Every item of every table and every object of every bucket, by table or bucket, as digests. */
export type StorageSnapshot = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * Reads the whole of local mode's embedded storage through the endpoints local mode puts in the
 * environment (as the handlers do): each table scanned, each bucket listed with its ETags.
 */
export class StorageReader {
  private readonly dynamo: DynamoDBClient;
  private readonly s3: S3Client;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    const credentials = { accessKeyId: env.AWS_ACCESS_KEY_ID ?? 'local', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? 'local' };
    if (!env.DYNAMODB_ENDPOINT || !env.S3_ENDPOINT)
      throw new Error('Start local mode first: DYNAMODB_ENDPOINT and S3_ENDPOINT are not set.');
    this.dynamo = new DynamoDBClient({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION, credentials });
    this.s3 = new S3Client({ endpoint: env.S3_ENDPOINT, region: env.AWS_REGION, credentials, forcePathStyle: true });
  }

  /**
   * The snapshot, minus what `ignore` names (state that changes on reads by design): it gets
   * the container (`table:<name>` or `bucket:<name>`) and the item as JSON, or the object's key.
   */
  async snapshot(ignore: (container: string, key: string) => boolean = () => false): Promise<StorageSnapshot> {
    const out = new Map<string, Map<string, string>>();
    const { TableNames = [] } = await this.dynamo.send(new ListTablesCommand({}));
    for (const table of TableNames) {
      const items = new Map<string, string>();
      for await (const page of paginateScan({ client: this.dynamo }, { TableName: table, ConsistentRead: true })) {
        for (const item of page.Items ?? []) {
          const itemKey = JSON.stringify(sortKeys(item));
          if (!ignore(`table:${table}`, itemKey)) items.set(digest(itemKey), itemKey.length > 300 ? `${itemKey.slice(0, 300)}…` : itemKey);
        }
      }
      out.set(`table:${table}`, items);
    }
    const { Buckets = [] } = await this.s3.send(new ListBucketsCommand({}));
    for (const { Name } of Buckets) {
      const objects = new Map<string, string>();
      for await (const page of paginateListObjectsV2({ client: this.s3 }, { Bucket: Name })) {
        for (const o of page.Contents ?? []) {
          const entry = JSON.stringify({ key: o.Key, etag: o.ETag, size: o.Size });
          if (!ignore(`bucket:${Name}`, o.Key ?? '')) objects.set(digest(entry), entry);
        }
      }
      out.set(`bucket:${Name}`, objects);
    }
    return out;
  }

  close(): void {
    this.dynamo.destroy();
    this.s3.destroy();
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** What differs between two snapshots, one line per container, or an empty list. */
export function storageChanges(before: StorageSnapshot, after: StorageSnapshot): string[] {
  const changes: string[] = [];
  for (const container of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(container) ?? new Map<string, string>();
    const now = after.get(container) ?? new Map<string, string>();
    const added = [...now].filter(([d]) => !was.has(d)).map(([, v]) => v);
    const removed = [...was].filter(([d]) => !now.has(d)).map(([, v]) => v);
    if (added.length || removed.length) {
      changes.push(
        `${container}: ${added.length} added or changed [${added.slice(0, 3).join(', ')}], ${removed.length} removed or changed [${removed.slice(0, 3).join(', ')}]`,
      );
    }
  }
  return changes;
}

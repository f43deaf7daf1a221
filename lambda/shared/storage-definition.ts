/**
 * Storage a service declares once, in `lambda/<service>/storage.ts`: the CDK stack builds
 * tables and buckets from it, and local mode creates the same ones in embedded storage.
 */
export type KeyType = 'S' | 'N';

export interface KeyDefinition {
  readonly name: string;
  readonly type: KeyType;
}

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
}

export interface TableDefinition {
  /** Logical name, unique within the service, like `incidents`. */
  readonly name: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
  /** Global secondary indexes, projecting all attributes. */
  readonly indexes?: readonly IndexDefinition[];
  /** Attribute holding an epoch-seconds expiry time. */
  readonly ttlAttribute?: string;
  /** Emit a stream of changed items (new and old images), for processing after each write. */
  readonly stream?: boolean;
}

export interface BucketDefinition {
  /** Logical name, unique within the service, like `uploads`. */
  readonly name: string;
  /** Browsers upload to it directly through presigned URLs. */
  readonly browserUploads?: boolean;
}

export interface StorageDefinition {
  readonly tables: readonly TableDefinition[];
  readonly buckets: readonly BucketDefinition[];
}

/** Environment variable through which a function learns a table's physical name. */
export function tableEnvName(table: string): string {
  return `TABLE_${table.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/** Environment variable through which a function learns a bucket's physical name. */
export function bucketEnvName(bucket: string): string {
  return `BUCKET_${bucket.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

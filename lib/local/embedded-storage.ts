import { fork } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateTableCommand, DynamoDBClient, type GlobalSecondaryIndex, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { bucketEnvName, type StorageDefinition, type TableDefinition, tableEnvName } from '../../lambda/shared/storage-definition';

// The servers themselves, shared with the process local mode runs them in (plain CommonJS, untyped).
const {
  startServers,
}: { startServers(settings: ServerSettings): Promise<{ dynamoPort: number; s3Port: number; close(): Promise<void> }> } =
  require('./storage-process.cjs');

export interface EmbeddedStorageOptions {
  /** Folder for persistent data. @default - in memory; nothing survives `stop()` */
  readonly directory?: string;
  /**
   * Serve the storage from a process of its own, off the thread that runs the handlers, so
   * both use a core (local mode does; tests, which start storage often, do not).
   * @default false
   */
  readonly separateProcess?: boolean;
}

/** What serves the storage: servers in this process, or the process that holds them. */
interface StorageServers {
  close(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const REGION = 'ap-east-1';

/**
 * DynamoDB (dynalite) and S3 (s3rver) served in-process, for local mode and tests. Handlers
 * reach them through the same SDK clients they use in AWS, pointed here by environment.
 */
export class EmbeddedStorage {
  static async start(options: EmbeddedStorageOptions = {}): Promise<EmbeddedStorage> {
    const persistent = options.directory !== undefined;
    const root = options.directory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'egov-storage-'));
    fs.mkdirSync(path.join(root, 's3'), { recursive: true });
    const settings = { dynamoPath: persistent ? path.join(root, 'dynamodb') : undefined, s3Directory: path.join(root, 's3'), persistent };
    const { servers, dynamoPort, s3Port } = options.separateProcess ? await inChildProcess(settings) : await inThisProcess(settings);
    return new EmbeddedStorage(servers, `http://127.0.0.1:${dynamoPort}`, `http://127.0.0.1:${s3Port}`, persistent ? undefined : root);
  }

  private readonly dynamoClient: DynamoDBClient;
  private readonly s3Client: S3Client;

  private constructor(
    private readonly servers: StorageServers,
    readonly dynamoEndpoint: string,
    readonly s3Endpoint: string,
    private readonly scratchDirectory: string | undefined,
  ) {
    this.dynamoClient = new DynamoDBClient({ endpoint: dynamoEndpoint, region: REGION, credentials: CREDENTIALS });
    this.s3Client = new S3Client({ endpoint: s3Endpoint, region: REGION, credentials: CREDENTIALS, forcePathStyle: true });
  }

  /** Environment that points the handlers' SDK clients at this storage. */
  clientEnvironment(): Record<string, string> {
    return {
      DYNAMODB_ENDPOINT: this.dynamoEndpoint,
      S3_ENDPOINT: this.s3Endpoint,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    };
  }

  /**
   * Creates a service's declared tables and buckets (s3rver keeps no object versions: services
   * write immutable keys and keep history in DynamoDB, which works the same in AWS) (existing ones are kept) and returns the
   * environment variables naming them, as the service's stack sets them in AWS.
   */
  async provision(service: string, storage: StorageDefinition): Promise<Record<string, string>> {
    const env: Record<string, string> = {};
    for (const table of storage.tables) {
      const name = `${service}-${table.name}`;
      await this.createTable(name, table);
      env[tableEnvName(table.name)] = name;
    }
    for (const bucket of storage.buckets) {
      const name = `${service}-${bucket.name}`.toLowerCase();
      await this.s3Client.send(new CreateBucketCommand({ Bucket: name })).catch(ignore('BucketAlreadyOwnedByYou', 'BucketAlreadyExists'));
      env[bucketEnvName(bucket.name)] = name;
    }
    return env;
  }

  private async createTable(name: string, table: TableDefinition): Promise<void> {
    const keys = [table.partitionKey, table.sortKey, ...(table.indexes ?? []).flatMap((i) => [i.partitionKey, i.sortKey])].filter(
      (k): k is NonNullable<typeof k> => k !== undefined,
    );
    const attributes = [...new Map(keys.map((k) => [k.name, { AttributeName: k.name, AttributeType: k.type }])).values()];
    const keySchema = (pk: { name: string }, sk?: { name: string }) => [
      { AttributeName: pk.name, KeyType: 'HASH' as const },
      ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' as const }] : []),
    ];
    const indexes: GlobalSecondaryIndex[] = (table.indexes ?? []).map((i) => ({
      IndexName: i.name,
      KeySchema: keySchema(i.partitionKey, i.sortKey),
      Projection: { ProjectionType: 'ALL' },
    }));
    const created = await this.dynamoClient
      .send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: attributes,
          KeySchema: keySchema(table.partitionKey, table.sortKey),
          GlobalSecondaryIndexes: indexes.length > 0 ? indexes : undefined,
          BillingMode: 'PAY_PER_REQUEST',
        }),
      )
      .then(() => true)
      .catch(ignore('ResourceInUseException'));
    if (created && table.ttlAttribute) {
      await this.dynamoClient
        .send(
          new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true } }),
        )
        .catch(ignore('ValidationException', 'UnknownOperationException'));
    }
  }

  async stop(): Promise<void> {
    this.dynamoClient.destroy();
    this.s3Client.destroy();
    await this.servers.close();
    if (this.scratchDirectory) fs.rmSync(this.scratchDirectory, { recursive: true, force: true });
  }
}

interface ServerSettings {
  readonly dynamoPath?: string;
  readonly s3Directory: string;
  readonly persistent: boolean;
}

interface StartedServers {
  readonly servers: StorageServers;
  readonly dynamoPort: number;
  readonly s3Port: number;
}

async function inThisProcess(settings: ServerSettings): Promise<StartedServers> {
  const { dynamoPort, s3Port, close } = await startServers(settings);
  return { dynamoPort, s3Port, servers: { close } };
}

async function inChildProcess(settings: ServerSettings): Promise<StartedServers> {
  const child = fork(path.join(__dirname, 'storage-process.cjs'), [JSON.stringify(settings)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ports] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`The storage process exited with ${code} before it was ready.`))),
  ])) as [{ dynamoPort: number; s3Port: number }];
  return {
    ...ports,
    servers: {
      async close() {
        if (child.exitCode !== null) return;
        const exited = once(child, 'exit');
        child.send('stop');
        await exited;
      },
    },
  };
}

/** A rejection handler that swallows the named AWS errors and rethrows the rest. */
function ignore(...names: string[]) {
  return (err: { name?: string }): false => {
    if (err.name && names.includes(err.name)) return false;
    throw err;
  };
}

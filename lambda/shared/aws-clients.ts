import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_ENVIRONMENT } from '../../lib/contract/environment';
import { bucketEnvName } from './storage-definition';

/**
 * AWS SDK clients, one per process. In Lambda they use the function's role and region; local
 * mode and tests point them at embedded storage with DYNAMODB_ENDPOINT and S3_ENDPOINT. They
 * are made on first use rather than at import so a test can set those variables first, and made
 * again if a test points them elsewhere.
 */
let documentClient: { client: DynamoDBDocumentClient; endpoint: string | undefined } | undefined;
let s3Client: { client: S3Client; endpoint: string | undefined } | undefined;

/** One storage call as the benchmark counts them: which client, which command, when. */
export interface StorageCall {
  readonly service: 'dynamodb' | 's3';
  readonly command: string;
  readonly startedMs: number;
  readonly endedMs: number;
}

/** Where calls are recorded while a benchmark wants them: a list it puts on the global object. */
export const STORAGE_CALLS = Symbol.for('egov-platform.storage-calls');

type Recorded = { middlewareStack: { add: (middleware: never, options: { step: 'initialize'; name: string }) => void } };

function recorded<C>(client: C, service: StorageCall['service']): C {
  const middleware = (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
    const calls = (globalThis as { [STORAGE_CALLS]?: StorageCall[] })[STORAGE_CALLS];
    if (!calls) return next(args);
    const startedMs = performance.now();
    try {
      return await next(args);
    } finally {
      calls.push({ service, command: context.commandName ?? 'unknown', startedMs, endedMs: performance.now() });
    }
  };
  (client as unknown as Recorded).middlewareStack.add(middleware as never, { step: 'initialize', name: 'storageCallRecorder' });
  return client;
}

export function dynamo(): DynamoDBDocumentClient {
  const endpoint = process.env[LOCAL_ENVIRONMENT.dynamodbEndpoint];
  if (documentClient?.endpoint !== endpoint || !documentClient) {
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint }), {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
    documentClient = { client: recorded(client, 'dynamodb'), endpoint };
  }
  return documentClient.client;
}

export function s3(): S3Client {
  const endpoint = process.env[LOCAL_ENVIRONMENT.s3Endpoint];
  if (s3Client?.endpoint !== endpoint || !s3Client) {
    s3Client = { client: recorded(new S3Client({ endpoint, forcePathStyle: endpoint !== undefined }), 's3'), endpoint };
  }
  return s3Client.client;
}

/** Physical name of a declared table, from the environment the stack or local mode set. */
export function tableName(envName: string): string {
  const name = process.env[envName];
  if (!name) throw new Error(`${envName} is not set: the function's stack or local mode must pass the table name`);
  return name;
}

/** Physical name of a bucket declared in a service's `storage.ts`, from the environment the stack or local mode set. */
export function bucketOf(logicalName: string): string {
  const envName = bucketEnvName(logicalName);
  const name = process.env[envName];
  if (!name) throw new Error(`${envName} is not set: the function's stack or local mode must pass the bucket name`);
  return name;
}

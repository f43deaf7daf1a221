import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * AWS SDK clients, one per process. In Lambda they use the function's role and region; local
 * mode and tests point them at embedded storage with DYNAMODB_ENDPOINT and S3_ENDPOINT. They
 * are made on first use rather than at import so a test can set those variables first.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;

export function dynamo(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documentClient;
}

export function s3(): S3Client {
  s3Client ??= new S3Client({ endpoint: process.env.S3_ENDPOINT, forcePathStyle: process.env.S3_ENDPOINT !== undefined });
  return s3Client;
}

/** Physical name of a declared table, from the environment the stack or local mode set. */
export function tableName(envName: string): string {
  const name = process.env[envName];
  if (!name) throw new Error(`${envName} is not set: the function's stack or local mode must pass the table name`);
  return name;
}

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_ENVIRONMENT } from '../../lib/contract/environment';

/**
 * AWS SDK clients, one per process. In Lambda they use the function's role and region; local
 * mode and tests point them at embedded storage with DYNAMODB_ENDPOINT and S3_ENDPOINT. They
 * are made on first use rather than at import so a test can set those variables first.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;

export function dynamo(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env[LOCAL_ENVIRONMENT.dynamodbEndpoint] }), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documentClient;
}

export function s3(): S3Client {
  const endpoint = process.env[LOCAL_ENVIRONMENT.s3Endpoint];
  s3Client ??= new S3Client({ endpoint, forcePathStyle: endpoint !== undefined });
  return s3Client;
}

/** Physical name of a declared table, from the environment the stack or local mode set. */
export function tableName(envName: string): string {
  const name = process.env[envName];
  if (!name) throw new Error(`${envName} is not set: the function's stack or local mode must pass the table name`);
  return name;
}

// The floor for a handler that needs the AWS SDK: one DynamoDB GetItem, client made once.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async (event: { id: string }) => {
  const result = await client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { id: { S: event.id } } }));
  return result.Item ?? null;
};

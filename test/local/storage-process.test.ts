import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { EmbeddedStorage } from '../../lib/local/embedded-storage';

describe('embedded storage in a process of its own', () => {
  it('serves the declared tables from another process, and stops with it', async () => {
    const storage = await EmbeddedStorage.start({ separateProcess: true });
    try {
      const env = await storage.provision('demo', {
        tables: [{ name: 'things', partitionKey: { name: 'pk', type: 'S' } }],
        buckets: [{ name: 'files' }],
      });
      const client = DynamoDBDocumentClient.from(
        new DynamoDBClient({
          endpoint: storage.dynamoEndpoint,
          region: 'ap-east-1',
          credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
        }),
      );
      await client.send(new PutCommand({ TableName: env.TABLE_THINGS, Item: { pk: 'a', n: 1 } }));
      expect((await client.send(new GetCommand({ TableName: env.TABLE_THINGS, Key: { pk: 'a' } }))).Item).toEqual({ pk: 'a', n: 1 });
      client.destroy();
    } finally {
      await storage.stop();
    }
    await expect(fetch(storage.dynamoEndpoint)).rejects.toThrow();
  });
});

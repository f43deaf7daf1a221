import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, s3, tableName } from '../../lambda/shared/aws-clients';
import { bucketEnvName, type StorageDefinition, tableEnvName } from '../../lambda/shared/storage-definition';
import { useEmbeddedStorage } from '../helpers/embedded-storage';

const storage: StorageDefinition = {
  tables: [
    {
      name: 'cases',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [{ name: 'byOwner', partitionKey: { name: 'owner', type: 'S' }, sortKey: { name: 'createdAt', type: 'S' } }],
    },
  ],
  buckets: [{ name: 'uploads' }],
};

describe('EmbeddedStorage', () => {
  useEmbeddedStorage('demo', storage);

  it('creates declared tables the shared client can use, with their indexes and conditions', async () => {
    const TableName = tableName(tableEnvName('cases'));
    expect(TableName).toBe('demo-cases');
    await dynamo().send(new PutCommand({ TableName, Item: { pk: 'a', sk: '1', owner: 'DPO', createdAt: '2026-01-01' } }));
    const again = dynamo().send(new PutCommand({ TableName, Item: { pk: 'a', sk: '1' }, ConditionExpression: 'attribute_not_exists(pk)' }));
    await expect(again).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    const byOwner = await dynamo().send(
      new QueryCommand({
        TableName,
        IndexName: 'byOwner',
        KeyConditionExpression: '#o = :o',
        ExpressionAttributeNames: { '#o': 'owner' },
        ExpressionAttributeValues: { ':o': 'DPO' },
      }),
    );
    expect(byOwner.Items).toHaveLength(1);
    expect((await dynamo().send(new GetCommand({ TableName, Key: { pk: 'a', sk: '1' } }))).Item?.owner).toBe('DPO');
  });

  it('creates declared buckets', async () => {
    const Bucket = process.env[bucketEnvName('uploads')];
    expect(Bucket).toBe('demo-uploads');
    await s3().send(new PutObjectCommand({ Bucket, Key: 'a.csv', Body: 'x,y\n1,2\n' }));
    const got = await s3().send(new GetObjectCommand({ Bucket, Key: 'a.csv' }));
    expect(await got.Body?.transformToString()).toBe('x,y\n1,2\n');
  });
});

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';

/**
 * The next value of a counter item, by one atomic ADD: concurrent callers each get their own
 * number. A number taken by a request that then fails is not reused, so sequences may have gaps.
 */
export async function nextSequence(table: string, counter: string): Promise<number> {
  const out = await dynamo().send(
    new UpdateCommand({
      TableName: table,
      Key: { pk: `COUNTER#${counter}` },
      UpdateExpression: 'ADD #seq :one',
      ExpressionAttributeNames: { '#seq': 'seq' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(out.Attributes?.seq);
}

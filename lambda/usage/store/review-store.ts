import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalUpdate } from '../../shared/dynamo';
import type { Advice, FiledReview } from '../domain/review';
import type { ReviewRecord, ReviewStore } from '../ports';
import { getItem, table } from './table';

const key = (service: string) => ({ pk: `REVIEW#${service}`, sk: 'REVIEW' });

/** Each service's review under `REVIEW#<service>`: the return, written once, and the advice, appended. */
export class DynamoReviewStore implements ReviewStore {
  async get(service: string): Promise<ReviewRecord> {
    const item = await getItem<{ filed?: FiledReview; advice?: Advice[] }>(key(service).pk, key(service).sk);
    return { ...(item?.filed ? { filed: item.filed } : {}), advice: item?.advice ?? [] };
  }

  async file(service: string, filed: FiledReview): Promise<boolean> {
    // An update, so advice appended meanwhile stays; of two returns racing, one wins.
    const written = await conditionalUpdate({
      TableName: table(),
      Key: key(service),
      UpdateExpression: 'SET filed = :filed',
      ConditionExpression: 'attribute_not_exists(filed)',
      ExpressionAttributeValues: { ':filed': filed },
    });
    return written.won;
  }

  async advise(service: string, advice: Advice): Promise<void> {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: key(service),
        UpdateExpression: 'SET advice = list_append(if_not_exists(advice, :none), :one)',
        ExpressionAttributeValues: { ':none': [], ':one': [advice] },
      }),
    );
  }
}

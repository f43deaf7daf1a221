import { conditionalPut, queryAll, queryPage } from '../../shared/dynamo';
import type { MeasuredService } from '../domain/measured-service';
import type { MeasuredServiceStore, PageOf, PageRequest } from '../ports';
import { getItem, strip, table } from './table';

const PK = 'SERVICES';
const sk = (id: string) => `SERVICE#${id}`;

/** The registry: each service under `SERVICES` / `SERVICE#<id>`, its id claimed once. */
export class DynamoMeasuredServiceStore implements MeasuredServiceStore {
  async register(service: MeasuredService): Promise<boolean> {
    const written = await conditionalPut({
      TableName: table(),
      Item: { ...service, pk: PK, sk: sk(service.id) },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    return written.won;
  }

  get(id: string): Promise<MeasuredService | undefined> {
    return getItem<MeasuredService>(PK, sk(id));
  }

  async list(page: PageRequest): Promise<PageOf<MeasuredService>> {
    const result = await queryPage(
      {
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': PK, ':prefix': 'SERVICE#' },
        ConsistentRead: true,
      },
      { limit: page.limit, startKey: page.after?.startsWith('SERVICE#') ? { pk: PK, sk: page.after } : undefined },
    );
    return { items: result.items.map((i) => strip<MeasuredService>(i)), next: result.lastKey ? String(result.lastKey.sk) : undefined };
  }

  async all(): Promise<MeasuredService[]> {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': PK, ':prefix': 'SERVICE#' },
      ConsistentRead: true,
    });
    return items.map((i) => strip<MeasuredService>(i));
  }
}

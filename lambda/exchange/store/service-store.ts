import { conditionalPut, queryPage } from '../../shared/dynamo';
import type { DataService } from '../domain/dataset';
import type { PageOf, PageRequest, ServiceStore } from '../ports';
import { getItem, strip, table } from './table';

/** Data services under `SERVICE#<id>`, listed from the `SERVICES` partition; a table name is claimed once per owner. */
export class DynamoServiceStore implements ServiceStore {
  async publish(service: DataService): Promise<boolean> {
    const claim = await conditionalPut({
      TableName: table(),
      Item: { pk: `TABLE#${service.owner}#${service.table}`, sk: 'TABLE', kind: 'table-claim', serviceId: service.id },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (!claim.won) return false;
    const item = { ...service, pk: 'SERVICES', sk: `SERVICE#${service.id}`, kind: 'service' };
    const written = await conditionalPut({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' });
    if (!written.won) throw new Error(`Data service ${service.id} exists already.`);
    return true;
  }

  get(id: string): Promise<DataService | undefined> {
    return getItem<DataService>('SERVICES', `SERVICE#${id}`, 'service');
  }

  async list(page: PageRequest): Promise<PageOf<DataService>> {
    const result = await queryPage(
      {
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': 'SERVICES', ':prefix': 'SERVICE#' },
        ConsistentRead: true,
      },
      {
        limit: page.limit,
        startKey: page.after ? { pk: 'SERVICES', sk: page.after.startsWith('SERVICE#') ? page.after : 'SERVICE#' } : undefined,
      },
    );
    return { items: result.items.map((i) => strip<DataService>(i)), next: result.lastKey ? String(result.lastKey.sk) : undefined };
  }
}

import { batchPutAll, queryAll } from '../../shared/dynamo';
import type { Row } from '../domain/dataset';
import { evaluate, type PlannedQuery } from '../domain/query';
import type { QueryEngine } from '../ports';
import { table } from './table';

/** Local mode's engine: a dataset's seeded rows (`ROWS#<service id>`) read from the embedded store and queried in memory. */
export class LocalRowsEngine implements QueryEngine {
  async run(plan: PlannedQuery): Promise<Row[]> {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `ROWS#${plan.service.id}` },
      ConsistentRead: true,
    });
    return evaluate(
      plan,
      items.map((i) => i.row as Row),
    );
  }
}

/** Stores demo rows of a dataset, for local mode's seed. */
export function putLocalRows(serviceId: string, rows: readonly Row[]): Promise<void> {
  return batchPutAll(
    table(),
    rows.map((row, i) => ({ pk: `ROWS#${serviceId}`, sk: `ROW#${String(i).padStart(8, '0')}`, kind: 'row', row })),
  );
}

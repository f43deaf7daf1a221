import { batchPutAll, queryAll } from '../../shared/dynamo';
import type { ServiceReport } from '../domain/events';
import type { ReportStore } from '../ports';
import { table } from './table';

/** The departments' reports under `REPORTS#<day>`, one item per service, kind and platform: a later report replaces it. */
export class DynamoReportStore implements ReportStore {
  put(reports: readonly ServiceReport[]): Promise<void> {
    const latest = new Map(reports.map((r) => [`${r.service}#${r.kind}#${r.platform}#${r.date}`, r]));
    return batchPutAll(
      table(),
      [...latest.values()].map((r) => ({ ...r, pk: `REPORTS#${r.date}`, sk: `${r.service}#${r.kind}#${r.platform}` })),
    );
  }

  async ofDay(date: string): Promise<ServiceReport[]> {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `REPORTS#${date}` },
      ConsistentRead: true,
    });
    // `kind` is the report's own attribute here, so only the keys are dropped.
    return items.map(({ pk: _pk, sk: _sk, ...report }) => report as ServiceReport);
  }
}

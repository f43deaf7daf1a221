import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { batchPutAll, queryAll } from '../../shared/dynamo';
import type { DailyFigures } from '../domain/aggregate';
import type { FigureStore } from '../ports';
import { USAGE_INDEXES } from '../storage';
import { strip, table } from './table';

const pk = (service: string) => `FIGURES#${service}`;

/** Daily figures under `FIGURES#<service>` / `<day>`, indexed by day; counting a day again replaces its figures. */
export class DynamoFigureStore implements FigureStore {
  putDay(figures: readonly DailyFigures[]): Promise<void> {
    return batchPutAll(
      table(),
      figures.map((f) => ({ ...f, pk: pk(f.service), sk: f.date, dayKey: f.date })),
    );
  }

  async ofDay(date: string): Promise<DailyFigures[]> {
    const items = await queryAll({
      TableName: table(),
      IndexName: USAGE_INDEXES.figuresByDay,
      KeyConditionExpression: 'dayKey = :day',
      ExpressionAttributeValues: { ':day': date },
    });
    return items.map((i) => strip<DailyFigures>(i));
  }

  async ofService(service: string, from: string, to: string): Promise<DailyFigures[]> {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk(service), ':from': from, ':to': to },
      ConsistentRead: true,
    });
    return items.map((i) => strip<DailyFigures>(i));
  }

  async latestBefore(service: string, date: string): Promise<DailyFigures | undefined> {
    const { Items } = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND sk < :date',
        ExpressionAttributeValues: { ':pk': pk(service), ':date': date },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Items?.[0] ? strip<DailyFigures>(Items[0]) : undefined;
  }
}

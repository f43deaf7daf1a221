import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalPut, queryAll, queryPage } from '../../shared/dynamo';
import { chain, type LogEntry, type LogRecord } from '../domain/message-log';
import type { MessageLog, PageOf, PageRequest } from '../ports';
import { EXCHANGE_INDEXES } from '../storage';
import { strip, table } from './table';

const PK = 'LOG';
const sortKey = (sequence: number) => `ENTRY#${String(sequence).padStart(12, '0')}`;
/** Attempts to take the next place when other writers keep taking it first. */
const MAX_ATTEMPTS = 8;

/**
 * The message log: one chain, `LOG` / `ENTRY#<sequence>`. An entry is written only if its
 * place is free (a conditional put), so of two writers that read the same head one wins and
 * the other reads the new head and chains after it: the chain never forks.
 */
export class DynamoMessageLog implements MessageLog {
  async append(record: LogRecord): Promise<LogEntry> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = chain(await this.head(), record);
      const item = { ...entry, pk: PK, sk: sortKey(entry.sequence), kind: 'log-entry', ownerKey: `OWNER#${entry.owner}` };
      const written = await conditionalPut({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' });
      if (written.won) return entry;
    }
    throw new Error(`The message log's head moved ${MAX_ATTEMPTS} times while appending; the entry was not written.`);
  }

  private async head(): Promise<LogEntry | undefined> {
    const { Items } = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': PK, ':prefix': 'ENTRY#' },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Items?.[0] ? strip<LogEntry>(Items[0]) : undefined;
  }

  async ofOwner(department: string, page: PageRequest): Promise<PageOf<LogEntry>> {
    const ownerKey = `OWNER#${department}`;
    const after = page.after?.startsWith('ENTRY#') ? page.after : undefined;
    const result = await queryPage(
      {
        TableName: table(),
        IndexName: EXCHANGE_INDEXES.logByOwner,
        KeyConditionExpression: 'ownerKey = :owner',
        ExpressionAttributeValues: { ':owner': ownerKey },
      },
      { limit: page.limit, startKey: after ? { ownerKey, sk: after, pk: PK } : undefined },
    );
    return { items: result.items.map((i) => strip<LogEntry>(i)), next: result.lastKey ? String(result.lastKey.sk) : undefined };
  }

  async all(): Promise<LogEntry[]> {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': PK, ':prefix': 'ENTRY#' },
      ConsistentRead: true,
    });
    return items.map((i) => strip<LogEntry>(i));
  }
}

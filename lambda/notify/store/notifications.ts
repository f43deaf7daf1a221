import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalPut, queryPage, tableOf, withoutAttributes } from '../../shared/dynamo';
import type { NotificationFilter } from '../domain/list-filter';
import type { Notification, NotificationStatus } from '../domain/model';
import type { NotificationStore } from '../ports';
import { NOTIFY_INDEXES, NOTIFY_TABLES } from '../storage';

/**
 * Notifications keyed by id, listed newest first through the `byService` index whose sort key
 * is `createdAt#id`, so "older than notification X" is a key condition, not a scan.
 */
const table = () => tableOf(NOTIFY_TABLES.notifications);
const listKey = (n: Pick<Notification, 'createdAt' | 'id'>) => `${n.createdAt}#${n.id}`;

export class DynamoNotificationStore implements NotificationStore {
  async create(notification: Notification): Promise<void> {
    await dynamo().send(
      new PutCommand({
        TableName: table(),
        Item: { ...notification, listKey: listKey(notification) },
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
  }

  async get(id: string): Promise<Notification | undefined> {
    const got = await dynamo().send(new GetCommand({ TableName: table(), Key: { id }, ConsistentRead: true }));
    return withoutAttributes<Notification>(got.Item, 'listKey');
  }

  async replace(notification: Notification, expectedStatus: NotificationStatus): Promise<boolean> {
    const replaced = await conditionalPut({
      TableName: table(),
      Item: { ...notification, listKey: listKey(notification) },
      ConditionExpression: '#status = :expected',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':expected': expectedStatus },
    });
    return replaced.won;
  }

  async list(serviceId: string, filter: NotificationFilter, limit: number, olderThan?: Notification): Promise<Notification[]> {
    const names: Record<string, string> = { '#keyType': 'keyType', '#expiresAt': 'expiresAt' };
    const values: Record<string, unknown> = { ':serviceId': serviceId, ':test': 'test', ':liveAt': filter.liveAt };
    // Expired notifications are left out by the query, not after it, so that a page is full
    // whenever more live ones exist (TTL deletes them only some time after they expire).
    const conditions = [filter.testMessages ? '#keyType = :test' : '#keyType <> :test', '#expiresAt > :liveAt'];
    const oneOf = (attribute: string, options: ReadonlySet<string> | undefined) => {
      if (!options) return;
      // An empty set (only letters asked for) matches nothing: letters are not sent here. No
      // name is declared for it then, as DynamoDB refuses a name the expressions do not use.
      if (options.size === 0) {
        conditions.push('attribute_not_exists(id)');
        return;
      }
      names[`#${attribute}`] = attribute;
      const placeholders = [...options].map((option, i) => {
        values[`:${attribute}${i}`] = option;
        return `:${attribute}${i}`;
      });
      conditions.push(`#${attribute} IN (${placeholders.join(', ')})`);
    };
    oneOf('type', filter.types);
    oneOf('status', filter.statuses);
    if (filter.reference !== undefined) {
      names['#reference'] = 'reference';
      values[':reference'] = filter.reference;
      conditions.push('#reference = :reference');
    }
    if (olderThan) values[':before'] = listKey(olderThan);

    const page = await queryPage(
      {
        TableName: table(),
        IndexName: NOTIFY_INDEXES.byService.name,
        KeyConditionExpression: olderThan ? 'serviceId = :serviceId AND listKey < :before' : 'serviceId = :serviceId',
        FilterExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
      },
      // Notify pages by `older_than` alone, so a page is read until it is full or the service has no more.
      { limit, maxQueries: Number.POSITIVE_INFINITY },
    );
    return page.items.map((item) => withoutAttributes<Notification>(item, 'listKey') as Notification);
  }
}

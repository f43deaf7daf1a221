import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { queryAll, tableOf } from '../../shared/dynamo';
import { type Group, groupSchema, type Organization, organizationSchema } from '../domain/entities';
import type { RegistryRepository } from '../ports';
import { OPEN_DATA_INDEXES, OPEN_DATA_TABLES } from '../storage';

/** Organizations (departments) and groups (categories), in the catalog table, listed through the byKind index. */
export class DynamoRegistryRepository implements RegistryRepository {
  private get tableName(): string {
    return tableOf(OPEN_DATA_TABLES.catalog);
  }

  async organizations(): Promise<Organization[]> {
    return (await this.list('organization')).map((body) => organizationSchema.parse(body));
  }

  async groups(): Promise<Group[]> {
    return (await this.list('group')).map((body) => groupSchema.parse(body));
  }

  async putOrganization(org: Organization): Promise<void> {
    await dynamo().send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `ORG#${org.id}`,
          sk: 'ORG',
          listKind: 'organization',
          name: org.name,
          body: JSON.stringify(organizationSchema.parse(org)),
        },
      }),
    );
  }

  async putGroup(group: Group): Promise<void> {
    await dynamo().send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `GROUP#${group.id}`, sk: 'GROUP', listKind: 'group', name: group.name, body: JSON.stringify(groupSchema.parse(group)) },
      }),
    );
  }

  private async list(kind: string): Promise<unknown[]> {
    const items = await queryAll({
      TableName: this.tableName,
      IndexName: OPEN_DATA_INDEXES.byKind,
      KeyConditionExpression: 'listKind = :kind',
      ExpressionAttributeValues: { ':kind': kind },
    });
    return items.map((item) => JSON.parse(item.body as string));
  }
}

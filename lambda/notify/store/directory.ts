import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalPut, queryAll, tableOf, withoutAttributes } from '../../shared/dynamo';
import type { ServiceKeys } from '../domain/auth';
import type { ApiKeyRecord, NotifyService, TemplateVersion } from '../domain/model';
import type { NotifyDirectory } from '../ports';
import { NOTIFY_TABLES } from '../storage';

/**
 * Services, their keys and their templates in one table, one partition per service:
 * `SERVICE` the service, `KEY#<id>` each key, `TEMPLATE#<id>` the latest version of a
 * template and `VERSION#<id>#<version>` every version.
 */
const table = () => tableOf(NOTIFY_TABLES.directory);
const servicePk = (serviceId: string) => `SERVICE#${serviceId}`;
const versionSk = (templateId: string, version: number) => `VERSION#${templateId}#${String(version).padStart(10, '0')}`;

export class DynamoNotifyDirectory implements NotifyDirectory {
  async getService(serviceId: string): Promise<NotifyService | undefined> {
    const got = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: servicePk(serviceId), sk: 'SERVICE' } }));
    return withoutAttributes<NotifyService>(got.Item, 'pk', 'sk');
  }

  async findServiceWithKeys(serviceId: string): Promise<ServiceKeys | undefined> {
    const [service, keys] = await Promise.all([this.getService(serviceId), this.queryPrefix<ApiKeyRecord>(serviceId, 'KEY#')]);
    return service && { service, keys };
  }

  async putService(service: NotifyService): Promise<void> {
    await dynamo().send(new PutCommand({ TableName: table(), Item: { ...service, pk: servicePk(service.id), sk: 'SERVICE' } }));
  }

  async putApiKey(key: ApiKeyRecord): Promise<void> {
    await dynamo().send(new PutCommand({ TableName: table(), Item: { ...key, pk: servicePk(key.serviceId), sk: `KEY#${key.id}` } }));
  }

  async getApiKey(serviceId: string, keyId: string): Promise<ApiKeyRecord | undefined> {
    const got = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: servicePk(serviceId), sk: `KEY#${keyId}` } }));
    return withoutAttributes<ApiKeyRecord>(got.Item, 'pk', 'sk');
  }

  async getTemplate(serviceId: string, templateId: string, version?: number): Promise<TemplateVersion | undefined> {
    const sk = version === undefined ? `TEMPLATE#${templateId}` : versionSk(templateId, version);
    const got = await dynamo().send(new GetCommand({ TableName: table(), Key: { pk: servicePk(serviceId), sk } }));
    return withoutAttributes<TemplateVersion>(got.Item, 'pk', 'sk');
  }

  async listTemplates(serviceId: string): Promise<TemplateVersion[]> {
    return this.queryPrefix<TemplateVersion>(serviceId, 'TEMPLATE#');
  }

  async saveTemplateVersion(template: TemplateVersion): Promise<boolean> {
    const pk = servicePk(template.serviceId);
    const created = await conditionalPut({
      TableName: table(),
      Item: { ...template, pk, sk: versionSk(template.id, template.version) },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (!created.won) return false;
    // The latest pointer only moves forward, so two editors saving at once cannot roll it back.
    await conditionalPut({
      TableName: table(),
      Item: { ...template, pk, sk: `TEMPLATE#${template.id}` },
      ConditionExpression: 'attribute_not_exists(pk) OR #version < :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': template.version },
    });
    return true;
  }

  private async queryPrefix<T>(serviceId: string, prefix: string): Promise<T[]> {
    const items = await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': servicePk(serviceId), ':prefix': prefix },
    });
    return items.map((item) => withoutAttributes<T>(item, 'pk', 'sk') as T);
  }
}

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws-clients';
import { conditionalDelete, conditionalPut, conditionalUpdate } from '../../shared/dynamo';
import type { FileClass } from '../domain/file-plan';
import type { FilePlanStore, PageOf, PageRequest } from '../ports';
import { getItem, pageOfPartition, table } from './table';

const plan = (department: string) => `PLAN#${department}`;
const CLASS = 'CLASS#';

/** Classes as items `PLAN#<department>` / `CLASS#<code>`, counting the records and classes each holds. */
export class DynamoFilePlanStore implements FilePlanStore {
  getClass(department: string, code: string): Promise<FileClass | undefined> {
    return getItem<FileClass>(plan(department), CLASS + code, 'class', ['department']);
  }

  async createClass(fileClass: FileClass): Promise<boolean> {
    const written = await conditionalPut({
      TableName: table(),
      Item: { ...fileClass, pk: plan(fileClass.department), sk: CLASS + fileClass.code, kind: 'class', records: 0, children: 0 },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (!written.won) return false;
    // Counted after it exists: a parent may then hold one class too many for a moment, never too few.
    if (fileClass.parentCode) {
      await conditionalUpdate({
        TableName: table(),
        Key: { pk: plan(fileClass.department), sk: CLASS + fileClass.parentCode },
        UpdateExpression: 'ADD children :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      });
    }
    return true;
  }

  listClasses(department: string, page: PageRequest): Promise<PageOf<FileClass>> {
    return pageOfPartition<FileClass>(plan(department), CLASS, page, ['department']);
  }

  async holdings(department: string, code: string): Promise<{ records: number; children: number } | undefined> {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: table(), Key: { pk: plan(department), sk: CLASS + code }, ConsistentRead: true }),
    );
    return Item?.kind === 'class' ? { records: Number(Item.records ?? 0), children: Number(Item.children ?? 0) } : undefined;
  }

  async deleteClass(department: string, code: string): Promise<'deleted' | 'in-use' | 'missing'> {
    const current = await this.getClass(department, code);
    if (!current) return 'missing';
    const deleted = await conditionalDelete({
      TableName: table(),
      Key: { pk: plan(department), sk: CLASS + code },
      ConditionExpression: 'attribute_exists(pk) AND records = :zero AND children = :zero',
      ExpressionAttributeValues: { ':zero': 0 },
    });
    if (!deleted.won) return (await this.getClass(department, code)) ? 'in-use' : 'missing';
    if (current.parentCode) {
      await conditionalUpdate({
        TableName: table(),
        Key: { pk: plan(department), sk: CLASS + current.parentCode },
        UpdateExpression: 'ADD children :less',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':less': -1 },
      });
    }
    return 'deleted';
  }

  async countRecord(department: string, code: string, scheduleId: string): Promise<boolean> {
    const written = await conditionalUpdate({
      TableName: table(),
      Key: { pk: plan(department), sk: CLASS + code },
      UpdateExpression: 'ADD records :one',
      ConditionExpression: 'attribute_exists(pk) AND scheduleId = :schedule',
      ExpressionAttributeValues: { ':one': 1, ':schedule': scheduleId },
    });
    return written.won;
  }
}

import { conditionalPut, putAtVersion } from '../../shared/dynamo';
import type { DisposalSchedule } from '../domain/schedule';
import type { PageOf, PageRequest, ScheduleStore } from '../ports';
import { getItem, pageOfPartition, table } from './table';

const plan = (department: string) => `PLAN#${department}`;
const SCHEDULE = 'SCHEDULE#';

const toItem = (s: DisposalSchedule) => ({ ...s, pk: plan(s.department), sk: SCHEDULE + s.id, kind: 'schedule' });

/** Schedules as items `PLAN#<department>` / `SCHEDULE#<id>`, versioned. */
export class DynamoScheduleStore implements ScheduleStore {
  get(department: string, id: string): Promise<DisposalSchedule | undefined> {
    return getItem<DisposalSchedule>(plan(department), SCHEDULE + id, 'schedule', ['department']);
  }

  async create(schedule: DisposalSchedule): Promise<boolean> {
    return (await conditionalPut({ TableName: table(), Item: toItem(schedule), ConditionExpression: 'attribute_not_exists(pk)' })).won;
  }

  update(next: DisposalSchedule, expectedVersion: number): Promise<boolean> {
    return putAtVersion(table(), toItem(next), expectedVersion);
  }

  list(department: string, page: PageRequest): Promise<PageOf<DisposalSchedule>> {
    return pageOfPartition<DisposalSchedule>(plan(department), SCHEDULE, page, ['department']);
  }
}

import { type Caller, officerDepartment } from '../../shared/identity';
import { isRecordsManager, type Officer } from '../domain/caller';
import type { RecordItem } from '../domain/record';
import { noDepartment, noSuchRecord, notRecordsManager } from '../errors';
import type { RecordsPorts } from '../ports';

/** The records service's view of a caller: a staff officer of one department, with their roles. */
export function officerOf(caller: Caller): Officer {
  const department = officerDepartment(caller);
  if (!department || caller.kind !== 'staff') throw noDepartment();
  return { department, subject: caller.subject, roles: caller.roles };
}

/** Refuses an officer who is not a records manager of their department. */
export function requireManager(officer: Officer): void {
  if (!isRecordsManager(officer)) throw notRecordsManager(officer.department);
}

/** The record, if it is the officer's department's; another department's is not found, as one that does not exist. */
export async function recordOf(ports: RecordsPorts, officer: Officer, id: string): Promise<RecordItem> {
  const record = await ports.records.get(id);
  if (!record || record.department !== officer.department) throw noSuchRecord(id);
  return record;
}

import { type Caller, officerDepartment } from '../../shared/identity';
import type { Officer } from '../domain/caller';
import { noDepartment } from '../errors';

/** A caller as an officer of one department, or 403. */
export function officerOf(caller: Caller): Officer {
  const department = officerDepartment(caller);
  if (!department || caller.kind !== 'staff') throw noDepartment();
  return { department, subject: caller.subject };
}

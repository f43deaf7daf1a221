import { type Caller, isPlatformAdmin, officerDepartment } from '../../shared/identity';
import type { MeasuredService } from '../domain/measured-service';
import { noDepartment, notOwner } from '../errors';

export interface Officer {
  readonly department: string;
  readonly subject: string;
}

/** A caller as an officer of one department, or 403. */
export function officerOf(caller: Caller): Officer {
  const department = officerDepartment(caller);
  if (!department || caller.kind !== 'staff') throw noDepartment();
  return { department, subject: caller.subject };
}

/** Whether the caller may read a service's review: its department's officers and the platform admins. */
export function assertReviewReader(caller: Caller, service: MeasuredService): void {
  if (isPlatformAdmin(caller)) return;
  if (officerDepartment(caller) !== service.department) throw notOwner(service.id);
}

/** The staff member behind a platform-admin route, for the records it leaves. */
export function adminOf(caller: Caller): { readonly subject: string } {
  if (caller.kind !== 'staff') throw noDepartment();
  return { subject: caller.subject };
}

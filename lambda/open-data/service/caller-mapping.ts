import { isPlatformAdmin, officerDepartment, type Caller as RuntimeCaller } from '../../shared/identity';
import type { Caller } from '../domain/caller';

/**
 * The runtime's caller as the open data service sees it: platform admins publish anywhere,
 * officers of a department (staff with the officer role, or the department's own workload)
 * publish for it, everyone else reads what is published.
 */
export function openDataCaller(identity: RuntimeCaller): Caller {
  if (isPlatformAdmin(identity)) return { kind: 'admin' };
  const department = officerDepartment(identity);
  if (department) return { kind: 'officer', department, roles: identity.kind === 'staff' ? identity.roles : [] };
  return { kind: 'public' };
}

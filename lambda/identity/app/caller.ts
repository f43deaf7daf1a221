import { type Caller, officerDepartment } from '../../shared/identity';
import type { IdentityCaller } from '../domain/caller';

/** The identity service's view of a platform caller. */
export function identityCaller(caller: Caller): IdentityCaller {
  if (caller.kind === 'citizen') return { kind: 'citizen', subject: caller.subject, assurance: caller.assurance };
  const department = officerDepartment(caller);
  if (caller.kind === 'staff' && department) return { kind: 'officer', subject: caller.subject, department, roles: caller.roles };
  return { kind: 'other' };
}

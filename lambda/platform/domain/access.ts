import { type Caller, isPlatformAdmin, officerDepartment } from '../../shared/identity';

/** A department's provisioning is seen by its own officers and by platform administrators. */
export function mayReadDepartment(caller: Caller, code: string): boolean {
  return isPlatformAdmin(caller) || officerDepartment(caller) === code;
}

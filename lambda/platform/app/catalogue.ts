import type { Caller } from '../../shared/identity';
import { mayReadDepartment } from '../domain/access';
import { type DepartmentProvision, departmentSummary } from '../domain/catalogue';
import { noSuchDepartment, notProvisionedFor } from '../errors';
import type { PlatformPorts } from '../ports';

/** The platform and its shared services: public. */
export function listServices(ports: PlatformPorts) {
  const { platform, services } = ports.catalogue;
  return { platform, services };
}

/** Every department, summarised: platform administrators (checked by the route's auth mode). */
export function listDepartments(ports: PlatformPorts) {
  return { departments: ports.catalogue.departments.map(departmentSummary) };
}

/** What was provisioned for one department: its own officers and platform administrators. */
export function getDepartment(ports: PlatformPorts, caller: Caller, code: string): DepartmentProvision {
  if (!mayReadDepartment(caller, code)) throw notProvisionedFor(code);
  const department = ports.catalogue.departments.find((d) => d.code === code);
  if (!department) throw noSuchDepartment(code);
  return department;
}

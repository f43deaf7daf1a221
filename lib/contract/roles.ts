/**
 * IAM names of a department's roles and boundary. The department stack names its roles with
 * them, and the services find the department of a calling role by the same pattern, so both
 * read it from here. No CDK import: Lambda code bundles this file.
 */

/** The roles every department gets, by short name. */
export const DEPARTMENT_ROLES = ['admin', 'developer', 'read-only'] as const;
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];

/** What every IAM name of a department starts with: `<prefix>-dept-<code>-`. */
export function departmentNamePrefix(prefix: string, code: string): string {
  return `${prefix}-dept-${code.toLowerCase()}-`;
}

/** IAM role name of a department role, like `gcp-dept-td-developer`. */
export function departmentRoleName(prefix: string, code: string, role: DepartmentRole): string {
  return `${departmentNamePrefix(prefix, code)}${role}`;
}

/** Name of the permissions boundary every role of the department carries. */
export function departmentBoundaryName(prefix: string, code: string): string {
  return `${departmentNamePrefix(prefix, code)}boundary`;
}

/** `<prefix>-dept-<code>-<role>` → `<CODE>`; undefined for a name of no department of this platform. */
export function departmentOfRoleName(roleName: string, prefix: string): string | undefined {
  const head = `${prefix}-dept-`;
  if (!roleName.startsWith(head)) return undefined;
  // Department codes are letters and digits only, so the code ends at the next dash.
  const code = roleName.slice(head.length).split('-')[0];
  return code ? code.toUpperCase() : undefined;
}

/** The qualifier of the CDK bootstrap (CDK's default), in the names of its roles in every account. */
export const CDK_QUALIFIER = 'hnb659fds';

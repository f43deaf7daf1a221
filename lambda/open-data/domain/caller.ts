import { isPlatformAdmin, officerDepartment, type Caller as RuntimeCaller } from '../../shared/identity';

/**
 * Who is calling, as the service sees it. The runtime maps its own identity (citizen, officer
 * token, IAM principal, platform admin) onto these three kinds before calling the service.
 */
export type Caller =
  | { readonly kind: 'public' }
  | { readonly kind: 'officer'; readonly department: string; readonly roles: readonly string[] }
  | { readonly kind: 'admin' };

export const PUBLIC_CALLER: Caller = { kind: 'public' };

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

/**
 * Department codes compare exactly, as the config writes them (`TD`, `LANDSD`): a code that only
 * looks the same (`ＴＤ`, `T\u200bD`, `td`) names no department.
 */
function sameDepartment(a: string, b: string): boolean {
  return a === b;
}

/**
 * Publishing (create, update, delete, uploads) is for officers of the department that owns the
 * dataset, and for platform admins.
 */
export function mayPublishFor(caller: Caller, department: string): boolean {
  if (caller.kind === 'admin') return true;
  return caller.kind === 'officer' && sameDepartment(caller.department, department);
}

/** Private, draft and deleted datasets are seen only by those who may publish them. */
export function maySeeUnpublished(caller: Caller, department: string): boolean {
  return mayPublishFor(caller, department);
}

/** A short, non-personal description of the caller for audit records. */
export function describeCaller(caller: Caller): string {
  switch (caller.kind) {
    case 'public':
      return 'public';
    case 'admin':
      return 'platform-admin';
    case 'officer':
      return `officer:${caller.department}`;
  }
}

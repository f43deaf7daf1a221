import type { Caller } from './caller';
import type { Incident } from './incident';

/** Whether a caller may do something, and if not, why. */
export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/**
 * The department an incident is reported for: an officer's own, or the one an analyst names.
 * An officer naming another department is refused.
 */
export function reportingDepartment(caller: Caller, named: string | undefined): { department: string } | { reason: string } {
  switch (caller.kind) {
    case 'officer':
      if (named !== undefined && named !== caller.department) {
        return { reason: `An officer of ${caller.department} reports incidents only for ${caller.department}, not ${named}.` };
      }
      return { department: caller.department };
    case 'analyst':
    case 'admin':
      return named === undefined ? { reason: 'Name the department the incident is reported for.' } : { department: named };
    case 'public':
      return { reason: 'Sign in as a department officer to report an incident.' };
  }
}

/** Which incidents a caller may list: all of them, one department's, or none. */
export function incidentScope(caller: Caller): { all: true } | { department: string } | { reason: string } {
  switch (caller.kind) {
    case 'analyst':
    case 'admin':
      return { all: true };
    case 'officer':
      return { department: caller.department };
    case 'public':
      return { reason: 'Incidents are visible to department officers and CERT analysts only.' };
  }
}

export function canRead(caller: Caller, incident: Pick<Incident, 'id' | 'department'>): Decision {
  const scope = incidentScope(caller);
  if ('reason' in scope) return deny(scope.reason);
  if ('department' in scope && scope.department !== incident.department) {
    return deny(`Incident ${incident.id} belongs to another department; an officer of ${scope.department} sees only its own.`);
  }
  return ALLOW;
}

/** Triage is the CERT's work. */
export function canTriage(caller: Caller): Decision {
  return caller.kind === 'analyst' || caller.kind === 'admin' ? ALLOW : deny('Only CERT analysts triage incidents.');
}

/** Advisories and the vulnerability catalogue are published by the CERT. */
export function canPublish(caller: Caller): Decision {
  return caller.kind === 'analyst' || caller.kind === 'admin' ? ALLOW : deny('Only CERT analysts publish advisories.');
}

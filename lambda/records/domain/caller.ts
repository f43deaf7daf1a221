/**
 * Who is calling, for records: an officer of one department, with the roles their token names.
 * Records belong to a department; nobody acts on another's.
 */
export interface Officer {
  readonly department: string;
  /** The caller's subject, for the event history. */
  readonly subject: string;
  readonly roles: readonly string[];
}

/** Keeps the department's file plan and schedules, places holds, reads event histories. */
export const RECORDS_MANAGER_ROLE = 'records-manager';
/** Approves disposals after the records manager. */
export const SENIOR_OFFICER_ROLE = 'senior-officer';

export const isRecordsManager = (officer: Officer) => officer.roles.includes(RECORDS_MANAGER_ROLE);

/** Where a request came from, for the event history. */
export interface RequestContext {
  readonly requestId: string;
  readonly sourceIp?: string;
}

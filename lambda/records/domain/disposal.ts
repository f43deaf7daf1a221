import type { Officer } from './caller';
import { RECORDS_MANAGER_ROLE, SENIOR_OFFICER_ROLE } from './caller';
import type { RecordItem } from './record';
import type { DisposalAction } from './retention';

/**
 * Disposal of a record that has fallen due: two approvals, the department's records manager's and
 * then a senior officer's (another person), then the schedule's action (destroying the content,
 * or transferring the record to the Government Records Service), leaving a certificate.
 */
export interface Approval {
  readonly role: typeof RECORDS_MANAGER_ROLE | typeof SENIOR_OFFICER_ROLE;
  readonly by: string;
  readonly at: string;
}

export interface Disposal {
  readonly action: DisposalAction;
  readonly approvals: readonly Approval[];
  /** Set once the action is done. */
  readonly disposedAt?: string;
}

/** What a disposal leaves: who approved, what was disposed of, under which schedule, when. */
export interface DisposalCertificate {
  readonly recordId: string;
  readonly department: string;
  readonly classCode: string;
  readonly title: string;
  readonly scheduleId: string;
  readonly scheduleVersion: number;
  readonly action: DisposalAction;
  readonly dueAt: string;
  readonly approvals: readonly Approval[];
  readonly disposedAt: string;
  readonly content: { readonly sha256: string; readonly size: number; readonly objectKey: string; readonly versionId?: string };
}

export type DisposalRefusal =
  | { readonly code: 'not_due'; readonly message: string }
  | { readonly code: 'record_held'; readonly message: string }
  | { readonly code: 'record_disposed'; readonly message: string }
  | { readonly code: 'not_kept'; readonly message: string }
  | { readonly code: 'still_locked'; readonly message: string }
  | { readonly code: 'wrong_role'; readonly message: string }
  | { readonly code: 'same_officer'; readonly message: string };

/** Whether a record may be disposed of now, whoever approves. */
export function disposalProblem(record: RecordItem, now: Date): DisposalRefusal | undefined {
  if (record.disposal?.disposedAt)
    return { code: 'record_disposed', message: `Record ${record.id} was disposed of on ${record.disposal.disposedAt}.` };
  if (record.state !== 'kept') return { code: 'not_kept', message: `Record ${record.id} has no content yet.` };
  if (record.holds.length > 0) {
    return {
      code: 'record_held',
      message: `Record ${record.id} is under ${record.holds.length} legal hold(s): it cannot be disposed of until they are released.`,
    };
  }
  if (!record.dueAt || record.dueAt > now.toISOString()) {
    return {
      code: 'not_due',
      message: `Record ${record.id} is not due for disposal${record.dueAt ? ` until ${record.dueAt}` : ': its trigger has not happened'}.`,
    };
  }
  return undefined;
}

/**
 * The record's disposal after this officer's approval: the first is a records manager's, the
 * second a senior officer's who is not the first approver. `done` once both have approved.
 */
export function approve(
  record: RecordItem,
  officer: Officer,
  action: DisposalAction,
  now: Date,
): { readonly disposal: Disposal; readonly done: boolean } | DisposalRefusal {
  const problem = disposalProblem(record, now);
  if (problem) return problem;
  const approvals = record.disposal?.approvals ?? [];
  const at = now.toISOString();
  if (approvals.length === 0) {
    if (!officer.roles.includes(RECORDS_MANAGER_ROLE))
      return { code: 'wrong_role', message: 'The first approval of a disposal is a records manager’s.' };
    return { disposal: { action, approvals: [{ role: RECORDS_MANAGER_ROLE, by: officer.subject, at }] }, done: false };
  }
  if (!officer.roles.includes(SENIOR_OFFICER_ROLE))
    return { code: 'wrong_role', message: 'The second approval of a disposal is a senior officer’s.' };
  if (approvals.some((a) => a.by === officer.subject)) {
    return {
      code: 'same_officer',
      message: `${officer.subject} approved this disposal already: the second approval is another officer’s.`,
    };
  }
  if (action === 'destroy' && record.lock.retainUntil > at) {
    return { code: 'still_locked', message: `The content is locked until ${record.lock.retainUntil}; it can be destroyed after that.` };
  }
  const disposal = { action, approvals: [...approvals, { role: SENIOR_OFFICER_ROLE, by: officer.subject, at }], disposedAt: at } as const;
  return { disposal, done: true };
}

export function certificateOf(
  record: RecordItem,
  scheduleVersion: number,
  disposal: Disposal & { disposedAt: string },
): DisposalCertificate {
  const { sha256, size, objectKey, versionId } = record.content;
  return {
    recordId: record.id,
    department: record.department,
    classCode: record.classCode,
    title: record.metadata.title,
    scheduleId: record.scheduleId,
    scheduleVersion,
    action: disposal.action,
    dueAt: record.dueAt ?? disposal.disposedAt,
    approvals: disposal.approvals,
    disposedAt: disposal.disposedAt,
    content: { sha256, size, objectKey, ...(versionId ? { versionId } : {}) },
  };
}

import type { DisposalAction, Retention, Trigger } from './retention';

/** An approved retention and disposal schedule of a department. */
export interface DisposalSchedule {
  readonly department: string;
  readonly id: string;
  readonly title: string;
  readonly trigger: Trigger;
  readonly retention: Retention;
  readonly action: DisposalAction;
  /** Rises by one on every change; its ETag. */
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export const SCHEDULE_ID_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

/** What If-Match may hold: one or more of the schedule's ETags (`*` would defeat the check, and is refused). */
export const IF_MATCH_PATTERN = /^\s*"\d+"(?:\s*,\s*"\d+")*\s*$/;

export const etagOf = (s: { version: number }) => `"${s.version}"`;

/** Whether an If-Match header names the current version. Weak tags never match (RFC 9110). */
export function ifMatchNames(header: string, current: { version: number }): boolean {
  return header
    .split(',')
    .map((t) => t.trim())
    .includes(etagOf(current));
}

/** A schedule changed as the records manager asks: the next version. */
export function changedSchedule(
  current: DisposalSchedule,
  change: Pick<DisposalSchedule, 'title' | 'trigger' | 'retention' | 'action'>,
  by: string,
  at: Date,
): DisposalSchedule {
  return { ...current, ...change, version: current.version + 1, updatedAt: at.toISOString(), updatedBy: by };
}

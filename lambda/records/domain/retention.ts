/**
 * When a record falls due for disposal: its schedule's retention period counted from the
 * schedule's trigger (the file's closing, the last action on it, or a date named for it), and
 * until when its content is locked. Pure arithmetic on UTC dates.
 */

export const TRIGGERS = ['file-closed', 'last-action', 'date'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const DISPOSAL_ACTIONS = ['destroy', 'transfer'] as const;
export type DisposalAction = (typeof DISPOSAL_ACTIONS)[number];

/** A retention period in whole years and months, as records schedules write them. */
export interface Retention {
  readonly years: number;
  readonly months: number;
}

/** What of a record a trigger reads: ISO instants, or a date (YYYY-MM-DD) for `date`. */
export interface TriggerFacts {
  readonly declaredAt: string;
  readonly closedAt?: string;
  readonly lastActionAt?: string;
  readonly triggerDate?: string;
}

export const retentionMonths = (r: Retention) => r.years * 12 + r.months;

/**
 * `at` plus a number of calendar months, on the same day of the month or the month's last day
 * when it has fewer (31 January + 1 month is 28 or 29 February), at the same time of day.
 */
export function addMonths(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(at.getTime());
  out.setUTCDate(1);
  out.setUTCFullYear(y, m, Math.min(at.getUTCDate(), lastDay));
  return out;
}

/** The moment the trigger happened, or undefined while it has not (an open file). */
export function triggeredAt(trigger: Trigger, facts: TriggerFacts): Date | undefined {
  switch (trigger) {
    case 'file-closed':
      return facts.closedAt ? new Date(facts.closedAt) : undefined;
    case 'last-action':
      return new Date(facts.lastActionAt ?? facts.declaredAt);
    case 'date':
      return facts.triggerDate ? new Date(`${facts.triggerDate}T00:00:00.000Z`) : undefined;
  }
}

/** When the record falls due for disposal, or undefined while its trigger has not happened. */
export function dueAt(schedule: { trigger: Trigger; retention: Retention }, facts: TriggerFacts): Date | undefined {
  const from = triggeredAt(schedule.trigger, facts);
  return from && addMonths(from, retentionMonths(schedule.retention));
}

/** The shortest Object Lock S3 accepts on a write: a retain-until date in the future. */
export const MINIMUM_LOCK_DAYS = 1;

/**
 * Until when the record's content is locked: its due date, or, while that is not known, the
 * retention counted from its declaration (no trigger can come before the record exists, so the
 * period cannot end sooner); never earlier than a lock set already (a lock in COMPLIANCE mode
 * can only be extended) nor than a day from now.
 */
export function retainUntil(schedule: { trigger: Trigger; retention: Retention }, facts: TriggerFacts, now: Date, current?: string): Date {
  const due = dueAt(schedule, facts);
  const lowerBound = addMonths(new Date(facts.declaredAt), retentionMonths(schedule.retention));
  const candidates = [due ?? lowerBound, new Date(now.getTime() + MINIMUM_LOCK_DAYS * 86_400_000)];
  if (current) candidates.push(new Date(current));
  return new Date(Math.max(...candidates.map((d) => d.getTime())));
}

import { addDays, addMonths } from './days';

/** The post-implementation review each e-service and app owes, six months after launch. */
export const REVIEW_AFTER_MONTHS = 6;

export const DECISIONS = ['promote', 'upgrade', 'improve', 'retire'] as const;
export type Decision = (typeof DECISIONS)[number];

export const REVIEW_STATES = ['not_due', 'due', 'overdue', 'filed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** How long before its due date a review is shown as due, so a department is reminded in time. */
export const NOTICE_DAYS = 30;

export interface FiledReview {
  readonly objectives: string;
  /** The take-up measured, in the department's words and its figures. */
  readonly measuredTakeUp: string;
  readonly costHkd: number;
  readonly issues: string;
  readonly decision: Decision;
  readonly filedAt: string;
  readonly filedBy: string;
}

export interface Advice {
  readonly text: string;
  readonly at: string;
  readonly by: string;
}

export interface Review {
  readonly service: string;
  readonly department: string;
  readonly launchDate: string;
  readonly dueDate: string;
  readonly state: ReviewState;
  readonly filed?: FiledReview;
  readonly advice: readonly Advice[];
}

export const reviewDueDate = (launchDate: string) => addMonths(launchDate, REVIEW_AFTER_MONTHS);

/** The first day a review is shown as due: its notice before the due date. */
export function dueFrom(dueDate: string): string {
  return addDays(dueDate, -NOTICE_DAYS);
}

/**
 * Where a review stands on a day: filed; else overdue once its due date has passed, due in the
 * notice before it, and not yet due before that. A department may file at any time after launch.
 */
export function reviewState(dueDate: string, today: string, filed: boolean): ReviewState {
  if (filed) return 'filed';
  if (today > dueDate) return 'overdue';
  return today >= dueFrom(dueDate) ? 'due' : 'not_due';
}

import type { ProcurementSettings } from './settings';

const DAY_MS = 24 * 3600 * 1000;

/** What a tender's publication is checked against: its coverage and the fewest days it may run. */
export interface TenderingRule {
  /** Covered by the WTO Agreement on Government Procurement: its estimated value is at or above the threshold. */
  readonly covered: boolean;
  /** A notice of planned procurement counts towards a shorter period. */
  readonly plannedNotice: boolean;
  readonly minimumDays: number;
  /** The rule in words, for the answer and the README. */
  readonly rule: string;
}

/** A notice of planned procurement published this long before, and no longer, shortens the period (GPA Article XI:3). */
const NOTICE_MIN_DAYS = 40;
const NOTICE_MAX_DAYS = 365;

/**
 * The rule a tender's period is held to: a tender valued at or above the GPA threshold runs at
 * least `covered` days from publication to closing, or `coveredWithPlannedNotice` when a notice
 * of planned procurement was published between 40 days and 12 months before; one below the
 * threshold runs at least `belowThreshold` days. Days are whole periods of 24 hours.
 */
export function tenderingRule(
  tender: { readonly value: { readonly amount: number }; readonly plannedProcurementNotice?: { readonly publishedAt: string } },
  publishedAt: Date,
  settings: ProcurementSettings,
): TenderingRule {
  const days = settings.minimumTenderingDays;
  const covered = tender.value.amount >= settings.gpaThresholdHkd;
  const notice = tender.plannedProcurementNotice;
  const noticeAge = notice ? (publishedAt.getTime() - Date.parse(notice.publishedAt)) / DAY_MS : Number.NaN;
  const plannedNotice = covered && noticeAge >= NOTICE_MIN_DAYS && noticeAge <= NOTICE_MAX_DAYS;
  if (!covered) {
    return {
      covered,
      plannedNotice: false,
      minimumDays: days.belowThreshold,
      rule: `below the GPA threshold of HK$${settings.gpaThresholdHkd}: at least ${days.belowThreshold} days from publication to closing`,
    };
  }
  if (plannedNotice) {
    return {
      covered,
      plannedNotice,
      minimumDays: days.coveredWithPlannedNotice,
      rule: `covered by the GPA, announced by a notice of planned procurement 40 days to 12 months before: at least ${days.coveredWithPlannedNotice} days from publication to closing`,
    };
  }
  return {
    covered,
    plannedNotice,
    minimumDays: days.covered,
    rule: `covered by the GPA (HK$${settings.gpaThresholdHkd} or more): at least ${days.covered} days from publication to closing`,
  };
}

/** How many whole days the tender runs if published at `publishedAt` and closing at `closesAt`. */
export function wholeDays(publishedAt: Date, closesAt: string): number {
  return Math.floor((Date.parse(closesAt) - publishedAt.getTime()) / DAY_MS);
}

/** Why the period falls short of the rule, or undefined when it meets it. */
export function periodShortfall(rule: TenderingRule, publishedAt: Date, closesAt: string): string | undefined {
  const days = wholeDays(publishedAt, closesAt);
  if (days >= rule.minimumDays) return undefined;
  return `The tender would run ${days} whole day(s) from publication to closing; the rule is ${rule.rule}. Move the closing time later.`;
}

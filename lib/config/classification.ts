/** The government's data classification levels, lowest first. */
export const CLASSIFICATION_LEVELS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'] as const;

export type Classification = (typeof CLASSIFICATION_LEVELS)[number];

/** Rank of a level: higher means more sensitive. */
export function classificationRank(level: Classification): number {
  return CLASSIFICATION_LEVELS.indexOf(level);
}

/** True when `level` is at or above `threshold`. */
export function isAtLeast(level: Classification, threshold: Classification): boolean {
  return classificationRank(level) >= classificationRank(threshold);
}

/** The government's data classification levels, lowest first (as the platform config names them). */
export const LEVELS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'] as const;
export type Level = (typeof LEVELS)[number];

/** The classification rule: data of `data`'s level may go only to a department cleared at or above it. */
export function mayReceive(department: Level | undefined, data: Level): boolean {
  return department !== undefined && LEVELS.indexOf(department) >= LEVELS.indexOf(data);
}

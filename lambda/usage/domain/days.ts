/** Days as Hong Kong counts them (UTC+8, no daylight saving): every figure belongs to one. */
const HONG_KONG_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The Hong Kong day of an instant, `YYYY-MM-DD`. */
export function hongKongDay(at: Date): string {
  return new Date(at.getTime() + HONG_KONG_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day `days` after a day (before it, when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day `months` calendar months after `day`; a day the later month lacks becomes its last
 * (31 August + 6 months is 28 or 29 February).
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const targetMonth = month - 1 + months;
  const lastOfTarget = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, targetMonth, Math.min(date, lastOfTarget))).toISOString().slice(0, 10);
}

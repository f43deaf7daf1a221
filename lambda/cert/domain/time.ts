/** The CERT numbers cases and advisories by the calendar in Hong Kong, whatever the server's zone. */
const HONG_KONG = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Hong_Kong', year: 'numeric', month: '2-digit', day: '2-digit' });

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function hongKongDate(at: Date): CalendarDate {
  const parts = Object.fromEntries(HONG_KONG.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** `YYYY-MM-DD` in Hong Kong. */
export function hongKongIsoDate(at: Date): string {
  const { year, month, day } = hongKongDate(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

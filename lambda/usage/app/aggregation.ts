import { aggregateDay } from '../domain/aggregate';
import { addDays, hongKongDay } from '../domain/days';
import { dayNotOver } from '../errors';
import type { UsagePorts } from '../ports';

export interface AggregationResult {
  readonly date: string;
  readonly services: number;
  readonly events: number;
}

/** The Hong Kong day before now: the one the nightly run counts. */
export const yesterday = (now: Date) => addDays(hongKongDay(now), -1);

/**
 * Counts one finished day: its events from the events bucket, the departments' reports, and each
 * service's downloads up to the day before; the figures replace any counted before.
 */
export async function aggregate(ports: UsagePorts, date: string): Promise<AggregationResult> {
  if (date >= hongKongDay(ports.clock())) throw dayNotOver(date);
  const services = await ports.services.all();
  const [events, reports, before] = await Promise.all([
    ports.source.ofDay(date),
    ports.reports.ofDay(date),
    Promise.all(services.map((s) => ports.figures.latestBefore(s.id, date))),
  ]);
  const figures = aggregateDay({
    date,
    departments: new Map(services.map((s) => [s.id, s.department])),
    events,
    reports,
    downloadsBefore: new Map(services.map((s, i) => [s.id, before[i]?.cumulativeDownloads ?? 0])),
  });
  await ports.figures.putDay(figures);
  return { date, services: figures.length, events: events.length };
}

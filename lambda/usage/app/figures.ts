import type { DailyFigures } from '../domain/aggregate';
import { addDays, hongKongDay } from '../domain/days';
import { badSpan } from '../errors';
import type { UsagePorts } from '../ports';
import { yesterday } from './aggregation';
import { getService } from './services';

const DAY_MS = 86_400_000;
const MAX_SPAN_DAYS = 366;

/** GET /usage/v1/services/{id}/figures: by default the 30 days to yesterday. */
export async function serviceFigures(ports: UsagePorts, id: string, query: { from?: string; to?: string }): Promise<DailyFigures[]> {
  await getService(ports, id);
  const to = query.to ?? yesterday(ports.clock());
  const from = query.from ?? addDays(to, -29);
  if (from > to) throw badSpan(`The span starts (${from}) after it ends (${to}).`);
  if (Date.parse(to) - Date.parse(from) >= MAX_SPAN_DAYS * DAY_MS) throw badSpan(`Ask for at most ${MAX_SPAN_DAYS} days at a time.`);
  return ports.figures.ofService(id, from, to);
}

/** GET /usage/v1/days/{date}/figures: nothing for a day not yet counted. */
export async function dayFigures(ports: UsagePorts, date: string): Promise<DailyFigures[]> {
  if (date >= hongKongDay(ports.clock())) return [];
  return ports.figures.ofDay(date);
}

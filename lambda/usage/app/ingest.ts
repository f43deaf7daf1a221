import { hongKongDay } from '../domain/days';
import type { ServiceReport, StoredEvent } from '../domain/events';
import type { BeaconInput, ReportsInput } from '../domain/schemas';
import { visitorHash } from '../domain/visitor';
import { afterToday, beforeLaunch, notOwner, unregistered } from '../errors';
import type { UsagePorts } from '../ports';
import type { Officer } from './access';

/** Where a beacon came from, which is hashed and then forgotten. */
export interface Origin {
  readonly sourceIp: string;
  readonly userAgent: string;
}

async function registered(ports: UsagePorts, ids: readonly string[]) {
  const distinct = [...new Set(ids)];
  const found = await Promise.all(distinct.map((id) => ports.services.get(id)));
  const missing = distinct.filter((_, i) => !found[i]);
  if (missing.length > 0) throw unregistered(missing);
  return new Map(found.map((s) => [s?.id as string, s as NonNullable<typeof s>]));
}

/** POST /usage/v1/beacon: every event of the batch is of a registered service, or none is stored. */
export async function acceptBeacon(ports: UsagePorts, input: BeaconInput, origin: Origin): Promise<{ accepted: number }> {
  await registered(
    ports,
    input.events.map((e) => e.service),
  );
  const now = ports.clock();
  const date = hongKongDay(now);
  const salt = await ports.salts.saltOf(date);
  const events: StoredEvent[] = input.events.map((e) => ({
    kind: e.kind,
    service: e.service,
    date,
    at: now.toISOString(),
    visitor: visitorHash(salt, e.service, origin.sourceIp, origin.userAgent),
    ...(e.page ? { page: e.page } : {}),
    ...(e.language ? { language: e.language } : {}),
  }));
  await ports.sink.put(events);
  return { accepted: events.length };
}

/** POST /usage/v1/reports: a department's downloads and offline volumes, of its own services, from their launch. */
export async function storeReports(ports: UsagePorts, officer: Officer, input: ReportsInput): Promise<{ stored: number }> {
  const services = await registered(
    ports,
    input.reports.map((r) => r.service),
  );
  const today = hongKongDay(ports.clock());
  for (const report of input.reports) {
    if (report.date > today) throw afterToday(report.date);
    const service = services.get(report.service);
    if (service?.department !== officer.department) throw notOwner(report.service);
    if (report.date < service.launchDate) throw beforeLaunch(report.service, report.date);
  }
  const reportedAt = ports.clock().toISOString();
  const reports: ServiceReport[] = input.reports.map((r) => ({ ...r, reportedAt, reportedBy: officer.subject }));
  await ports.reports.put(reports);
  return { stored: reports.length };
}

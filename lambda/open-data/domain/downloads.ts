import { hongKongTime } from './archive';

/**
 * Downloads are counted per dataset, resource and Hong Kong day; usage statistics are published
 * from these counts later. The adapter records each download as an increment.
 */
export interface DownloadEvent {
  readonly packageId: string;
  readonly resourceId: string;
  /** ISO 8601 UTC. */
  readonly at: string;
}

export interface DownloadCount {
  readonly packageId: string;
  readonly resourceId: string;
  /** Hong Kong day, YYYYMMDD. */
  readonly day: string;
  readonly count: number;
}

export interface DatasetDownloads {
  readonly packageId: string;
  readonly total: number;
  readonly resources: Readonly<Record<string, number>>;
  readonly days: Readonly<Record<string, number>>;
}

/** The day a download counts towards. */
export function downloadDay(at: string): string {
  return hongKongTime(at).day;
}

/** Raw events folded into counts per dataset, resource and day. */
export function countEvents(events: Iterable<DownloadEvent>): DownloadCount[] {
  const counts = new Map<string, DownloadCount>();
  for (const event of events) {
    const day = downloadDay(event.at);
    const key = `${event.packageId}\u0000${event.resourceId}\u0000${day}`;
    const held = counts.get(key);
    counts.set(key, { packageId: event.packageId, resourceId: event.resourceId, day, count: (held?.count ?? 0) + 1 });
  }
  return [...counts.values()];
}

/** Totals per dataset over an optional range of days (inclusive), most downloaded first. */
export function aggregateDownloads(rows: Iterable<DownloadCount>, range: { from?: string; to?: string } = {}): DatasetDownloads[] {
  const byPackage = new Map<string, { total: number; resources: Record<string, number>; days: Record<string, number> }>();
  for (const row of rows) {
    if ((range.from && row.day < range.from) || (range.to && row.day > range.to)) continue;
    let entry = byPackage.get(row.packageId);
    if (!entry) {
      entry = { total: 0, resources: {}, days: {} };
      byPackage.set(row.packageId, entry);
    }
    entry.total += row.count;
    entry.resources[row.resourceId] = (entry.resources[row.resourceId] ?? 0) + row.count;
    entry.days[row.day] = (entry.days[row.day] ?? 0) + row.count;
  }
  return [...byPackage]
    .map(([packageId, entry]) => ({ packageId, ...entry }))
    .sort((a, b) => b.total - a.total || (a.packageId < b.packageId ? -1 : 1));
}

import type { ServiceReport, StoredEvent } from './events';

/** One service's figures for one Hong Kong day: what the dataset publishes, a row each. */
export interface DailyFigures {
  readonly service: string;
  readonly department: string;
  readonly date: string;
  readonly pageViews: number;
  /** Distinct visitor hashes among the day's events of the service. */
  readonly visitors: number;
  readonly starts: number;
  readonly completions: number;
  /** Completions over starts, at most 1 (a journey begun the day before can finish today); null without starts. */
  readonly completionRate: number | null;
  /** Store downloads the department reported for the day, every platform. */
  readonly downloads: number;
  /** Downloads reported up to and including the day. */
  readonly cumulativeDownloads: number;
  /** Distinct visitors with an app session. */
  readonly activeUsers: number;
  /** Active users over cumulative downloads, at most 1; null before any download is reported. */
  readonly usageRate: number | null;
  /** Transactions the department reported done offline (counter, post, phone) on the day. @default - null: none reported */
  readonly offlineTransactions: number | null;
  /** Completions online over all transactions, online and offline; null unless offline volume was reported. */
  readonly digitalTakeUp: number | null;
}

/** A ratio rounded to four places, capped at 1; null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round(Math.min(1, part / whole) * 10_000) / 10_000;
}

export interface AggregationInput {
  readonly date: string;
  /** The services measured, with their departments, by id. */
  readonly departments: ReadonlyMap<string, string>;
  readonly events: Iterable<StoredEvent>;
  readonly reports: readonly ServiceReport[];
  /** Cumulative downloads of each service up to the day before. */
  readonly downloadsBefore: ReadonlyMap<string, number>;
}

interface Tally {
  pageViews: number;
  starts: number;
  completions: number;
  visitors: Set<string>;
  appUsers: Set<string>;
}

const emptyTally = (): Tally => ({ pageViews: 0, starts: 0, completions: 0, visitors: new Set(), appUsers: new Set() });

/**
 * The day's figures of every measured service, from its events and its department's reports. A
 * service with no event and no report still gets a row of zeros, so a dataset shows the day was
 * counted; events of a service nobody registers, or of another day, are left out.
 */
export function aggregateDay(input: AggregationInput): DailyFigures[] {
  const tallies = new Map<string, Tally>();
  for (const service of input.departments.keys()) tallies.set(service, emptyTally());
  for (const event of input.events) {
    const tally = tallies.get(event.service);
    if (!tally || event.date !== input.date) continue;
    tally.visitors.add(event.visitor);
    if (event.kind === 'page_view') tally.pageViews++;
    else if (event.kind === 'service_start') tally.starts++;
    else if (event.kind === 'service_completion') tally.completions++;
    else tally.appUsers.add(event.visitor);
  }
  const reported = (service: string, kind: ServiceReport['kind']) => {
    const matching = input.reports.filter((r) => r.service === service && r.date === input.date && r.kind === kind);
    return matching.length === 0 ? null : matching.reduce((sum, r) => sum + r.count, 0);
  };
  return [...tallies.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([service, tally]) => {
      const downloads = reported(service, 'download') ?? 0;
      const cumulativeDownloads = (input.downloadsBefore.get(service) ?? 0) + downloads;
      const offline = reported(service, 'offline_transaction');
      return {
        service,
        department: input.departments.get(service) as string,
        date: input.date,
        pageViews: tally.pageViews,
        visitors: tally.visitors.size,
        starts: tally.starts,
        completions: tally.completions,
        completionRate: ratio(tally.completions, tally.starts),
        downloads,
        cumulativeDownloads,
        activeUsers: tally.appUsers.size,
        usageRate: ratio(tally.appUsers.size, cumulativeDownloads),
        offlineTransactions: offline,
        digitalTakeUp: offline === null ? null : ratio(tally.completions, tally.completions + offline),
      };
    });
}

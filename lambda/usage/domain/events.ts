/**
 * Usage events. The public beacon reports what a visitor does (page views, starts and
 * completions of a service, an app's sessions); a department reports what only it knows (store
 * downloads, transactions done offline). Nothing personal is kept: no address, no identifier,
 * only a visitor hash that means something within one service on one day.
 */
export const BEACON_KINDS = ['page_view', 'service_start', 'service_completion', 'app_session'] as const;
export type BeaconKind = (typeof BEACON_KINDS)[number];

export const REPORT_KINDS = ['download', 'offline_transaction'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const PLATFORMS = ['ios', 'android', 'harmonyos', 'all'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const LANGUAGES = ['en', 'zh-hk', 'zh-cn'] as const;

/** One event as stored: JSON lines under `events/kind=<kind>/date=<day>/service=<id>/`. */
export interface StoredEvent {
  readonly kind: BeaconKind;
  readonly service: string;
  /** The Hong Kong day it happened. */
  readonly date: string;
  /** When the server received it. */
  readonly at: string;
  /** The visitor's hash for this service and day, 16 hex digits. */
  readonly visitor: string;
  /** The page's path, without its query. @default - none */
  readonly page?: string;
  readonly language?: (typeof LANGUAGES)[number];
}

/** A department's figure for a service and day; a later report of the same kind and platform replaces it. */
export interface ServiceReport {
  readonly service: string;
  readonly date: string;
  readonly kind: ReportKind;
  readonly platform: Platform;
  readonly count: number;
  readonly reportedAt: string;
  readonly reportedBy: string;
}

/** Where an event's object lives, the same for Firehose's dynamic partitions and local mode. */
export const EVENTS_PREFIX = 'events/';
export const eventPartition = (kind: string, date: string, service: string) =>
  `${EVENTS_PREFIX}kind=${kind}/date=${date}/service=${service}/`;
/** The objects of one kind and day, every service. */
export const dayPrefix = (kind: string, date: string) => `${EVENTS_PREFIX}kind=${kind}/date=${date}/`;

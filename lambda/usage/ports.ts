import type { PageOf, PageRequest } from '../shared/sort-key-cursor';
import type { DailyFigures } from './domain/aggregate';
import type { ServiceReport, StoredEvent } from './domain/events';
import type { MeasuredService } from './domain/measured-service';
import type { Advice, FiledReview } from './domain/review';

export type { PageOf, PageRequest };

export interface MeasuredServiceStore {
  /** Stores a new service; false when its id is taken. */
  register(service: MeasuredService): Promise<boolean>;
  get(id: string): Promise<MeasuredService | undefined>;
  list(page: PageRequest): Promise<PageOf<MeasuredService>>;
  all(): Promise<MeasuredService[]>;
}

export interface ReportStore {
  /** Writes each report, replacing one of the same service, day, kind and platform. */
  put(reports: readonly ServiceReport[]): Promise<void>;
  ofDay(date: string): Promise<ServiceReport[]>;
}

export interface FigureStore {
  putDay(figures: readonly DailyFigures[]): Promise<void>;
  ofDay(date: string): Promise<DailyFigures[]>;
  ofService(service: string, from: string, to: string): Promise<DailyFigures[]>;
  /** The latest figures of a service before a day, if it was counted before. */
  latestBefore(service: string, date: string): Promise<DailyFigures | undefined>;
}

export interface ReviewRecord {
  readonly filed?: FiledReview;
  readonly advice: readonly Advice[];
}

export interface ReviewStore {
  get(service: string): Promise<ReviewRecord>;
  /** Files the return only if none was filed; false when one was. */
  file(service: string, filed: FiledReview): Promise<boolean>;
  advise(service: string, advice: Advice): Promise<void>;
}

/** The salt of a day's visitor hashes: made on first use, the same for every writer, gone after two days. */
export interface SaltStore {
  saltOf(date: string): Promise<string>;
}

/** Where the beacon's events go: Firehose in AWS, the events bucket directly in local mode. */
export interface EventSink {
  put(events: readonly StoredEvent[]): Promise<void>;
}

/** The stored events of a day, every kind and service, read back from the events bucket. */
export interface EventSource {
  ofDay(date: string): Promise<StoredEvent[]>;
}

export interface UsagePorts {
  readonly services: MeasuredServiceStore;
  readonly reports: ReportStore;
  readonly figures: FigureStore;
  readonly reviews: ReviewStore;
  readonly salts: SaltStore;
  readonly sink: EventSink;
  readonly source: EventSource;
  readonly clock: () => Date;
}

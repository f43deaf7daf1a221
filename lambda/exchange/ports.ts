import type { PageOf, PageRequest } from '../shared/sort-key-cursor';
import type { DataService, Row } from './domain/dataset';
import type { AccessRequest } from './domain/grant';
import type { LogEntry, LogRecord } from './domain/message-log';
import type { PlannedQuery } from './domain/query';
import type { ExchangeSettings } from './domain/settings';

export type { PageOf, PageRequest };

export interface ServiceStore {
  /** Stores a new service; false when its owner publishes its table already. */
  publish(service: DataService): Promise<boolean>;
  get(id: string): Promise<DataService | undefined>;
  list(page: PageRequest): Promise<PageOf<DataService>>;
}

export interface RequestStore {
  create(request: AccessRequest): Promise<void>;
  get(id: string): Promise<AccessRequest | undefined>;
  /** Writes the decision only if the request is still pending; false when another decision won. */
  decide(decided: AccessRequest): Promise<boolean>;
}

/** The hash-chained message log; two writers never fork it. */
export interface MessageLog {
  append(record: LogRecord): Promise<LogEntry>;
  /** The entries about one department's data, oldest first. */
  ofOwner(department: string, page: PageRequest): Promise<PageOf<LogEntry>>;
  all(): Promise<LogEntry[]>;
}

/** Runs a planned query: over the embedded store in local mode, Athena in AWS. */
export interface QueryEngine {
  run(plan: PlannedQuery): Promise<Row[]>;
}

export interface ExchangePorts {
  readonly services: ServiceStore;
  readonly requests: RequestStore;
  readonly log: MessageLog;
  readonly engine: QueryEngine;
  readonly settings: ExchangeSettings;
  /** Each department's classification, from the config. */
  readonly departments: Readonly<Record<string, string>>;
  readonly clock: () => Date;
  readonly ids: () => string;
}

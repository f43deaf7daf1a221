import type { IdempotencyStore } from '../shared/idempotency';
import type { Advisory } from './domain/advisory';
import type { Incident } from './domain/incident';
import type { StoredKevEntry } from './domain/kev';
import type { CursorPosition } from './domain/paging';
import type { Severity } from './domain/severity';
import type { Status } from './domain/state-machine';

export interface PageOf<T> {
  readonly items: readonly T[];
  /** Where the next page starts; none on the last page. */
  readonly next?: CursorPosition;
}

export interface IncidentQuery {
  /** One department's incidents; all when absent. */
  readonly department?: string;
  readonly status?: Status;
  readonly severity?: Severity;
  /** ISO instant; incidents created at or after it. */
  readonly since?: string;
  readonly after?: CursorPosition;
  readonly limit: number;
}

export interface IncidentStore {
  /** The next case sequence of a year, atomically: no two callers get the same. */
  nextCaseSequence(year: number): Promise<number>;
  /** The case number a finding was filed under, if it was. */
  findingCase(dedupKey: string): Promise<string | undefined>;
  /** Files a finding under a case number, unless it is filed already; false if it is. */
  claimFinding(dedupKey: string, caseNumber: string, at: Date): Promise<boolean>;
  /** Stores a new incident; false if one with its id exists. */
  create(incident: Incident): Promise<boolean>;
  get(id: string): Promise<Incident | undefined>;
  /** Stores `next` if the stored incident is still at `expectedVersion`. */
  update(next: Incident, expectedVersion: number): Promise<'updated' | 'stale' | 'missing'>;
  /** Counts another sighting of a finding's incident. */
  recordSighting(id: string, lastSeenAt: string): Promise<Incident | undefined>;
  /** Newest first. */
  list(query: IncidentQuery): Promise<PageOf<Incident>>;
}

export interface AdvisoryStore {
  /** The next advisory sequence of a month, atomically. */
  nextAdvisorySequence(year: number, month: number): Promise<number>;
  /** Stores a new advisory; false if its id is taken. */
  create(advisory: Advisory): Promise<boolean>;
  get(id: string): Promise<Advisory | undefined>;
  /** Newest first. */
  list(query: { readonly after?: CursorPosition; readonly limit: number }): Promise<PageOf<Advisory>>;
}

export interface KnownExploitedStore {
  /** Adds an entry to the catalogue; false if the CVE is already in it. */
  add(entry: StoredKevEntry): Promise<boolean>;
  list(): Promise<readonly StoredKevEntry[]>;
}

/** What the CERT's use cases need from outside. */
export interface CertPorts {
  readonly incidents: IncidentStore;
  /** Idempotency-Key claims of reports, by department and key. */
  readonly reportClaims: IdempotencyStore;
  readonly advisories: AdvisoryStore;
  readonly knownExploited: KnownExploitedStore;
  readonly clock: () => Date;
}

import type { Advisory } from './domain/advisory';
import type { CursorPosition } from './domain/cursor';
import type { Incident } from './domain/incident';
import type { StoredKevEntry } from './domain/kev';
import type { Severity } from './domain/severity';
import type { Status } from './domain/state-machine';

/** A key that may be used once, pointing at the case it opened: an Idempotency-Key or a finding. */
export interface Claim {
  readonly key: string;
  readonly caseNumber: string;
  /** Fingerprint of the request that claimed an Idempotency-Key. */
  readonly fingerprint?: string;
  readonly createdAt: string;
}

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
  /** A live claim, if the key has one. */
  findClaim(key: string, now: Date): Promise<Claim | undefined>;
  /** Takes a key if no live claim holds it; false if one does. */
  claim(claim: Claim, now: Date, ttlSeconds?: number): Promise<boolean>;
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
  /** Adds an entry to the catalogue; false if the CVE is already in it. */
  addKnownExploited(entry: StoredKevEntry): Promise<boolean>;
  listKnownExploited(): Promise<readonly StoredKevEntry[]>;
}

/** What the service functions need from outside. */
export interface CertPorts {
  readonly incidents: IncidentStore;
  readonly advisories: AdvisoryStore;
  readonly clock: () => Date;
}

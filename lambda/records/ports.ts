import type { IdempotencyStore } from '../shared/idempotency';
import type { PageOf, PageRequest } from '../shared/sort-key-cursor';
import type { DisposalCertificate } from './domain/disposal';
import type { RecordEvent } from './domain/events';
import type { FileClass } from './domain/file-plan';
import type { LockMode, LockPolicy, RecordItem } from './domain/record';
import type { DisposalSchedule } from './domain/schedule';

export type { PageOf, PageRequest };

export interface FilePlanStore {
  getClass(department: string, code: string): Promise<FileClass | undefined>;
  /** Stores a new class and counts it under its parent; false if its code is taken. */
  createClass(fileClass: FileClass): Promise<boolean>;
  listClasses(department: string, page: PageRequest): Promise<PageOf<FileClass>>;
  /** How many records and child classes a class holds. */
  holdings(department: string, code: string): Promise<{ records: number; children: number } | undefined>;
  /** Deletes a class only while it holds no record and no class; 'in-use' otherwise. */
  deleteClass(department: string, code: string): Promise<'deleted' | 'in-use' | 'missing'>;
  /** Counts a record into a class, if the class still names the schedule; false otherwise. */
  countRecord(department: string, code: string, scheduleId: string): Promise<boolean>;
}

export interface ScheduleStore {
  get(department: string, id: string): Promise<DisposalSchedule | undefined>;
  /** false if the id is taken. */
  create(schedule: DisposalSchedule): Promise<boolean>;
  /** Stores `next` if the stored schedule is still at `expectedVersion`. */
  update(next: DisposalSchedule, expectedVersion: number): Promise<boolean>;
  list(department: string, page: PageRequest): Promise<PageOf<DisposalSchedule>>;
}

export interface RecordStore {
  get(id: string): Promise<RecordItem | undefined>;
  /** false if the id is taken. */
  create(record: RecordItem): Promise<boolean>;
  /** Stores `next` if the stored record is still at `expectedVersion`. */
  update(next: RecordItem, expectedVersion: number): Promise<boolean>;
  list(department: string, query: PageRequest & { readonly classCode?: string }): Promise<PageOf<RecordItem>>;
  /** Every record under a schedule. */
  underSchedule(department: string, scheduleId: string): Promise<readonly RecordItem[]>;
  /** Kept records due for disposal by `at` and not disposed of, newest first. */
  listDue(department: string, at: string, page: PageRequest): Promise<PageOf<RecordItem>>;
  /** Stores a disposal's certificate; false if the record has one. */
  putCertificate(certificate: DisposalCertificate): Promise<boolean>;
  getCertificate(recordId: string): Promise<DisposalCertificate | undefined>;
}

export interface EventLog {
  /** Appends an event; an event is never overwritten. */
  append(event: RecordEvent): Promise<void>;
  list(recordId: string, page: PageRequest): Promise<PageOf<RecordEvent>>;
}

export interface PresignedUpload {
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

/** What S3 holds at a key, as it reports it. */
export interface StoredContent {
  readonly size: number;
  readonly sha256: string;
  readonly versionId?: string;
  /** The lock S3 reports on the object; embedded S3 reports none. */
  readonly lockMode?: LockMode;
  readonly retainUntil?: string;
}

export interface ContentStore {
  /** A PUT that S3 accepts only with the declared length and checksum, written under the lock given. */
  presignUpload(
    key: string,
    upload: { contentType: string; size: number; sha256: string; lockMode: LockMode; retainUntil: string; expiresInSeconds: number },
  ): Promise<PresignedUpload>;
  describe(key: string): Promise<StoredContent | undefined>;
  /** The content's bytes, of the version given. */
  read(key: string, versionId: string | undefined): Promise<Buffer>;
  /** Deletes the one version of the content: a disposal's destruction, once its lock has expired. */
  destroy(key: string, versionId: string | undefined): Promise<void>;
}

/**
 * Object Lock on stored content beyond what the upload wrote: extending retention, legal holds.
 * In AWS, S3 enforces them; embedded S3 has no Object Lock, and there the domain's rules alone
 * keep records immutable (and this port records what S3 would have been asked).
 */
export interface ObjectLocks {
  extendRetention(key: string, versionId: string | undefined, mode: LockMode, retainUntil: string): Promise<void>;
  setLegalHold(key: string, versionId: string | undefined, on: boolean): Promise<void>;
}

/** What the records service's use cases need from outside. */
export interface RecordsPorts {
  readonly filePlan: FilePlanStore;
  readonly schedules: ScheduleStore;
  readonly records: RecordStore;
  readonly events: EventLog;
  readonly content: ContentStore;
  readonly locks: ObjectLocks;
  /** Idempotency-Key claims of declarations, by department and key. */
  readonly declarationClaims: IdempotencyStore;
  readonly lockPolicy: LockPolicy;
  readonly clock: () => Date;
  readonly ids: () => string;
  /** How long a presigned upload stays usable, in seconds. */
  readonly uploadSeconds: number;
}

import type { ArchiveVersion, FileActivity } from './archive';
import type { DownloadCount, DownloadEvent } from './downloads';
import type { Group, Organization, StoredPackage } from './entities';

/**
 * What the service needs from storage, declared here so the domain and service never import the
 * AWS SDK: DynamoDB and S3 adapters in store/ implement these, and tests may pass fakes.
 */

export type CreateOutcome = 'created' | 'name-taken';
export type ReplaceOutcome = 'updated' | 'conflict' | 'name-taken';

export interface PackageRepository {
  get(id: string): Promise<StoredPackage | undefined>;
  getByName(name: string): Promise<StoredPackage | undefined>;
  /** The dataset holding a resource. */
  packageIdOfResource(resourceId: string): Promise<string | undefined>;
  /** Stores a new dataset (revision 1); never overwrites one, and claims its name. */
  create(pkg: StoredPackage): Promise<CreateOutcome>;
  /**
   * Stores a new revision if the stored one is still `pkg.revision - 1`; otherwise someone else
   * wrote first and nothing changes. A rename claims the new name and frees the old one.
   */
  replace(pkg: StoredPackage, previousName: string): Promise<ReplaceOutcome>;
  /** Every dataset, in any state: the search index's cold load. */
  all(): Promise<StoredPackage[]>;
  /** Datasets written at or after an instant (ISO 8601): the search index's refresh. */
  changedSince(iso: string): Promise<StoredPackage[]>;
}

export interface RegistryRepository {
  organizations(): Promise<Organization[]>;
  groups(): Promise<Group[]>;
  putOrganization(org: Organization): Promise<void>;
  putGroup(group: Group): Promise<void>;
}

/** A pending upload: declared, presigned, not yet confirmed. */
export interface UploadIntent {
  readonly uploadId: string;
  readonly packageId: string;
  readonly resourceId: string;
  readonly objectKey: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: string;
  /** Epoch seconds after which the intent is void. */
  readonly expiresAt: number;
}

export interface UploadRepository {
  put(intent: UploadIntent): Promise<void>;
  get(uploadId: string): Promise<UploadIntent | undefined>;
  /** Marks an intent completed; false if it already was (the second of two completions). */
  complete(uploadId: string, at: string): Promise<boolean>;
}

export interface ArchiveRepository {
  /** Records a version and counts it towards its file's day. */
  record(version: ArchiveVersion): Promise<void>;
  /** Versions of a file archived on Hong Kong days [startDay, endDay] (YYYYMMDD). */
  versions(url: string, startDay: string, endDay: string): Promise<ArchiveVersion[]>;
  /** Per-day version counts of every file active in the given months (YYYYMM). */
  activity(months: readonly string[]): Promise<FileActivity[]>;
}

export interface DownloadRepository {
  record(event: DownloadEvent): Promise<void>;
  /** Counts, of one dataset or of all. */
  counts(packageId?: string): Promise<DownloadCount[]>;
}

/** An object as stored: its size and SHA-256, hex. */
export interface StoredObject {
  readonly size: number;
  readonly sha256: string;
  readonly contentType?: string;
}

export interface PresignedUpload {
  readonly url: string;
  readonly method: 'PUT';
  /** Headers the PUT must carry exactly: they are part of the signature. */
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

export interface ObjectStorage {
  presignUpload(
    key: string,
    upload: { contentType: string; size: number; sha256: string; expiresInSeconds: number },
  ): Promise<PresignedUpload>;
  /** Size and digest of a stored object, or undefined if there is none. */
  describe(key: string): Promise<StoredObject | undefined>;
  /** A time-limited GET URL for a stored object. */
  presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<string>;
  /** Writes an object directly: for seed data. */
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
}

/** Who did what to which dataset, when, from where. */
export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly packageId: string;
  readonly revision?: number;
  readonly sourceIp?: string;
  readonly requestId?: string;
  readonly detail?: string;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  uuid(): string;
}

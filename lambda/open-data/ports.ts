import type { ArchiveVersion, FileActivity } from './domain/archive';
import type { DownloadCount, DownloadEvent } from './domain/downloads';
import type { Group, Organization, StoredPackage } from './domain/entities';
import type { Trilingual } from './domain/language';
import type { SearchIndex } from './domain/search-index';
import type { UploadPolicy } from './domain/upload-policy';

/**
 * What the use cases need, declared here so that app/ and domain/ never import the AWS SDK: the
 * DynamoDB and S3 adapters in store/ implement these, compose.ts builds them, tests may pass fakes.
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

/**
 * The search index of one function instance, kept current with what was written since it loaded
 * (store/catalog-index.ts).
 */
export interface Catalogue {
  /** The index, refreshed first if it is older than the refresh interval. */
  current(): Promise<SearchIndex>;
  /** Applies a dataset this instance has just written, so its caller sees its own change. */
  remember(pkg: StoredPackage): void;
  /** Drops the index so the next use loads everything again (after seeding, say). */
  reset(): void;
}

/** How the portal describes itself, in CKAN's status_show and in the DCAT exports. */
export interface SiteConfig {
  /** Base URL of the CKAN API, without `/api/3/action`: `https://host/open-data`. */
  readonly siteUrl: string;
  /**
   * Base URL of the download links CKAN shows as a resource's `url`
   * (`<base>/dataset/<id>/resource/<id>/download/<file>`): the service's own route, which counts
   * the download and redirects to the file. Normally the site URL.
   */
  readonly downloadBaseUrl: string;
  /**
   * Where counted downloads are redirected: the CloudFront distribution in front of the
   * resources bucket, in AWS. Without it, to a short-lived presigned S3 URL.
   */
  readonly fileDeliveryUrl?: string;
  readonly title: Trilingual;
  readonly description: Trilingual;
  readonly publisher: Trilingual;
  readonly email: string;
  readonly uploadPolicy: UploadPolicy;
  /** The CKAN release whose Action API this service answers like. */
  readonly ckanVersion: string;
}

/** Everything the use cases use: storage, the search index, time, ids, the site's settings. */
export interface OpenDataPorts {
  readonly packages: PackageRepository;
  readonly registry: RegistryRepository;
  readonly uploads: UploadRepository;
  readonly archive: ArchiveRepository;
  readonly downloads: DownloadRepository;
  readonly objects: ObjectStorage;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly site: SiteConfig;
  readonly catalog: Catalogue;
}

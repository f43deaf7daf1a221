import type { Caller } from '../domain/caller';
import type { Lang, Trilingual } from '../domain/language';
import type {
  ArchiveRepository,
  AuditLog,
  Clock,
  DownloadRepository,
  IdSource,
  ObjectStorage,
  PackageRepository,
  RegistryRepository,
  UploadRepository,
} from '../domain/ports';
import type { UploadPolicy } from '../domain/upload-policy';
import type { CatalogIndex } from './catalog-index';

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

/** Everything the service functions use: storage ports, the search index, time, ids, config. */
export interface OpenDataDeps {
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
  readonly catalog: CatalogIndex;
}

/** Who asks, in which language, and from where (for audit records). */
export interface RequestContext {
  readonly caller: Caller;
  /** @default 'en' */
  readonly lang?: Lang;
  readonly sourceIp?: string;
  readonly requestId?: string;
  /** The If-Match header of an update: the ETag of the revision the client last read. */
  readonly ifMatch?: string;
}

export function langOf(ctx: RequestContext): Lang {
  return ctx.lang ?? 'en';
}

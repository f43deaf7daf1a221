import { randomUUID } from 'node:crypto';
import { CatalogIndex, type CatalogIndexOptions } from '../service/catalog-index';
import type { OpenDataDeps } from '../service/context';
import { siteConfigFromEnv } from '../service/site-config';
import { DynamoArchiveRepository } from './archive-store';
import { DynamoAuditLog } from './audit-store';
import { DynamoDownloadRepository } from './download-store';
import { S3ObjectStorage } from './object-store';
import { DynamoPackageRepository } from './package-store';
import { DynamoRegistryRepository } from './registry-store';
import { DynamoUploadRepository } from './upload-store';

export interface OpenDataDepsOptions {
  /** @default - settings from the environment, see siteConfigFromEnv */
  readonly site?: OpenDataDeps['site'];
  /** @default - the system clock */
  readonly clock?: OpenDataDeps['clock'];
  /** @default - random UUIDs */
  readonly ids?: OpenDataDeps['ids'];
  /** @default - refresh every 5 s */
  readonly index?: CatalogIndexOptions;
}

/**
 * The service's dependencies over DynamoDB and S3. Build it once per process (module scope in a
 * handler): it holds the search index that makes warm requests fast.
 */
export function openDataDeps(options: OpenDataDepsOptions = {}): OpenDataDeps {
  const clock = options.clock ?? { now: () => new Date() };
  const packages = new DynamoPackageRepository(() => clock.now());
  const registry = new DynamoRegistryRepository();
  return {
    packages,
    registry,
    uploads: new DynamoUploadRepository(),
    archive: new DynamoArchiveRepository(),
    downloads: new DynamoDownloadRepository(),
    objects: new S3ObjectStorage(),
    audit: new DynamoAuditLog(),
    clock,
    ids: options.ids ?? { uuid: () => randomUUID() },
    site: options.site ?? siteConfigFromEnv(),
    catalog: new CatalogIndex(packages, registry, clock, options.index),
  };
}

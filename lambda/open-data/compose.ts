import { randomUUID } from 'node:crypto';
import { logger } from '../shared/observability';
import { builtOnce } from '../shared/once';
import { DEFAULT_UPLOAD_POLICY } from './domain/upload-policy';
import { CKAN_COMPATIBLE_VERSION } from './errors';
import type { Clock, IdSource, OpenDataPorts, SiteConfig } from './ports';
import { openDataService } from './routes';
import { DynamoArchiveRepository } from './store/archive-store';
import { DynamoAuditLog } from './store/audit-store';
import { CatalogIndex, type CatalogIndexOptions } from './store/catalog-index';
import { DynamoDownloadRepository } from './store/download-store';
import { S3ObjectStorage } from './store/object-store';
import { DynamoPackageRepository } from './store/package-store';
import { DynamoRegistryRepository } from './store/registry-store';
import { DynamoUploadRepository } from './store/upload-store';

const ENV = openDataService.environment;

/** The site URL when OPEN_DATA_SITE_URL is not set: local mode's default address. */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:3000/open-data';

/** Site settings from the environment the stack or local mode sets (the names in routes.ts). */
export function siteConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): SiteConfig {
  const siteUrl = (env[ENV.siteUrl] || DEFAULT_SITE_URL).replace(/\/+$/, '');
  const maxBytes = Number(env[ENV.maxUploadBytes]);
  const fileDeliveryUrl = env[ENV.downloadUrl]?.replace(/\/+$/, '');
  return {
    siteUrl,
    downloadBaseUrl: siteUrl,
    ...(fileDeliveryUrl ? { fileDeliveryUrl } : {}),
    title: { en: 'Open Data Portal', tc: '資料一線通', sc: '资料一线通' },
    description: {
      en: 'Public sector information released by government departments for free use.',
      tc: '政府部門發放供免費使用的公共資料。',
      sc: '政府部门发放供免费使用的公共资料。',
    },
    publisher: { en: 'Digital Policy Office', tc: '數字政策辦公室', sc: '数字政策办公室' },
    email: env[ENV.contactEmail] ?? 'opendata@example.gov.hk',
    uploadPolicy: Number.isInteger(maxBytes) && maxBytes > 0 ? { ...DEFAULT_UPLOAD_POLICY, maxBytes } : DEFAULT_UPLOAD_POLICY,
    ckanVersion: CKAN_COMPATIBLE_VERSION,
  };
}

export interface OpenDataPortsOptions {
  /** @default - settings from the environment, see siteConfigFromEnv */
  readonly site?: SiteConfig;
  /** @default - the system clock */
  readonly clock?: Clock;
  /** @default - random UUIDs */
  readonly ids?: IdSource;
  /** @default - refresh every 5 s */
  readonly index?: CatalogIndexOptions;
}

/**
 * The adapters over DynamoDB and S3, and the search index over them. A function builds them once
 * (`openDataPorts`): the index is what makes warm requests fast. Seeding and tests build their own.
 */
export function createOpenDataPorts(options: OpenDataPortsOptions = {}): OpenDataPorts {
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

const processPorts = /* @__PURE__ */ builtOnce(async () => ({
  ports: createOpenDataPorts(),
  /** Whether the site URL is configured (in AWS); otherwise it is the address the caller used (local mode). */
  siteConfigured: Boolean(process.env[ENV.siteUrl]),
}));

/** This function's ports, built on first use; links name the caller's address where no site URL is configured. */
export async function openDataPorts(baseUrl?: string): Promise<OpenDataPorts> {
  const { ports, siteConfigured } = await processPorts();
  if (siteConfigured || baseUrl === undefined) return ports;
  return { ...ports, site: { ...ports.site, siteUrl: baseUrl, downloadBaseUrl: baseUrl } };
}

/**
 * In Lambda, starts loading the search index while the instance initialises, ahead of its first
 * request. Local mode seeds after loading handlers, so there the first request loads it.
 */
export function preloadCatalogue(env: Readonly<Record<string, string | undefined>> = process.env): void {
  if (!env.AWS_LAMBDA_FUNCTION_NAME) return;
  processPorts()
    .then(({ ports }) => ports.catalog.current())
    .catch((error: Error) => logger.warn('catalogue not loaded at start; the first request loads it', error));
}

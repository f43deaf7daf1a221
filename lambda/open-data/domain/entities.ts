import * as z from 'zod';
import type { Trilingual } from './language';
import { ckanName } from './names';

/**
 * What the catalogue stores: the source of truth behind every CKAN dict. CKAN's output shapes
 * (package-dict.ts) are derived from these; clients never send them directly.
 */

export const trilingualSchema = z.strictObject({
  en: z.string().max(20_000),
  tc: z.string().max(20_000).optional(),
  sc: z.string().max(20_000).optional(),
}) satisfies z.ZodType<Trilingual>;

/** Timestamps are stored as ISO 8601 in UTC; CKAN renders them without the zone. */
export const isoTimestamp = z.iso.datetime({ offset: false });

export const DATASET_STATES = ['active', 'draft', 'deleted'] as const;
export type DatasetState = (typeof DATASET_STATES)[number];

/** The most resources one dataset holds: keeps a dataset within DynamoDB's 400 KB item limit. */
export const MAX_RESOURCES_PER_DATASET = 250;

export const storedResourceSchema = z.strictObject({
  id: z.string().min(1),
  url: z.string(),
  name: trilingualSchema,
  description: trilingualSchema,
  format: z.string(),
  mimetype: z.string().nullable(),
  size: z.int().min(0).nullable(),
  /** Hex SHA-256 of the current file for uploads; whatever the publisher gave for links. */
  hash: z.string(),
  created: isoTimestamp,
  last_modified: isoTimestamp.nullable(),
  url_type: z.literal('upload').nullable(),
  /** S3 key of the current upload; never shown to clients. */
  object_key: z.string().optional(),
});
export type StoredResource = z.infer<typeof storedResourceSchema>;

export const extraSchema = z.strictObject({ key: z.string().min(1).max(200), value: z.string().max(5000) });
export type Extra = z.infer<typeof extraSchema>;

export const storedPackageSchema = z.strictObject({
  id: z.string().min(1),
  name: ckanName(),
  title: trilingualSchema,
  notes: trilingualSchema,
  /** Organization id. */
  owner_org: z.string().min(1),
  private: z.boolean(),
  state: z.enum(DATASET_STATES),
  license_id: z.string(),
  /** Tag names. */
  tags: z.array(z.string()),
  /** Group (category) names. */
  groups: z.array(z.string()),
  resources: z.array(storedResourceSchema).max(MAX_RESOURCES_PER_DATASET),
  extras: z.array(extraSchema),
  author: z.string().nullable(),
  author_email: z.string().nullable(),
  maintainer: z.string().nullable(),
  maintainer_email: z.string().nullable(),
  url: z.string().nullable(),
  version: z.string().nullable(),
  metadata_created: isoTimestamp,
  metadata_modified: isoTimestamp,
  /** Who created it, as describeCaller() puts it. */
  creator: z.string(),
  /** Increases by one on every write: the optimistic-concurrency token. */
  revision: z.int().min(1),
});
export type StoredPackage = z.infer<typeof storedPackageSchema>;

/** A department publishing data: a CKAN organization. */
export const organizationSchema = z.strictObject({
  id: z.string().min(1),
  name: ckanName(),
  /** Department code officers carry in their identity, such as `TD`. */
  department: z.string().min(1),
  title: trilingualSchema,
  description: trilingualSchema,
  image_url: z.string(),
  /** Contact address published in DCAT exports. */
  email: z.email(),
  created: isoTimestamp,
});
export type Organization = z.infer<typeof organizationSchema>;

/** A data category: a CKAN group. */
export const groupSchema = z.strictObject({
  id: z.string().min(1),
  name: ckanName(),
  title: trilingualSchema,
  description: trilingualSchema,
  image_url: z.string(),
  created: isoTimestamp,
});
export type Group = z.infer<typeof groupSchema>;

/** Published: what the public sees. */
export function isPublic(pkg: Pick<StoredPackage, 'state' | 'private'>): boolean {
  return pkg.state === 'active' && !pkg.private;
}

/** Renders a stored UTC timestamp as CKAN does: ISO 8601 without the zone designator. */
export function ckanTimestamp(iso: string | null): string | null {
  return iso === null ? null : iso.replace(/Z$/, '');
}

import * as z from 'zod';
import { safeFileName } from '../../shared/object-names';
import { quoted } from '../errors';
import { MESSAGES } from './validation';

export { hexToBase64, safeFileName } from '../../shared/object-names';

/**
 * Files reach S3 directly through a presigned PUT that binds the declared size, content type and
 * SHA-256 checksum, so S3 itself refuses a different file. The declaration is checked first.
 */
export interface UploadPolicy {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Content types accepted, lowercase, without parameters. */
  readonly allowedContentTypes: readonly string[];
  /** How long a presigned PUT stays usable, in seconds. */
  readonly urlLifetimeSeconds: number;
}

/** Formats DATA.GOV.HK publishes, by content type, with the format name CKAN shows. */
export const FORMATS_BY_CONTENT_TYPE: Readonly<Record<string, string>> = {
  'text/csv': 'CSV',
  'application/json': 'JSON',
  'application/geo+json': 'GeoJSON',
  'application/xml': 'XML',
  'text/xml': 'XML',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-excel': 'XLS',
  'application/pdf': 'PDF',
  'application/zip': 'ZIP',
  'text/plain': 'TXT',
};

export const DEFAULT_UPLOAD_POLICY: UploadPolicy = {
  maxBytes: 100 * 1024 * 1024,
  allowedContentTypes: Object.keys(FORMATS_BY_CONTENT_TYPE),
  urlLifetimeSeconds: 900,
};

/** What a publisher declares before uploading. */
export const uploadRequestSchema = z.strictObject({
  filename: z
    .string({ error: MESSAGES.missing })
    .trim()
    .min(1, { error: MESSAGES.missing })
    .max(200, { error: 'Must be at most 200 characters long' }),
  content_type: z.string({ error: MESSAGES.missing }).trim().toLowerCase(),
  size: z.int({ error: 'Must be the file size in bytes, a whole number' }).min(1, { error: 'An empty file cannot be published' }),
  sha256: z
    .string({ error: MESSAGES.missing })
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, { error: 'Must be the SHA-256 digest of the file as 64 hexadecimal characters' }),
});
export type UploadRequest = z.output<typeof uploadRequestSchema>;

/** What is wrong with a declared upload under a policy, field by field, or nothing. */
export function uploadProblems(upload: UploadRequest, policy: UploadPolicy): Record<string, string[]> | undefined {
  const problems: Record<string, string[]> = {};
  if (upload.size > policy.maxBytes) {
    problems.size = [`The file is ${upload.size} bytes; the largest accepted is ${policy.maxBytes} bytes (${formatMiB(policy.maxBytes)})`];
  }
  const contentType = baseContentType(upload.content_type);
  if (!policy.allowedContentTypes.includes(contentType)) {
    problems.content_type = [`${quoted(contentType)} is not accepted; upload one of: ${policy.allowedContentTypes.join(', ')}`];
  }
  return Object.keys(problems).length > 0 ? problems : undefined;
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

/** `text/csv; charset=utf-8` → `text/csv`. */
export function baseContentType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

export function formatOf(contentType: string): string {
  return FORMATS_BY_CONTENT_TYPE[baseContentType(contentType)] ?? baseContentType(contentType).split('/').pop()!.toUpperCase();
}

/** Every upload lands at a new key, never overwritten: the archive keeps every version. */
export function uploadObjectKey(packageId: string, resourceId: string, uploadId: string, fileName: string): string {
  return `resources/${packageId}/${resourceId}/${uploadId}/${safeFileName(fileName)}`;
}

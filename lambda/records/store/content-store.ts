import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3 } from '../../shared/aws-clients';
import { hexToBase64 } from '../../shared/object-names';
import { bucketEnvName } from '../../shared/storage-definition';
import type { LockMode } from '../domain/record';
import type { ContentStore, ObjectLocks, PresignedUpload, StoredContent } from '../ports';
import { RECORDS_BUCKETS } from '../storage';

function bucket(): string {
  const env = bucketEnvName(RECORDS_BUCKETS.content);
  const name = process.env[env];
  if (!name) throw new Error(`${env} is not set: the function's stack or local mode must pass the bucket name`);
  return name;
}

const isMissing = (error: unknown) => ['NotFound', 'NoSuchKey'].includes((error as { name?: string }).name ?? '');

/** Headers the presigned PUT signs, and sends as headers, so S3 takes no other file and no other lock. */
const SIGNED_HEADERS = [
  'content-type',
  'content-length',
  'x-amz-checksum-sha256',
  'x-amz-object-lock-mode',
  'x-amz-object-lock-retain-until-date',
];

/**
 * Record content in S3. The upload is a presigned PUT that signs the length, the SHA-256 checksum
 * and the Object Lock (mode and retain-until): S3 refuses another file, and the object is locked
 * as it is written.
 */
export class S3ContentStore implements ContentStore {
  async presignUpload(
    key: string,
    upload: { contentType: string; size: number; sha256: string; lockMode: LockMode; retainUntil: string; expiresInSeconds: number },
  ): Promise<PresignedUpload> {
    const checksum = hexToBase64(upload.sha256);
    const command = new PutObjectCommand({
      Bucket: bucket(),
      Key: key,
      ContentType: upload.contentType,
      ContentLength: upload.size,
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: checksum,
      ObjectLockMode: upload.lockMode,
      ObjectLockRetainUntilDate: new Date(upload.retainUntil),
    });
    const url = await getSignedUrl(s3(), command, {
      expiresIn: upload.expiresInSeconds,
      signableHeaders: new Set(SIGNED_HEADERS),
      unhoistableHeaders: new Set([
        'x-amz-checksum-sha256',
        'x-amz-sdk-checksum-algorithm',
        'x-amz-object-lock-mode',
        'x-amz-object-lock-retain-until-date',
      ]),
    });
    return {
      url,
      method: 'PUT',
      headers: {
        'content-type': upload.contentType,
        'x-amz-checksum-sha256': checksum,
        'x-amz-sdk-checksum-algorithm': 'SHA256',
        'x-amz-object-lock-mode': upload.lockMode,
        'x-amz-object-lock-retain-until-date': new Date(upload.retainUntil).toISOString(),
      },
      expiresAt: new Date(Date.now() + upload.expiresInSeconds * 1000).toISOString(),
    };
  }

  async describe(key: string): Promise<StoredContent | undefined> {
    let head: Awaited<ReturnType<typeof this.head>>;
    try {
      head = await this.head(key);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const verified =
      head.ChecksumSHA256 && !head.ChecksumSHA256.includes('-') ? Buffer.from(head.ChecksumSHA256, 'base64').toString('hex') : undefined;
    // S3 answers with the checksum it verified; embedded S3 keeps none, so the object is hashed instead.
    return {
      size: head.ContentLength ?? 0,
      sha256: verified ?? (await this.hash(key)),
      ...(head.VersionId ? { versionId: head.VersionId } : {}),
      ...(head.ObjectLockMode ? { lockMode: head.ObjectLockMode as LockMode } : {}),
      ...(head.ObjectLockRetainUntilDate ? { retainUntil: head.ObjectLockRetainUntilDate.toISOString() } : {}),
    };
  }

  async read(key: string, versionId: string | undefined): Promise<Buffer> {
    const got = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key, VersionId: versionId }));
    return Buffer.from(await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
  }

  async destroy(key: string, versionId: string | undefined): Promise<void> {
    await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key, VersionId: versionId }));
  }

  private head(key: string) {
    return s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key, ChecksumMode: 'ENABLED' }));
  }

  private async hash(key: string): Promise<string> {
    const got = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    const digest = createHash('sha256');
    for await (const chunk of got.Body as AsyncIterable<Uint8Array>) digest.update(chunk);
    return digest.digest('hex');
  }
}

/** Object Lock calls on a stored object's version, as S3 enforces them. */
export class S3ObjectLocks implements ObjectLocks {
  async extendRetention(key: string, versionId: string | undefined, mode: LockMode, retainUntil: string): Promise<void> {
    await s3().send(
      new PutObjectRetentionCommand({
        Bucket: bucket(),
        Key: key,
        VersionId: versionId,
        Retention: { Mode: mode, RetainUntilDate: new Date(retainUntil) },
        ChecksumAlgorithm: 'SHA256',
      }),
    );
  }

  async setLegalHold(key: string, versionId: string | undefined, on: boolean): Promise<void> {
    await s3().send(
      new PutObjectLegalHoldCommand({
        Bucket: bucket(),
        Key: key,
        VersionId: versionId,
        LegalHold: { Status: on ? 'ON' : 'OFF' },
        ChecksumAlgorithm: 'SHA256',
      }),
    );
  }
}

/**
 * Embedded S3 (s3rver) answers 405 to Object Lock calls: there the domain's rules alone keep
 * records immutable and held, and what S3 would have been asked is only kept in memory, for tests.
 */
export class DomainOnlyObjectLocks implements ObjectLocks {
  /** The latest calls, oldest first; a long-running local mode keeps only the last thousand. */
  readonly calls: { key: string; versionId?: string; retention?: { mode: LockMode; retainUntil: string }; legalHold?: boolean }[] = [];

  private keep(call: DomainOnlyObjectLocks['calls'][number]) {
    this.calls.push(call);
    if (this.calls.length > 1000) this.calls.shift();
  }

  async extendRetention(key: string, versionId: string | undefined, mode: LockMode, retainUntil: string): Promise<void> {
    this.keep({ key, versionId, retention: { mode, retainUntil } });
  }

  async setLegalHold(key: string, versionId: string | undefined, on: boolean): Promise<void> {
    this.keep({ key, versionId, legalHold: on });
  }
}

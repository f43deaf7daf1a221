import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3 } from '../../shared/aws-clients';
import { bucketEnvName } from '../../shared/storage-definition';
import { hexToBase64 } from '../domain/upload-policy';
import type { ObjectStorage, PresignedUpload, StoredObject } from '../ports';
import { OPEN_DATA_BUCKETS } from '../storage';

function bucket(): string {
  const name = process.env[bucketEnvName(OPEN_DATA_BUCKETS.resources)];
  if (!name)
    throw new Error(
      `${bucketEnvName(OPEN_DATA_BUCKETS.resources)} is not set: the function's stack or local mode must pass the bucket name`,
    );
  return name;
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === 'NotFound' || name === 'NoSuchKey';
}

/**
 * Files in the resources bucket. Uploads are presigned PUTs that sign the content type, length
 * and SHA-256 checksum, so S3 refuses any other file. Keys are never reused.
 */
export class S3ObjectStorage implements ObjectStorage {
  async presignUpload(
    key: string,
    upload: { contentType: string; size: number; sha256: string; expiresInSeconds: number },
  ): Promise<PresignedUpload> {
    const checksum = hexToBase64(upload.sha256);
    const command = new PutObjectCommand({
      Bucket: bucket(),
      Key: key,
      ContentType: upload.contentType,
      ContentLength: upload.size,
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: checksum,
    });
    const url = await getSignedUrl(s3(), command, {
      expiresIn: upload.expiresInSeconds,
      signableHeaders: new Set(['content-type', 'content-length', 'x-amz-checksum-sha256']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256', 'x-amz-sdk-checksum-algorithm']),
    });
    return {
      url,
      method: 'PUT',
      headers: { 'content-type': upload.contentType, 'x-amz-checksum-sha256': checksum, 'x-amz-sdk-checksum-algorithm': 'SHA256' },
      expiresAt: new Date(Date.now() + upload.expiresInSeconds * 1000).toISOString(),
    };
  }

  async describe(key: string): Promise<StoredObject | undefined> {
    let head: { ContentLength?: number; ChecksumSHA256?: string; ContentType?: string };
    try {
      head = await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key, ChecksumMode: 'ENABLED' }));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const stored =
      head.ChecksumSHA256 && !head.ChecksumSHA256.includes('-') ? Buffer.from(head.ChecksumSHA256, 'base64').toString('hex') : undefined;
    // S3 returns the checksum it verified; embedded S3 keeps none, so the object is hashed instead.
    const sha256 = stored ?? (await this.hash(key));
    return { size: head.ContentLength ?? 0, sha256, ...(head.ContentType ? { contentType: head.ContentType } : {}) };
  }

  async presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: bucket(),
      Key: key,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
    return getSignedUrl(s3(), command, { expiresIn: expiresInSeconds });
  }

  async put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
    await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: body, ContentType: contentType }));
  }

  private async hash(key: string): Promise<string> {
    const got = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    const digest = createHash('sha256');
    for await (const chunk of got.Body as AsyncIterable<Uint8Array>) digest.update(chunk);
    return digest.digest('hex');
  }
}

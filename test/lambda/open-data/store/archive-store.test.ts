import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { storage } from '../../../../lambda/open-data/storage';
import { DynamoArchiveRepository, MONTH_READS_AT_ONCE } from '../../../../lambda/open-data/store/archive-store';
import { DynamoAuditLog } from '../../../../lambda/open-data/store/audit-store';
import { DynamoDownloadRepository } from '../../../../lambda/open-data/store/download-store';
import { S3ObjectStorage } from '../../../../lambda/open-data/store/object-store';
import { DynamoUploadRepository } from '../../../../lambda/open-data/store/upload-store';
import { dynamo } from '../../../../lambda/shared/aws-clients';
import { useEmbeddedStorage } from '../../../helpers/embedded-storage';

const version = (archivedAt: string, objectKey: string) => ({
  url: 'https://files.example/rain.csv',
  packageId: 'p1',
  resourceId: 'r1',
  archivedAt,
  objectKey,
  size: 3,
  sha256: 'a'.repeat(64),
  mimetype: 'text/csv',
});

describe('archive, downloads, uploads and files on embedded storage', () => {
  useEmbeddedStorage('open-data', storage);

  it('records each version once and counts it towards its Hong Kong day and month', async () => {
    const archive = new DynamoArchiveRepository();
    await archive.record(version('2024-01-31T16:30:00.000Z', 'k1'));
    await archive.record(version('2024-01-31T16:30:00.000Z', 'k1'));
    await archive.record(version('2024-02-01T03:00:00.000Z', 'k2'));
    await archive.record(version('2024-03-05T03:00:00.000Z', 'k3'));
    expect((await archive.versions('https://files.example/rain.csv', '20240201', '20240201')).map((v) => v.objectKey)).toEqual([
      'k1',
      'k2',
    ]);
    expect(await archive.versions('https://files.example/other.csv', '20240101', '20241231')).toEqual([]);
    expect(await archive.activity(['202402'])).toEqual([
      { url: 'https://files.example/rain.csv', packageId: 'p1', resourceId: 'r1', days: { '20240201': 2 } },
    ]);
    expect((await archive.activity(['202401', '202402', '202403']))[0].days).toEqual({ '20240201': 2, '20240305': 1 });
  });

  it('reads the months of a period a few at a time, never all at once', async () => {
    const archive = new DynamoArchiveRepository();
    await archive.record(version('2023-06-15T03:00:00.000Z', 'k-june'));
    const client = dynamo();
    const send = client.send.bind(client);
    let inFlight = 0;
    let most = 0;
    let reads = 0;
    const spy = jest.spyOn(client, 'send').mockImplementation(async (command: unknown, ...rest: unknown[]) => {
      if (!(command instanceof QueryCommand)) return (send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
      reads++;
      most = Math.max(most, ++inFlight);
      try {
        return await (send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
      } finally {
        inFlight--;
      }
    });
    try {
      const months = Array.from({ length: 13 }, (_, i) => `2023${String(i + 1).padStart(2, '0')}`)
        .slice(0, 12)
        .concat('202401');
      const activity = await archive.activity(months);
      expect(activity.find((file) => file.days['20230615'])).toBeDefined();
      expect(reads).toBe(13);
      expect(most).toBeLessThanOrEqual(MONTH_READS_AT_ONCE);
    } finally {
      spy.mockRestore();
    }
  });

  it('counts concurrent downloads without losing any', async () => {
    const downloads = new DynamoDownloadRepository();
    await Promise.all(
      Array.from({ length: 20 }, () => downloads.record({ packageId: 'p1', resourceId: 'r1', at: '2024-01-01T01:00:00.000Z' })),
    );
    await downloads.record({ packageId: 'p2', resourceId: 'r9', at: '2024-01-01T01:00:00.000Z' });
    expect(await downloads.counts('p1')).toEqual([{ packageId: 'p1', resourceId: 'r1', day: '20240101', count: 20 }]);
    expect((await downloads.counts()).length).toBe(2);
  });

  it('completes an upload once', async () => {
    const uploads = new DynamoUploadRepository();
    const intent = {
      uploadId: 'u1',
      packageId: 'p1',
      resourceId: 'r1',
      objectKey: 'resources/p1/r1/u1/a.csv',
      fileName: 'a.csv',
      contentType: 'text/csv',
      size: 3,
      sha256: 'a'.repeat(64),
      createdAt: '2024-01-01T00:00:00.000Z',
      expiresAt: 1_900_000_000,
    };
    await uploads.put(intent);
    await expect(uploads.put(intent)).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(await uploads.get('u1')).toEqual(intent);
    const outcomes = await Promise.all([uploads.complete('u1', 'x'), uploads.complete('u1', 'y')]);
    expect(outcomes.sort()).toEqual([false, true]);
    expect(await uploads.complete('missing', 'x')).toBe(false);
  });

  it('keeps an audit trail per dataset', async () => {
    const audit = new DynamoAuditLog();
    await audit.record({
      at: '2024-01-01T00:00:00.000Z',
      actor: 'officer:TD',
      action: 'package_create',
      packageId: 'p1',
      revision: 1,
      sourceIp: '203.0.113.9',
    });
    await audit.record({ at: '2024-01-02T00:00:00.000Z', actor: 'officer:TD', action: 'package_update', packageId: 'p1', revision: 2 });
    expect((await audit.forPackage('p1')).map((entry) => entry.action)).toEqual(['package_create', 'package_update']);
  });

  it('presigns an upload that binds content type, length and checksum, and describes the stored file', async () => {
    const objects = new S3ObjectStorage();
    const body = 'a,b\n1,2\n';
    const sha256 = createHash('sha256').update(body).digest('hex');
    const presigned = await objects.presignUpload('resources/p/r/u/x.csv', {
      contentType: 'text/csv',
      size: body.length,
      sha256,
      expiresInSeconds: 60,
    });
    const signed = new URL(presigned.url).searchParams.get('X-Amz-SignedHeaders')?.split(';');
    expect(signed).toEqual(expect.arrayContaining(['content-type', 'content-length', 'x-amz-checksum-sha256']));
    expect(new URL(presigned.url).searchParams.get('X-Amz-Expires')).toBe('60');
    const put = await fetch(presigned.url, { method: 'PUT', headers: presigned.headers, body });
    expect(put.status).toBe(200);
    expect(await objects.describe('resources/p/r/u/x.csv')).toEqual({ size: body.length, sha256, contentType: 'text/csv' });
    expect(await objects.describe('resources/none')).toBeUndefined();
    const download = await fetch(await objects.presignDownload('resources/p/r/u/x.csv', 'x.csv', 60));
    expect(await download.text()).toBe(body);
  });
});

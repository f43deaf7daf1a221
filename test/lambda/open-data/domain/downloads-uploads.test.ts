import fc from 'fast-check';
import { aggregateDownloads, countEvents } from '../../../../lambda/open-data/domain/downloads';
import {
  DEFAULT_UPLOAD_POLICY,
  formatOf,
  hexToBase64,
  safeFileName,
  uploadObjectKey,
  uploadProblems,
} from '../../../../lambda/open-data/domain/upload-policy';

describe('download counting', () => {
  it('counts per dataset, resource and Hong Kong day', () => {
    const counts = countEvents([
      { packageId: 'p', resourceId: 'r1', at: '2024-01-01T15:59:00.000Z' },
      { packageId: 'p', resourceId: 'r1', at: '2024-01-01T16:01:00.000Z' },
      { packageId: 'p', resourceId: 'r2', at: '2024-01-01T17:00:00.000Z' },
      { packageId: 'q', resourceId: 'r3', at: '2024-01-01T17:00:00.000Z' },
    ]);
    expect(aggregateDownloads(counts)).toEqual([
      { packageId: 'p', total: 3, resources: { r1: 2, r2: 1 }, days: { '20240101': 1, '20240102': 2 } },
      { packageId: 'q', total: 1, resources: { r3: 1 }, days: { '20240102': 1 } },
    ]);
    expect(aggregateDownloads(counts, { from: '20240102' })[0].total).toBe(2);
  });

  it('loses no download: totals equal the number of events', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            packageId: fc.constantFrom('a', 'b', 'c'),
            resourceId: fc.constantFrom('r1', 'r2'),
            at: fc.date({ min: new Date('2024-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
          }),
        ),
        (events) => {
          const totals = aggregateDownloads(countEvents(events));
          expect(totals.reduce((sum, entry) => sum + entry.total, 0)).toBe(events.length);
          for (const entry of totals) {
            expect(Object.values(entry.days).reduce((a, b) => a + b, 0)).toBe(entry.total);
            expect(Object.values(entry.resources).reduce((a, b) => a + b, 0)).toBe(entry.total);
          }
        },
      ),
    );
  });
});

describe('upload policy', () => {
  const upload = { filename: 'rain.csv', content_type: 'text/csv', size: 100, sha256: 'a'.repeat(64) };

  it('accepts a declared file within the policy', () => {
    expect(uploadProblems(upload, DEFAULT_UPLOAD_POLICY)).toBeUndefined();
  });

  it('refuses a file over the cap, saying the limit', () => {
    expect(uploadProblems({ ...upload, size: DEFAULT_UPLOAD_POLICY.maxBytes + 1 }, DEFAULT_UPLOAD_POLICY)).toEqual({
      size: [
        `The file is ${DEFAULT_UPLOAD_POLICY.maxBytes + 1} bytes; the largest accepted is ${DEFAULT_UPLOAD_POLICY.maxBytes} bytes (100 MiB)`,
      ],
    });
  });

  it('refuses a content type outside the allowlist, listing the allowed ones', () => {
    expect(uploadProblems({ ...upload, content_type: 'application/x-msdownload' }, DEFAULT_UPLOAD_POLICY)?.content_type?.[0]).toMatch(
      /"application\/x-msdownload" is not accepted; upload one of: text\/csv/,
    );
    expect(uploadProblems({ ...upload, content_type: 'text/csv; charset=utf-8' }, DEFAULT_UPLOAD_POLICY)).toBeUndefined();
  });

  it('names formats as DATA.GOV.HK does', () => {
    expect(['text/csv', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].map(formatOf)).toEqual([
      'CSV',
      'JSON',
      'XLSX',
    ]);
  });

  it('keeps file names safe in keys and URLs, and never reuses a key', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('每日 雨量 (2024).csv')).toBe('每日-雨量-2024-.csv');
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(safeFileName(name)).toMatch(/^[\p{L}\p{N}._-]+$/u);
        expect(safeFileName(name)).not.toMatch(/^[.-]/);
      }),
    );
    expect(uploadObjectKey('p', 'r', 'u1', 'a.csv')).not.toBe(uploadObjectKey('p', 'r', 'u2', 'a.csv'));
  });

  it('converts a hex digest to the base64 S3 expects', () => {
    expect(hexToBase64('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe(
      '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    );
  });
});

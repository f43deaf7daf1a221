import { createHash } from 'node:crypto';
import { safeFileName } from '../../shared/object-names';
import { bagFiles, tarOf } from '../domain/bagit';
import type { Officer } from '../domain/caller';
import type { RecordEvent } from '../domain/events';
import { exportTooLarge, fixityFailed, recordImmutable } from '../errors';
import type { RecordsPorts } from '../ports';
import { recordOf, requireManager } from './access';

/** The largest content a bag is answered with inline: a Lambda answer holds 6 MB, base64 a third more. */
export const MAX_INLINE_EXPORT_BYTES = 4 * 1024 * 1024;
const EVENTS_PER_PAGE = 100;

/**
 * GET /records/v1/records/{id}/export (records managers): the record as a BagIt bag in a tar
 * archive, for transfer to the Government Records Service. Its content is checked against the
 * SHA-256 declared at capture before it is packed.
 */
export async function exportRecord(ports: RecordsPorts, officer: Officer, id: string): Promise<{ fileName: string; archive: Buffer }> {
  requireManager(officer);
  const record = await recordOf(ports, officer, id);
  if (record.state !== 'kept' && record.state !== 'transferred')
    throw recordImmutable(`Record ${id} is ${record.state}: it has no content to export.`);
  if (record.content.size > MAX_INLINE_EXPORT_BYTES) throw exportTooLarge(record.content.size, MAX_INLINE_EXPORT_BYTES);
  const content = await ports.content.read(record.content.objectKey, record.content.versionId);
  if (content.length !== record.content.size || createHash('sha256').update(content).digest('hex') !== record.content.sha256) {
    throw fixityFailed(id);
  }
  const events: RecordEvent[] = [];
  for (let after: string | undefined, first = true; first || after; first = false) {
    const page = await ports.events.list(id, { after, limit: EVENTS_PER_PAGE });
    events.push(...page.items);
    after = page.next;
  }
  const certificate = await ports.records.getCertificate(id);
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  const now = ports.clock();
  const files = bagFiles(
    [{ path: `data/${safeFileName(record.content.fileName).slice(0, 100)}`, bytes: content }],
    {
      'Source-Organization': record.department,
      'External-Identifier': record.id,
      'External-Description': record.metadata.title,
      'Bag-Group-Identifier': record.classCode,
    },
    [
      { path: 'record.json', bytes: json(record) },
      { path: 'events.json', bytes: json(events) },
      ...(certificate ? [{ path: 'disposal-certificate.json', bytes: json(certificate) }] : []),
    ],
    now,
  );
  const bag = `record-${record.id}`;
  return { fileName: `${bag}.tar`, archive: tarOf(bag, files, now) };
}
